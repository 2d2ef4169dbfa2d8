package org.hil303.rigs.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.hil303.rigs.network.NetworkHealth;
import org.junit.jupiter.api.Test;

class RigHealthTest {
    @Test
    void a_fault_that_comes_and_goes_is_recorded_once_per_outbreak_and_found_by_its_time() {
        AtomicReference<String> problem = new AtomicReference<>();
        try (RigHealth health = new RigHealth(List.of(new HealthCheck("console", () -> Optional.ofNullable(problem.get()))))) {
            long before = System.nanoTime();
            assertThat(health.problemsNow()).isEmpty();
            problem.set("the USB-UART is gone");
            assertThat(health.problemsNow()).containsExactly("console: the USB-UART is gone");
            assertThat(health.problemsNow()).hasSize(1);
            problem.set(null);
            long recovered = System.nanoTime();
            assertThat(health.problemsNow()).isEmpty();
            // a verdict given now still learns that the part broke during its scenario
            assertThat(health.faultsSince(before)).extracting(FaultJournal.Entry::what).containsExactly("the USB-UART is gone");
            assertThat(health.faultsSince(recovered)).isEmpty();
            problem.set("the USB-UART is gone");
            health.problemsNow();
            assertThat(health.journal().all()).hasSize(2);
        }
    }

    @Test
    void a_part_broken_before_a_scenario_began_and_still_broken_counts_in_it() {
        AtomicReference<String> problem = new AtomicReference<>("the fake cloud no longer listens");
        try (RigHealth health = new RigHealth(List.of(new HealthCheck("fake cloud", () -> Optional.ofNullable(problem.get()))))) {
            health.problemsNow();
            long scenario = System.nanoTime();
            assertThat(health.faultsSince(scenario)).extracting(FaultJournal.Entry::part).containsExactly("fake cloud");
            problem.set(null);
            assertThat(health.faultsSince(System.nanoTime())).isEmpty();
        }
    }

    @Test
    void a_reported_fault_is_on_record_without_any_check() {
        try (RigHealth health = new RigHealth(List.of())) {
            long before = System.nanoTime();
            health.report("injected fault", "the emulator was killed");
            assertThat(health.faultsSince(before)).extracting(FaultJournal.Entry::describe)
                    .singleElement().asString().startsWith("injected fault: the emulator was killed (at ");
        }
    }

    @Test
    void a_check_that_throws_is_a_fault_of_its_part() {
        try (RigHealth health = new RigHealth(List.of(new HealthCheck("power", () -> {
            throw new IllegalStateException("gpiochip gone");
        })))) {
            assertThat(health.problemsNow()).singleElement().asString().contains("power: its check failed").contains("gpiochip gone");
        }
    }

    @Test
    void the_rigs_link_is_checked_in_this_processs_own_network_namespace() throws Exception {
        assertThat(NetworkHealth.link("lo", InetAddress.getByName("127.0.0.1")).problem().get()).isEmpty();
        assertThat(NetworkHealth.link("lo", InetAddress.getByName("198.18.0.1")).problem().get()).hasValueSatisfying(
                p -> assertThat(p).contains("lost the harness address 198.18.0.1"));
        assertThat(NetworkHealth.link("hil303-absent0", InetAddress.getByName("198.18.0.1")).problem().get()).hasValueSatisfying(
                p -> assertThat(p).contains("is gone"));
    }
}
