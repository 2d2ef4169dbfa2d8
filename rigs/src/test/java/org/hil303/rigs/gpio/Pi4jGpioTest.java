package org.hil303.rigs.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hil303.rigs.Eventually;
import org.hil303.rigs.base.RigFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jGpioTest {
    private final List<Context> contexts = new CopyOnWriteArrayList<>();
    private Pi4jGpio gpio;

    @AfterEach
    void shutdown() {
        if (gpio != null) {
            gpio.close();
        }
        contexts.forEach(Context::shutdown);
    }

    /** The Pi4J output behind a line: the level that would be on the pin. */
    private static DigitalState pin(Pi4jGpio gpio, String lineName) throws Exception {
        Field f = Pi4jGpio.class.getDeclaredField("context");
        f.setAccessible(true);
        Context context = (Context) f.get(gpio);
        return context.io("hil303-" + lineName, DigitalOutput.class).state();
    }

    @Test
    void active_low_line_drives_the_pin_low_when_active() throws Exception {
        gpio = Pi4jGpio.mock();
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        GpioLine relay = gpio.line(new LineConfig("power", 17, true), seen::add);
        assertThat(relay.name()).isEqualTo("power");
        assertThat(pin(gpio, "power")).as("inactive from the first instant").isEqualTo(DigitalState.HIGH);
        assertThat(relay.isActive()).isFalse();

        relay.set(true);
        assertThat(pin(gpio, "power")).isEqualTo(DigitalState.LOW);
        assertThat(relay.isActive()).isTrue();
        Eventually.await("listener to hear the activation", Duration.ofSeconds(5), () -> seen.contains(true));
        assertThat(seen).containsExactly(true);

        relay.set(false);
        assertThat(pin(gpio, "power")).isEqualTo(DigitalState.HIGH);
        Eventually.await("listener to hear the release", Duration.ofSeconds(5), () -> seen.size() == 2);
        assertThat(seen).containsExactly(true, false);
    }

    @Test
    void active_high_line_drives_the_pin_high_when_active() throws Exception {
        gpio = Pi4jGpio.mock();
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        GpioLine reset = gpio.line(new LineConfig("reset", 27, false), seen::add);
        assertThat(pin(gpio, "reset")).isEqualTo(DigitalState.LOW);
        reset.set(true);
        assertThat(pin(gpio, "reset")).isEqualTo(DigitalState.HIGH);
        assertThat(reset.isActive()).isTrue();
        Eventually.await("listener", Duration.ofSeconds(5), () -> seen.contains(true));
        assertThat(seen).containsExactly(true);
    }

    @Test
    void close_drives_lines_to_their_safe_inactive_state_and_reports_it() throws Exception {
        Pi4jGpio g = Pi4jGpio.mock();
        List<Boolean> relaySeen = new CopyOnWriteArrayList<>();
        List<Boolean> buttonSeen = new CopyOnWriteArrayList<>();
        GpioLine relay = g.line(new LineConfig("power", 17, true), relaySeen::add);
        GpioLine button = g.line(new LineConfig("reset", 27, false), buttonSeen::add);
        relay.set(true);
        button.set(true);
        Eventually.await("both activations", Duration.ofSeconds(5), () -> relaySeen.contains(true) && buttonSeen.contains(true));
        Field f = Pi4jGpio.class.getDeclaredField("context");
        f.setAccessible(true);
        Context context = (Context) f.get(g);
        DigitalOutput relayOut = context.io("hil303-power", DigitalOutput.class);
        DigitalOutput buttonOut = context.io("hil303-reset", DigitalOutput.class);

        g.close();

        assertThat(relayOut.state()).as("relay open").isEqualTo(DigitalState.HIGH);
        assertThat(buttonOut.state()).as("button released").isEqualTo(DigitalState.LOW);
        Eventually.await("listeners to hear the shutdown", Duration.ofSeconds(5),
                () -> relaySeen.size() == 2 && buttonSeen.size() == 2);
        assertThat(relaySeen).containsExactly(true, false);
        assertThat(buttonSeen).containsExactly(true, false);
    }

    @Test
    void the_same_pin_name_cannot_be_claimed_twice() {
        gpio = Pi4jGpio.mock();
        gpio.line(new LineConfig("power", 17, false));
        assertThatThrownBy(() -> gpio.line(new LineConfig("power", 18, false))).isInstanceOf(RigFault.class)
                .hasMessageContaining("power");
    }

    @Test
    void gpiod_config_for_an_active_low_line_is_inactive_at_start_and_shutdown() {
        Context context = Pi4J.newContextBuilder().build();
        contexts.add(context);
        DigitalOutputConfig c = Pi4jGpio.configFor(context, new LineConfig("power", 17, true), Pi4jGpio.Provider.GPIOD);
        assertThat(c.provider()).isEqualTo("gpiod-digital-output");
        assertThat(c.address()).isEqualTo(17);
        assertThat(c.initialState()).isEqualTo(DigitalState.HIGH);
        assertThat(c.shutdownState()).isEqualTo(DigitalState.HIGH);
        assertThat(c.id()).isEqualTo("hil303-power");
        assertThat(c.name()).isEqualTo("power");
    }

    @Test
    void gpiod_config_for_an_active_high_line_is_low_at_start_and_shutdown() {
        Context context = Pi4J.newContextBuilder().build();
        contexts.add(context);
        DigitalOutputConfig c = Pi4jGpio.configFor(context, new LineConfig("reset", 27, false), Pi4jGpio.Provider.GPIOD);
        assertThat(c.provider()).isEqualTo("gpiod-digital-output");
        assertThat(c.address()).isEqualTo(27);
        assertThat(c.initialState()).isEqualTo(DigitalState.LOW);
        assertThat(c.shutdownState()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void linuxfs_provider_id() {
        Context context = Pi4J.newContextBuilder().build();
        contexts.add(context);
        assertThat(Pi4jGpio.configFor(context, new LineConfig("reset", 27, false), Pi4jGpio.Provider.LINUXFS).provider())
                .isEqualTo("linuxfs-digital-output");
    }
}
