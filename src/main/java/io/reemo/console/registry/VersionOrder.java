package io.reemo.console.registry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders image tags as versions, oldest first: numeric parts compare as numbers ({@code 2.9 < 2.10}), a leading
 * {@code v} is ignored, a suffixed tag comes right after its base ({@code 2.14.0 < 2.14.0-1 < 2.14.1}). Tags that
 * are not versions ({@code latest}) come first, in alphabetical order, so that the newest version is always last.
 */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder INSTANCE = new VersionOrder();

    private static final Pattern VERSION = Pattern.compile("[vV]?(\\d+(?:\\.\\d+)*)(.*)", Pattern.DOTALL);
    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    private VersionOrder() {
    }

    public static boolean isVersion(String tag) {
        return VERSION.matcher(tag).matches();
    }

    /** The versions among {@code tags} after {@code current}, in their order; tags that are not versions are left out. */
    public static List<String> newer(List<String> tags, String current) {
        return tags.stream()
                .filter(VersionOrder::isVersion)
                .filter(tag -> INSTANCE.compare(tag, current) > 0)
                .toList();
    }

    @Override
    public int compare(String a, String b) {
        Matcher va = VERSION.matcher(a);
        Matcher vb = VERSION.matcher(b);
        boolean aIsVersion = va.matches();
        boolean bIsVersion = vb.matches();
        if (aIsVersion != bIsVersion) {
            return aIsVersion ? 1 : -1;
        }
        if (!aIsVersion) {
            return a.compareTo(b);
        }
        int byNumbers = compareNumbers(va.group(1).split("\\."), vb.group(1).split("\\."));
        if (byNumbers != 0) {
            return byNumbers;
        }
        int bySuffix = compareSuffixes(va.group(2), vb.group(2));
        return bySuffix != 0 ? bySuffix : a.compareTo(b);
    }

    /** Missing parts count as zero: 2.13 and 2.13.0 are the same version. */
    private static int compareNumbers(String[] a, String[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            BigInteger x = i < a.length ? new BigInteger(a[i]) : BigInteger.ZERO;
            BigInteger y = i < b.length ? new BigInteger(b[i]) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** No suffix first; then suffixes in natural order, their numbers compared as numbers (rc2 < rc10). */
    private static int compareSuffixes(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        List<String> x = chunks(a);
        List<String> y = chunks(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i);
            String q = y.get(i);
            boolean numeric = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
            int c = numeric ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        Matcher m = CHUNK.matcher(text);
        while (m.find()) {
            chunks.add(m.group());
        }
        return chunks;
    }
}
