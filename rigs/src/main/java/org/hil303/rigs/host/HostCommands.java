package org.hil303.rigs.host;

import java.util.List;
import org.hil303.rigs.base.Timeout;

/**
 * Runs a program on the rig's own host (the Pi): the seam between the drivers that switch the rig's
 * hardware with a tool (nft, ip, usbsdmux) and the processes, so the commands can be checked
 * without a Pi. Arguments are passed as they are, never through a shell.
 */
public interface HostCommands {
    /**
     * @param input written to the program's standard input, empty for none
     * @return what the program printed (stdout and stderr); a non-zero exit, a missing program or
     *     the timeout passing is a {@link org.hil303.rigs.base.RigFault} that names the command
     */
    String run(List<String> command, String input, Timeout timeout);

    /** Whether the program can be started at all (on the PATH, or an executable path). */
    boolean available(String program);
}
