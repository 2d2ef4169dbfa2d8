package org.hil303.rigs.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hil303.rigs.Eventually;
import org.hil303.rigs.gpio.LineConfig;
import org.hil303.rigs.gpio.Pi4jGpio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PowerRelayTest {
    private record Change(boolean on, long nanos) {}

    private final Pi4jGpio gpio = Pi4jGpio.mock();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final PowerRelay relay = new PowerRelay(
            gpio.line(new LineConfig("power", 17, true), on -> changes.add(new Change(on, System.nanoTime()))), Duration.ofMillis(10));

    @AfterEach
    void close() {
        gpio.close();
    }

    private List<Boolean> seen() {
        return changes.stream().map(Change::on).toList();
    }

    @Test
    void starts_off() {
        assertThat(relay.isOn()).isFalse();
        assertThat(relay.offTime()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void on_and_off() {
        relay.on();
        assertThat(relay.isOn()).isTrue();
        relay.off();
        assertThat(relay.isOn()).isFalse();
        Eventually.await("two changes", Duration.ofSeconds(5), () -> changes.size() == 2);
        assertThat(seen()).containsExactly(true, false);
    }

    @Test
    void cycle_from_on_switches_off_for_the_off_time_then_on() throws Exception {
        relay.on();
        Eventually.await("on", Duration.ofSeconds(5), () -> changes.size() == 1);
        relay.cycle();
        assertThat(relay.isOn()).isTrue();
        Eventually.await("off and on again", Duration.ofSeconds(5), () -> changes.size() == 3);
        assertThat(seen()).containsExactly(true, false, true);
        long offFor = changes.get(2).nanos() - changes.get(1).nanos();
        assertThat(Duration.ofNanos(offFor)).isGreaterThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void cycle_from_off_turns_on() throws Exception {
        relay.cycle();
        assertThat(relay.isOn()).isTrue();
        Eventually.await("on", Duration.ofSeconds(5), () -> seen().contains(true));
        assertThat(seen()).as("already off, so the only change is on").containsExactly(true);
    }

    @Test
    void a_line_that_does_not_read_back_as_commanded_is_a_fault_of_the_power_path() {
        relay.on();
        assertThat(relay.fault()).isEmpty();
        PowerRelay stuck = new PowerRelay(new org.hil303.rigs.gpio.GpioLine() {
            @Override public String name() { return "power"; }
            @Override public void set(boolean active) { } // a driver that no longer switches
            @Override public boolean isActive() { return false; }
        }, Duration.ofMillis(10));
        stuck.on();
        assertThat(stuck.fault()).hasValueSatisfying(f -> assertThat(f).contains("reads off although the rig switched it on"));
    }
}
