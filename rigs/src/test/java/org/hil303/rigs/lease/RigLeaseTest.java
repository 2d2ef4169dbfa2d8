package org.hil303.rigs.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hil303.rigs.base.RigFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases between real processes: the kernel's lock, not a flag in a file, decides who holds a rig. */
class RigLeaseTest {
    @TempDir
    Path dir;

    /** Another process takes the lease and holds it until killed. */
    static final class OtherRun {
        public static void main(String[] args) throws Exception {
            RigLease lease = RigLease.take(args[1], Path.of(args[0]), "other-run");
            System.out.println("held " + lease.rig());
            System.out.flush();
            System.in.read(); // until the test kills us or closes our input
        }
    }

    private Process otherRunHolding(String rig) throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OtherRun.class.getName(), dir.toString(), rig)).redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(first).isEqualTo("held " + rig);
        return p;
    }

    @Test
    void a_second_run_is_refused_with_the_holders_name_and_process() throws Exception {
        Process other = otherRunHolding("pi-lab-3");
        try {
            assertThatThrownBy(() -> RigLease.take("pi-lab-3", dir, "this-run")).isInstanceOf(RigFault.class)
                    .hasMessageContaining("rig 'pi-lab-3' is in use by").hasMessageContaining("process " + other.pid())
                    .hasMessageContaining("run other-run");
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_lease_left_by_a_killed_run_is_taken_over_and_names_it() throws Exception {
        Process other = otherRunHolding("pi-lab-3");
        other.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no chance to give the lease back
        try (RigLease lease = RigLease.take("pi-lab-3", dir, "this-run")) {
            assertThat(lease.takenOver()).hasValueSatisfying(h -> {
                assertThat(h.pid()).isEqualTo(other.pid());
                assertThat(h.run()).isEqualTo("other-run");
            });
            assertThat(Files.readString(dir.resolve("pi-lab-3.lease"))).contains("pid=" + ProcessHandle.current().pid()).contains("run=this-run");
        }
    }

    @Test
    void a_lease_given_back_leaves_nothing_to_take_over() {
        RigLease.take("virtual-1", dir, "first").close();
        try (RigLease again = RigLease.take("virtual-1", dir, "second")) {
            assertThat(again.takenOver()).isEmpty();
        }
    }

    @Test
    void one_run_cannot_name_the_same_rig_twice() {
        try (RigLease first = RigLease.take("pi-lab-3", dir, "run")) {
            assertThatThrownBy(() -> RigLease.take("pi-lab-3", dir, "run")).isInstanceOf(RigFault.class)
                    .hasMessageContaining("is in use by").hasMessageContaining("process " + ProcessHandle.current().pid());
        }
    }
}
