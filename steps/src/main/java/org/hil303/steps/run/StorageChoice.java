package org.hil303.steps.run;

import java.util.Optional;
import java.util.function.Supplier;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.storage.RawStorage;

/**
 * Which of the rig's ways to the DUT's raw storage a test unit uses. The IXIT may name one (a DUT
 * whose flash is soldered down is altered through its console as root; one with a card, on a
 * reader beside it); the rig must then have that way. Left open, the DUT's console is taken when
 * the rig file declares it, since a lab declares it for a DUT no reader can reach.
 */
public final class StorageChoice {
    private StorageChoice() {}

    public static RawStorage choose(Optional<RawStorage.Access> named, String rig, Optional<RawStorage> reader,
                             Optional<Supplier<RawStorage>> viaConsole) {
        if (named.isEmpty()) {
            return viaConsole.map(Supplier::get).or(() -> reader).orElseThrow(() -> new RigFault("the DUT's raw storage cannot be read on rig '"
                    + rig + "': its rig file declares no way ('storage': an SD mux, or the DUT's console as root)"));
        }
        if (named.get() == RawStorage.Access.DUT_RUNNING) {
            return viaConsole.map(Supplier::get).orElseThrow(() -> new RigFault("the IXIT (20-SecBoot) has the software altered through "
                    + "the DUT's console ('alter-with: dut-console'), but rig '" + rig + "' declares no 'storage: dut-console'"));
        }
        return reader.orElseThrow(() -> new RigFault("the IXIT (20-SecBoot) has the software altered on a reader beside the DUT "
                + "('alter-with: reader'), but rig '" + rig + "' has none: declare 'storage: sd-mux' in its rig file"));
    }
}
