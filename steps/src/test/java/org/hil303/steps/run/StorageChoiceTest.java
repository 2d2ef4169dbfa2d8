package org.hil303.steps.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hil303.rigs.base.RigFault;
import org.hil303.rigs.storage.RawStorage;
import org.junit.jupiter.api.Test;

class StorageChoiceTest {
    private static final RawStorage READER = new Fake("reader", RawStorage.Access.DUT_OFF);
    private static final RawStorage CONSOLE = new Fake("console", RawStorage.Access.DUT_RUNNING);
    private static final Optional<Supplier<RawStorage>> VIA_CONSOLE = Optional.of(() -> CONSOLE);

    @Test
    void left_open_the_console_is_taken_where_the_rig_declares_it() {
        assertThat(StorageChoice.choose(Optional.empty(), "pi", Optional.of(READER), VIA_CONSOLE)).isSameAs(CONSOLE);
        assertThat(StorageChoice.choose(Optional.empty(), "pi", Optional.of(READER), Optional.empty())).isSameAs(READER);
    }

    @Test
    void the_way_the_ixit_names_is_taken_even_where_the_rig_has_both() {
        assertThat(StorageChoice.choose(Optional.of(RawStorage.Access.DUT_OFF), "virtual", Optional.of(READER), VIA_CONSOLE)).isSameAs(READER);
        assertThat(StorageChoice.choose(Optional.of(RawStorage.Access.DUT_RUNNING), "virtual", Optional.of(READER), VIA_CONSOLE)).isSameAs(CONSOLE);
    }

    @Test
    void a_way_the_rig_lacks_is_a_rig_fault_that_says_what_to_declare() {
        assertThatThrownBy(() -> StorageChoice.choose(Optional.of(RawStorage.Access.DUT_RUNNING), "pi", Optional.of(READER), Optional.empty()))
                .isInstanceOf(RigFault.class).hasMessageContaining("alter-with: dut-console").hasMessageContaining("storage: dut-console");
        assertThatThrownBy(() -> StorageChoice.choose(Optional.of(RawStorage.Access.DUT_OFF), "pi", Optional.empty(), VIA_CONSOLE))
                .isInstanceOf(RigFault.class).hasMessageContaining("storage: sd-mux");
        assertThatThrownBy(() -> StorageChoice.choose(Optional.empty(), "pi", Optional.empty(), Optional.empty()))
                .isInstanceOf(RigFault.class).hasMessageContaining("declares no way");
    }

    private record Fake(String name, Access how) implements RawStorage {
        public String describe() {
            return name;
        }

        public long size() {
            return 0;
        }

        public List<Long> find(byte[] needle) {
            return List.of();
        }

        public byte read(long offset) {
            return 0;
        }

        public void readAll(java.util.function.Consumer<byte[]> pieces) {}

        public void write(long offset, byte value) {}

        public Access access() {
            return how;
        }
    }
}
