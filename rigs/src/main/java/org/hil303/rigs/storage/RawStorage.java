package org.hil303.rigs.storage;

import java.util.List;

/**
 * The DUT's storage chip read and written byte by byte, beneath any file system: what someone who
 * desolders the flash sees. A reader beside the DUT (an image file, an SD mux) works only while the
 * DUT is off, because a running device would change it underneath; the DUT's own console works
 * only while it runs.
 */
public interface RawStorage {
    /** The DUT state in which the storage can be read and written. */
    enum Access { DUT_OFF, DUT_RUNNING }

    /** What is read, for evidence (e.g. the emulated unit's flash image file). */
    String describe();

    long size();

    /** Every offset at which the bytes occur. */
    List<Long> find(byte[] needle);

    /** Every offset of each byte string, in the same order: one pass over the storage where reading it is slow. */
    default List<List<Long>> findEach(List<byte[]> needles) {
        return needles.stream().map(this::find).toList();
    }

    byte read(long offset);

    void write(long offset, byte value);

    default Access access() {
        return Access.DUT_OFF;
    }
}
