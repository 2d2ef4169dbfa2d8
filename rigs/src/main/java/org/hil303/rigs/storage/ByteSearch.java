package org.hil303.rigs.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Finds every occurrence of a byte string in a buffer (a storage image of tens of megabytes). */
public final class ByteSearch {
    private static final int MAX_HITS = 1000;

    private ByteSearch() {}

    public static List<Long> all(ByteBuffer haystack, byte[] needle) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("nothing to search for");
        }
        List<Long> hits = new ArrayList<>();
        int last = haystack.limit() - needle.length;
        byte first = needle[0];
        for (int i = 0; i <= last && hits.size() < MAX_HITS; i++) {
            if (haystack.get(i) != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && haystack.get(i + j) == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                hits.add((long) i);
            }
        }
        return hits;
    }
}
