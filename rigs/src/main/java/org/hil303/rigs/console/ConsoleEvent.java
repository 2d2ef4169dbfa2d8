package org.hil303.rigs.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A console line that says the device crashed or restarted: a finding, not a timeout. */
public record ConsoleEvent(Kind kind, Duration at, String line) {
    public enum Kind { PANIC, OOPS, WATCHDOG, REBOOT }

    private record Rule(Kind kind, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Kind.PANIC, Pattern.compile("Kernel panic - not syncing")),
            new Rule(Kind.OOPS, Pattern.compile("(Oops:|BUG: |general protection fault|segfault at )")),
            new Rule(Kind.WATCHDOG, Pattern.compile("(?i)watchdog: .*(hard|soft) lockup|watchdog timeout|Watchdog did not stop")),
            new Rule(Kind.REBOOT, Pattern.compile("(reboot: Restarting system|reboot: Power down|(?i)^\\s*rebooting\\b)")));

    static Optional<ConsoleEvent> recognise(String line, Duration at) {
        for (Rule r : RULES) {
            if (r.pattern.matcher(line).find()) {
                return Optional.of(new ConsoleEvent(r.kind, at, line));
            }
        }
        return Optional.empty();
    }
}
