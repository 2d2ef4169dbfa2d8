package org.hil303.rigs.health;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One part of the rig that can break (the power switch, the console line, the emulator, the rig's
 * network, a service the rig plays), and what is wrong with it now. Never a question about the DUT:
 * a DUT that crashes, hangs or reboots leaves every one of these healthy.
 */
public record HealthCheck(String part, Supplier<Optional<String>> problem) {}
