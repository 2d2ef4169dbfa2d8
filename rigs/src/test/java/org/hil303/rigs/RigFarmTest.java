package org.hil303.rigs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RigFarmTest {
    private static final Path RIGS = Path.of(System.getProperty("user.dir")).resolve("../rigs").normalize();

    @Test
    void a_virtual_rig_named_three_times_is_three_rigs_numbered() {
        Path v = RIGS.resolve("virtual.yaml");
        RigFarm farm = RigFarm.read(List.of(v, v, v));
        assertThat(farm.rigs()).extracting(RigFarm.Member::id).containsExactly("virtual-1", "virtual-2", "virtual-3");
        assertThat(farm.name()).isEqualTo("3-rigs");
        assertThat(farm.single()).isFalse();
    }

    @Test
    void a_farm_file_names_rig_files_relative_to_itself_and_gives_the_run_its_name(@TempDir Path dir) throws Exception {
        Files.copy(RIGS.resolve("virtual.yaml"), dir.resolve("v.yaml"));
        Path farm = Files.writeString(dir.resolve("farm.yaml"), "farm: bench-2\nrigs: [v.yaml, v.yaml]\n");
        RigFarm f = RigFarm.read(List.of(farm));
        assertThat(f.name()).isEqualTo("bench-2");
        assertThat(f.rigs()).extracting(m -> m.config().file()).containsOnly(dir.resolve("v.yaml"));
    }

    @Test
    void one_rig_keeps_its_own_name() {
        RigFarm farm = RigFarm.read(List.of(RIGS.resolve("virtual.yaml")));
        assertThat(farm.single()).isTrue();
        assertThat(farm.rigs().get(0).id()).isEqualTo("virtual");
        assertThat(farm.name()).isEqualTo("virtual");
    }
}
