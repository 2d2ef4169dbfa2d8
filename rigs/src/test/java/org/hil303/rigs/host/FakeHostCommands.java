package org.hil303.rigs.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.base.Timeout;

/** Records the commands a driver would run on the Pi and answers with canned output. */
public final class FakeHostCommands implements HostCommands {
    public final List<String> ran = new ArrayList<>();
    public final List<String> inputs = new ArrayList<>();
    public final Map<String, String> answers = new LinkedHashMap<>();
    public final Set<String> missing = new HashSet<>();
    public final Set<String> failing = new HashSet<>();

    @Override
    public String run(List<String> command, String input, Timeout timeout) {
        String line = String.join(" ", command);
        ran.add(line);
        inputs.add(input);
        if (failing.contains(line)) {
            throw new RigFault("`" + line + "` failed (status 1): fake failure");
        }
        return answers.getOrDefault(line, "");
    }

    @Override
    public boolean available(String program) {
        return !missing.contains(program);
    }
}
