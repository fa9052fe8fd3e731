package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable line-by-line comparison of two texts (longest common subsequence): which lines stayed, which
 * were removed and which were added. Articles are a few hundred lines at most, so the quadratic table is
 * small; past a limit the texts are compared as a whole block instead.
 */
public final class LineDiff {

    private static final int MAX_CELLS = 4_000_000;

    /** One line of a diff. */
    public record Line(Kind kind, String text) {
        public String cssClass() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String marker() {
            return kind == Kind.ADDED ? "+" : kind == Kind.REMOVED ? "−" : " ";
        }
    }

    public enum Kind { SAME, REMOVED, ADDED }

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        String[] a = split(before);
        String[] b = split(after);
        List<Line> out = new ArrayList<>();
        if ((long) a.length * b.length > MAX_CELLS) {
            for (String line : a) {
                out.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                out.add(new Line(Kind.ADDED, line));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Kind.ADDED, b[j++]));
        }
        return out;
    }

    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }

    private static String[] split(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.replace("\r\n", "\n").split("\n", -1);
    }
}
