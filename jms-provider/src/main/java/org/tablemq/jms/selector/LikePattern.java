package org.tablemq.jms.selector;

/**
 * A compiled LIKE pattern: {@code %} is any sequence of characters (also none), {@code _} exactly one character,
 * every other character, regex metacharacters included, stands for itself. Matching is a two-pointer wildcard
 * scan that backtracks only to the last {@code %}: no regular expression, no allocation per message.
 */
final class LikePattern {

    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte ANY = 2;

    private final char[] chars;
    private final byte[] kinds;

    private LikePattern(char[] chars, byte[] kinds) {
        this.chars = chars;
        this.kinds = kinds;
    }

    /**
     * Compiles {@code pattern}; after {@code escape} (if not null), {@code %}, {@code _} or the escape itself
     * stand for themselves.
     *
     * @throws IllegalArgumentException saying what is wrong when an escape is not followed by one of those
     */
    static LikePattern compile(String pattern, Character escape) {
        int n = pattern.length();
        char[] chars = new char[n];
        byte[] kinds = new byte[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException(
                            "LIKE pattern '" + pattern + "' ends with its escape character");
                }
                char next = pattern.charAt(++i);
                if (next != '%' && next != '_' && next != escape) {
                    throw new IllegalArgumentException("escape character in LIKE pattern '" + pattern
                            + "' is followed by '" + next + "' (only %, _ or the escape character may follow it)");
                }
                chars[size] = next;
                kinds[size++] = LITERAL;
            } else if (c == '%') {
                // consecutive % are one %: keeps backtracking linear in the number of % groups
                if (size == 0 || kinds[size - 1] != ANY) {
                    kinds[size++] = ANY;
                }
            } else {
                chars[size] = c;
                kinds[size++] = c == '_' ? ONE : LITERAL;
            }
        }
        return new LikePattern(java.util.Arrays.copyOf(chars, size), java.util.Arrays.copyOf(kinds, size));
    }

    boolean matches(String s) {
        int n = s.length();
        int m = kinds.length;
        int si = 0;
        int pi = 0;
        int anyAt = -1;
        int resumeAt = 0;
        while (si < n) {
            if (pi < m && kinds[pi] == ANY) {
                anyAt = pi++;
                resumeAt = si;
            } else if (pi < m && kinds[pi] == ONE) {
                si += charCountAt(s, si);
                pi++;
            } else if (pi < m && chars[pi] == s.charAt(si)) {
                si++;
                pi++;
            } else if (anyAt >= 0) {
                // let the last % swallow one more character and retry from there
                pi = anyAt + 1;
                resumeAt += charCountAt(s, resumeAt);
                si = resumeAt;
            } else {
                return false;
            }
        }
        while (pi < m && kinds[pi] == ANY) {
            pi++;
        }
        return pi == m;
    }

    /** {@code _} is one character, so a surrogate pair (one code point) counts once. */
    private static int charCountAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
    }
}
