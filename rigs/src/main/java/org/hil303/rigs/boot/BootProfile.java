package org.hil303.rigs.boot;

import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.hil303.rigs.base.Timeout;

/**
 * How to tell that the DUT has booted, from its description: the console line it prints when ready,
 * a port that answers once its network is up, and how long each may take.
 */
public record BootProfile(Pattern ready, OptionalInt networkPort, Timeout boot, Timeout network) {}
