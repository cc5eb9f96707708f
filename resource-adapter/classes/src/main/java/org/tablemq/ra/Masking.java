package org.tablemq.ra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Keeps secrets out of logs and exception messages. */
final class Masking {

    /** {@code password=...} as a URL query parameter or H2 setting, up to the next separator. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private Masking() {
    }

    static String maskUrl(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1****");
    }

    static Map<String, String> maskOptions(Map<String, String> options) {
        Map<String, String> masked = new LinkedHashMap<>(options);
        masked.replaceAll((name, value) -> name.toLowerCase().contains("password") ? "****" : value);
        return masked;
    }
}
