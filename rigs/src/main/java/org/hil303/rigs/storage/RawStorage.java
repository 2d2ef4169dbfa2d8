package org.hil303.rigs.storage;

import java.util.List;

/**
 * The DUT's storage chip read and written byte by byte, beneath any file system: what someone who
 * desolders the flash sees. Only while the DUT is off (a running device would change it under us).
 */
public interface RawStorage {
    /** What is read, for evidence (e.g. the emulated unit's flash image file). */
    String describe();

    long size();

    /** Every offset at which the bytes occur. */
    List<Long> find(byte[] needle);

    byte read(long offset);

    void write(long offset, byte value);
}
