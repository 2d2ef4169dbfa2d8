package org.hil303.rigs.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.console.JSerialCommLine;
import org.junit.jupiter.api.Test;

class JSerialCommLineTest {
    @Test
    void missing_port_is_named() {
        assertThatThrownBy(() -> JSerialCommLine.open("/dev/ttyDOESNOTEXIST", 115200)).isInstanceOf(RigFault.class)
                .hasMessageContaining("/dev/ttyDOESNOTEXIST").hasMessageContaining("does not exist");
    }

    @Test
    void a_port_held_by_someone_else_is_busy() {
        try (Pty pty = Pty.open(); JSerialCommLine first = JSerialCommLine.open(pty.slavePath(), 115200)) {
            assertThat(first.describe()).isEqualTo(pty.slavePath());
            assertThatThrownBy(() -> JSerialCommLine.open(pty.slavePath(), 115200).close()).isInstanceOf(RigFault.class)
                    .hasMessageContaining(pty.slavePath()).hasMessageContaining("busy");
        }
    }

    /** Another program holding the port (as a second jSerialComm process would: an exclusive flock). */
    @Test
    void a_port_locked_by_another_process_is_busy() throws Exception {
        try (Pty pty = Pty.open()) {
            Process holder = new ProcessBuilder("flock", "--no-fork", "--exclusive", "--nonblock", pty.slavePath(),
                    "sh", "-c", "echo locked; exec cat") // one process throughout: killing it frees the lock
                    .redirectErrorStream(true).start();
            try {
                String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
                assertThat(first).isEqualTo("locked");
                assertThatThrownBy(() -> JSerialCommLine.open(pty.slavePath(), 115200).close()).isInstanceOf(RigFault.class)
                        .hasMessageContaining(pty.slavePath()).hasMessageContaining("busy");
            } finally {
                holder.destroyForcibly();
                holder.waitFor();
            }
            try (JSerialCommLine free = JSerialCommLine.open(pty.slavePath(), 115200)) {
                assertThat(free.describe()).as("free again once the other program is gone").isEqualTo(pty.slavePath());
            }
        }
    }

    @Test
    void a_port_can_be_opened_again_after_close() {
        try (Pty pty = Pty.open()) {
            JSerialCommLine.open(pty.slavePath(), 115200).close();
            try (JSerialCommLine again = JSerialCommLine.open(pty.slavePath(), 115200)) {
                assertThat(again.describe()).isEqualTo(pty.slavePath());
            }
        }
    }
}
