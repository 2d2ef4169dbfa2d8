package org.hil303.rigs.network;

/**
 * The DUT's way out to its cloud, which the rig can cut while the local network (the harness's
 * path to the DUT's own services) stays up: a Pi rig does it with a relay or a managed switch port
 * on the uplink, the virtual rig inside its network namespace.
 */
public interface Uplink {
    /** Cuts the uplink: the DUT's packets towards its cloud are dropped without an answer, as on a dead link. */
    void cut();

    /** Restores the uplink; harmless when it is up. */
    void restore();

    /** How the rig cuts it, for the evidence. */
    String describe();
}
