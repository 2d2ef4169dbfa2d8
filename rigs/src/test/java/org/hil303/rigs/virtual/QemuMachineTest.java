package org.hil303.rigs.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hil303.rigs.base.RigFault;
import org.junit.jupiter.api.Test;

class QemuMachineTest {
    @Test
    void missing_qemu_says_what_to_install() {
        assertThatThrownBy(() -> QemuMachine.requireBinary("qemu-system-does-not-exist")).isInstanceOf(RigFault.class)
                .hasMessageContaining("qemu-system-does-not-exist").hasMessageContaining("apt-get install qemu-system-x86");
    }

    @Test
    void missing_qemu_given_by_path() {
        assertThatThrownBy(() -> QemuMachine.requireBinary("/nonexistent/bin/qemu-system-x86_64")).isInstanceOf(RigFault.class)
                .hasMessageContaining("apt-get install qemu-system-x86");
    }

    @Test
    void tools_on_path() {
        assertThat(Tools.onPath("sh")).isTrue();
        assertThat(Tools.onPath("/bin/sh")).isTrue();
        assertThat(Tools.onPath("hil303-no-such-tool")).isFalse();
    }
}
