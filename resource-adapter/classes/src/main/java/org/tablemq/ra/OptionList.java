package org.tablemq.ra;

import jakarta.resource.spi.InvalidPropertyException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text form of provider options in a config property: {@code name=value} pairs separated by {@code ;} or line
 * breaks, e.g. {@code maxPoolSize=20; leaseMillis=30000}. Names are the provider's {@code TableMQOptions} names;
 * whether a name exists and its value is in range is decided by the provider when the options are applied.
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
        for (String item : text.split("[;\\r\\n]+")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new InvalidPropertyException("Config property '" + property + "': expected name=value but found '"
                        + item.trim() + "' (separate options with ';')");
            }
            options.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return options;
    }

    /** The text form of {@code options}, as {@link #parse} reads it. */
    public static String format(Map<String, String> options) {
        StringBuilder text = new StringBuilder();
        options.forEach((name, value) -> text.append(text.length() == 0 ? "" : ";").append(name).append('=').append(value));
        return text.toString();
    }
}
