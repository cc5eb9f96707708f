package org.tablemq.ra;

import jakarta.resource.spi.InvalidPropertyException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text form of provider options in a config property: {@code name=value} pairs separated by {@code ;} or line
 * breaks, e.g. {@code maxPoolSize=20; leaseMillis=30000}. A value that contains {@code ;}, a line break, a leading
 * or trailing space or starts with {@code "} is written in double quotes, in which {@code \"} stands for a quote and
 * {@code \\} for a backslash (any other backslash is kept as it is, so Windows paths need no doubling):
 * {@code password="s3cr;et"; url="jdbc:h2:./data/tablemq;MODE=PostgreSQL"}. Names are the provider's
 * {@code TableMQOptions} names; whether a name exists and its value is in range is decided by the provider when the
 * options are applied. Error messages name the property, the item's position and the option name, never a value:
 * a value may be a password.
 */
public final class OptionList {

    private OptionList() {
    }

    /**
     * Parses the text form.
     *
     * @param text     null or blank for none
     * @param property the config property it came from, for the error message
     */
    public static Map<String, String> parse(String text, String property) throws InvalidPropertyException {
        Map<String, String> options = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return options;
        }
        Reader in = new Reader(text, property);
        while (in.skipSeparators()) {
            in.item++;
            String name = in.name();
            options.put(name, in.value(name));
        }
        return options;
    }

    /** The text form of {@code options}, as {@link #parse} reads it: values quoted where they need it. */
    public static String format(Map<String, String> options) {
        StringBuilder text = new StringBuilder();
        options.forEach((name, value) -> text.append(text.length() == 0 ? "" : ";").append(name).append('=')
                .append(needsQuotes(value) ? quote(value) : value));
        return text.toString();
    }

    private static boolean needsQuotes(String value) {
        return value.isEmpty() || value.startsWith("\"") || !value.strip().equals(value)
                || value.indexOf(';') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }

    private static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escapeBackslash = c == '\\' && (i + 1 == value.length() || value.charAt(i + 1) == '"'
                    || value.charAt(i + 1) == '\\');
            if (c == '"' || escapeBackslash) {
                q.append('\\');
            }
            q.append(c);
        }
        return q.append('"').toString();
    }

    /** A cursor over the text; every refusal names the property, the item and at most the option's name. */
    private static final class Reader {

        private final String text;
        private final String property;
        private int pos;
        private int item;

        Reader(String text, String property) {
            this.text = text;
            this.property = property;
        }

        /** Skips separators and blanks; false at the end of the text. */
        boolean skipSeparators() {
            while (pos < text.length() && (isSeparator(text.charAt(pos)) || Character.isWhitespace(text.charAt(pos)))) {
                pos++;
            }
            return pos < text.length();
        }

        String name() throws InvalidPropertyException {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '=' && !isSeparator(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos).strip();
            if (pos == text.length() || text.charAt(pos) != '=' || name.isEmpty()) {
                // the text is not echoed: after a ';' inside an unquoted password it would be part of the password
                throw refused("item " + item + " is not name=value");
            }
            pos++; // '='
            return name;
        }

        String value(String name) throws InvalidPropertyException {
            while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r'
                    && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '"') {
                String value = quoted(name);
                while (pos < text.length() && !isSeparator(text.charAt(pos))) {
                    if (!Character.isWhitespace(text.charAt(pos))) {
                        throw refused("the quoted value of option '" + name + "' (item " + item
                                + ") is followed by more text before the next ';'");
                    }
                    pos++;
                }
                return value;
            }
            int start = pos;
            while (pos < text.length() && !isSeparator(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos).strip();
        }

        private String quoted(String name) throws InvalidPropertyException {
            StringBuilder value = new StringBuilder();
            for (pos++; pos < text.length(); pos++) {
                char c = text.charAt(pos);
                if (c == '"') {
                    pos++;
                    return value.toString();
                }
                if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\\')) {
                    c = text.charAt(++pos);
                }
                value.append(c);
            }
            throw refused("the quoted value of option '" + name + "' (item " + item + ") has no closing '\"'");
        }

        private InvalidPropertyException refused(String why) {
            return new InvalidPropertyException("Config property '" + property + "': " + why + " (options are"
                    + " name=value separated by ';'; write a value containing ';' in double quotes: name=\"a;b\")");
        }

        private static boolean isSeparator(char c) {
            return c == ';' || c == '\n' || c == '\r';
        }
    }
}
