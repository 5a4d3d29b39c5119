package io.reemo.console.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable index of the secret values for masking in one pass over a text: every value is filed under a hash of
 * its first two characters, and a bit set of those hashes lets most positions of a text be passed over with one bit
 * test. So masking costs about the same for ten secrets or a thousand (every secret's derived forms included).
 */
final class SecretIndex {

    static final SecretIndex EMPTY = new SecretIndex(List.of());

    private static final int HASH_BITS = 16;

    private final long[] starts = new long[(1 << HASH_BITS) / Long.SIZE];
    /** Per hash, the values starting with a pair of that hash, longest first. */
    private final Map<Integer, String[]> byStart = new HashMap<>();

    /** @param values at least two characters each */
    SecretIndex(Collection<String> values) {
        Map<Integer, List<String>> lists = new HashMap<>();
        for (String value : values) {
            int hash = hash(value.charAt(0), value.charAt(1));
            starts[hash >>> 6] |= 1L << hash;
            lists.computeIfAbsent(hash, h -> new ArrayList<>()).add(value);
        }
        lists.forEach((hash, list) -> byStart.put(hash,
                list.stream().sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new)));
    }

    /**
     * The text with every occurrence of a value replaced by the mask; overlapping occurrences (two secrets sharing
     * characters) become one mask, so that no part of either shows. The same instance when nothing matched.
     */
    String mask(String text, String mask) {
        StringBuilder out = null;
        int copied = 0;
        int regionStart = -1;
        int regionEnd = -1;
        for (int i = 0, last = text.length() - 1; i < last; i++) {
            int hash = hash(text.charAt(i), text.charAt(i + 1));
            if ((starts[hash >>> 6] & (1L << hash)) == 0) {
                continue;
            }
            for (String value : byStart.get(hash)) {
                if (text.startsWith(value, i)) {
                    int end = i + value.length();
                    if (i < regionEnd) {
                        regionEnd = Math.max(regionEnd, end);
                    } else {
                        if (regionStart >= 0) {
                            out = append(out, text, copied, regionStart, mask);
                            copied = regionEnd;
                        }
                        regionStart = i;
                        regionEnd = end;
                    }
                    break;
                }
            }
        }
        if (regionStart < 0) {
            return text;
        }
        out = append(out, text, copied, regionStart, mask);
        return out.append(text, regionEnd, text.length()).toString();
    }

    private static StringBuilder append(StringBuilder out, String text, int from, int to, String mask) {
        StringBuilder builder = out == null ? new StringBuilder(text.length()) : out;
        return builder.append(text, from, to).append(mask);
    }

    private static int hash(char first, char second) {
        return ((first * 0x9E3779B1) ^ second) * 0x85EBCA6B >>> (Integer.SIZE - HASH_BITS);
    }
}
