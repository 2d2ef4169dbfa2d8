package org.hil303.rigs.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds a byte string in storage read piece by piece in order (a card of gigabytes, a dump over a
 * console), including occurrences that straddle two pieces: the tail of the previous piece is kept.
 */
final class ChunkedSearch {
    private static final int MAX_HITS = 1000;

    private final byte[] needle;
    private final List<Long> hits = new ArrayList<>();
    private byte[] carry = new byte[0];
    private long next;

    ChunkedSearch(byte[] needle) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("nothing to search for");
        }
        this.needle = needle.clone();
    }

    /** The next piece, which starts where the previous one ended. */
    void feed(byte[] piece) {
        if (hits.size() >= MAX_HITS) {
            next += piece.length;
            return;
        }
        byte[] window = new byte[carry.length + piece.length];
        System.arraycopy(carry, 0, window, 0, carry.length);
        System.arraycopy(piece, 0, window, carry.length, piece.length);
        long windowStart = next - carry.length;
        for (long at : ByteSearch.all(ByteBuffer.wrap(window), needle)) {
            if (hits.size() < MAX_HITS) {
                hits.add(windowStart + at);
            }
        }
        int keep = Math.min(needle.length - 1, window.length);
        carry = Arrays.copyOfRange(window, window.length - keep, window.length);
        next += piece.length;
    }

    List<Long> hits() {
        return List.copyOf(hits);
    }
}
