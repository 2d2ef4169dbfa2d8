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

    /** Every offset of each byte string, in the same order: one pass over the storage. */
    default List<List<Long>> findEach(List<byte[]> needles) {
        List<ChunkedSearch> searches = needles.stream().map(ChunkedSearch::new).toList();
        readAll(piece -> searches.forEach(search -> search.feed(piece)));
        return searches.stream().map(ChunkedSearch::hits).toList();
    }

    /**
     * Every byte of the storage in order, piece by piece (a reader's blocks, the console's pieces), in one
     * pass: for searches that look for more than fixed strings, such as key material (5.4-3).
     */
    void readAll(java.util.function.Consumer<byte[]> pieces);

    byte read(long offset);

    void write(long offset, byte value);

    default Access access() {
        return Access.DUT_OFF;
    }
}
