package org.hil303.steps.glue;

import org.hil303.fixtures.dut.UpdateSpec;
import org.hil303.fixtures.update.UpdateImages;
import org.hil303.fixtures.update.UpdatePki;
import org.hil303.rigs.base.RigFault;

/** What every update scenario starts from: the IXIT's update section, the run's PKI and the images to offer. */
final class UpdateContext {
    private UpdateContext() {}

    static UpdateSpec spec(DutWorld world) {
        return world.run().dut().update().orElseThrow(() -> new RigFault(
                "the IXIT (7-UpdMech) has no 'update' section: how the DUT fetches updates and how to ask it"));
    }

    /** The PKI of the played update server, which is started first if it is not yet listening. */
    static UpdatePki pki(DutWorld world) {
        world.run().updateServer();
        return world.run().updatePki().orElseThrow();
    }

    /** The supplier's images when the IXIT names them, else the reference device's, made and signed by the harness. */
    static UpdateImages images(DutWorld world) {
        return spec(world).supplied().map(UpdateImages::supplied).orElseGet(() -> UpdateImages.generated(pki(world)));
    }
}
