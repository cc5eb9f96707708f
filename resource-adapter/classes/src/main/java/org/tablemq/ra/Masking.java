package org.tablemq.ra;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tablemq.jms.store.jdbc.Redaction;

/** Keeps secrets out of logs and exception messages. */
final class Masking {

    private Masking() {
    }

    /** The provider's one URL masker: {@code password=...} and {@code user:password@host}. */
    static String maskUrl(String url) {
        return Redaction.url(url);
    }

    /** Options for a log line: password options hidden, a URL given as an option masked like any URL. */
    static Map<String, String> maskOptions(Map<String, String> options) {
        Map<String, String> masked = new LinkedHashMap<>(options);
        masked.replaceAll((name, value) -> name.toLowerCase().contains("password") ? "****"
                : name.equalsIgnoreCase("url") ? maskUrl(value) : value);
        return masked;
    }
}
