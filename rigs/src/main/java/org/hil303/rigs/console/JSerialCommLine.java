package org.hil303.rigs.console;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hil303.rigs.base.RigFault;

/** A serial port opened by path through jSerialComm (a USB-UART, or the virtual rig's pseudo-terminal). */
public final class JSerialCommLine implements SerialLine {
    private static final int EBUSY = 16;
    private static final int EACCES = 13;
    private static final int EAGAIN = 11;
    /**
     * Ports this JVM holds. jSerialComm's exclusive lock (flock) keeps other processes out, but a
     * second open in the same process is refused by jSerialComm itself with an internal code 2
     * that reads like ENOENT; checked here so it gets the same "busy" message.
     */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final SerialPort port;
    private final String path;
    private final Path device;

    private JSerialCommLine(SerialPort port, String path, Path device) {
        this.port = port;
        this.path = path;
        this.device = device;
    }

    public static JSerialCommLine open(String path, int baud) {
        if (!Files.exists(Path.of(path))) {
            throw new RigFault("console port " + path + " does not exist: plug in the USB-UART (or check the 'console.port' "
                    + "of the rig file; `ls /dev/serial/by-id/` lists what is connected)");
        }
        Path device;
        try {
            device = Path.of(path).toRealPath(); // a /dev/serial/by-id link and its /dev/ttyUSB0 are one port
        } catch (IOException e) {
            device = Path.of(path).toAbsolutePath().normalize();
        }
        if (!OPEN.add(device)) {
            throw new RigFault("console port " + path + " is busy: this hil303 run already has it open");
        }
        try {
            return new JSerialCommLine(openPort(path, baud), path, device);
        } catch (RuntimeException e) {
            OPEN.remove(device);
            throw e;
        }
    }

    private static SerialPort openPort(String path, int baud) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new RigFault("console port " + path + " cannot be used: " + e.getMessage());
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Semi-blocking: read() returns what has arrived after at most 100 ms instead of waiting for a full buffer.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 2000);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            if (errno == EBUSY || errno == EAGAIN) {
                throw new RigFault("console port " + path + " is busy: another program (screen, minicom, another hil303 run) "
                        + "holds it; close that program first");
            }
            if (errno == EACCES) {
                throw new RigFault("no permission to open console port " + path + ": add this user to the 'dialout' group");
            }
            throw new RigFault("cannot open console port " + path + " (error " + errno + " at " + port.getLastErrorLocation() + ")");
        }
        return port;
    }

    @Override
    public String describe() {
        return path;
    }

    @Override
    public InputStream in() {
        return port.getInputStreamWithSuppressedTimeoutExceptions();
    }

    @Override
    public OutputStream out() {
        return port.getOutputStream();
    }

    @Override
    public void sendBreak(Duration length) throws InterruptedException {
        port.setBreak();
        try {
            Thread.sleep(length.toMillis()); // physical dwell: the break condition lasts this long on the wire
        } finally {
            port.clearBreak();
        }
    }

    @Override
    public java.util.Optional<String> fault() {
        if (!Files.exists(Path.of(path))) {
            return java.util.Optional.of("console port " + path + " is gone (the USB-UART unplugged?)");
        }
        return port.isOpen() ? java.util.Optional.empty() : java.util.Optional.of("console port " + path + " was closed");
    }

    @Override
    public void close() {
        port.closePort();
        OPEN.remove(device);
    }
}
