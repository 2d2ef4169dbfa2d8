package org.hil303.rigs.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.function.Consumer;
import org.hil303.rigs.base.RigFault;

/**
 * Owns the Pi4J context of a rig. Every line is created with its inactive level as both initial
 * and shutdown state, so a relay is off from the first instant and again when the harness stops.
 */
public final class Pi4jGpio implements AutoCloseable {
    /** Pi4J provider ids: gpiod is the character-device interface of Pi 4 and Pi 5 kernels. */
    public enum Provider {
        MOCK("mock-digital-output"), GPIOD("gpiod-digital-output"), LINUXFS("linuxfs-digital-output");

        final String id;

        Provider(String id) {
            this.id = id;
        }
    }

    private final Context context;
    private final Provider provider;

    private Pi4jGpio(Context context, Provider provider) {
        this.context = context;
        this.provider = provider;
    }

    public static Pi4jGpio mock() {
        return new Pi4jGpio(Pi4J.newContextBuilder().add(MockDigitalOutputProvider.newInstance()).build(), Provider.MOCK);
    }

    /** The real providers, found by Pi4J's plugin discovery on the Pi. */
    public static Pi4jGpio hardware(Provider provider) {
        try {
            return new Pi4jGpio(Pi4J.newAutoContext(), provider);
        } catch (RuntimeException | LinkageError e) {
            throw new RigFault("cannot open the GPIO controller through Pi4J (" + provider.id + "): " + e.getMessage()
                    + " - run on the Pi, with access to /dev/gpiochip* (group gpio)", e);
        }
    }

    /** The output configuration for a line: inactive at start and at shutdown. */
    static DigitalOutputConfig configFor(Context context, LineConfig line, Provider provider) {
        DigitalState inactive = line.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
        return DigitalOutput.newConfigBuilder(context)
                .id("hil303-" + line.name())
                .name(line.name())
                .address(line.pin())
                .initial(inactive)
                .shutdown(inactive)
                .provider(provider.id)
                .build();
    }

    public GpioLine line(LineConfig line) {
        return line(line, active -> { });
    }

    /** A line whose changes are also reported to {@code onChange}: how the virtual rig wires outputs to the emulated device. */
    public GpioLine line(LineConfig line, Consumer<Boolean> onChange) {
        DigitalOutput out;
        try {
            out = context.create(configFor(context, line, provider));
        } catch (RuntimeException e) {
            throw new RigFault("cannot claim GPIO " + line.pin() + " for '" + line.name() + "': " + e.getMessage()
                    + " - is another program using it?", e);
        }
        out.addListener(e -> onChange.accept(e.state() == (line.activeLow() ? DigitalState.LOW : DigitalState.HIGH)));
        return new GpioLine() {
            @Override
            public String name() {
                return line.name();
            }

            @Override
            public void set(boolean active) {
                out.state(active != line.activeLow() ? DigitalState.HIGH : DigitalState.LOW);
            }

            @Override
            public boolean isActive() {
                return out.state() == (line.activeLow() ? DigitalState.LOW : DigitalState.HIGH);
            }
        };
    }

    @Override
    public void close() {
        context.shutdown(); // drives every line to its shutdown (inactive) state
    }
}
