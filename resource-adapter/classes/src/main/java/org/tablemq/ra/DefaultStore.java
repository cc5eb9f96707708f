package org.tablemq.ra;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the adapter keeps its store when no JDBC URL is configured: an H2 file database in a folder named
 * {@code tablemq} under the server's data directory ({@code jboss.server.data.dir} on WildFly), or under the working
 * directory elsewhere. The system property {@value #URL_PROPERTY} overrides it (e.g. to point a whole test server at
 * PostgreSQL without touching the RAR). Configured URLs may use {@code ${property}} or {@code ${property:default}}.
 */
public final class DefaultStore {

    /** A JDBC URL that replaces the built-in default. */
    public static final String URL_PROPERTY = "tablemq.ra.url";
    /** WildFly's data directory; other servers' equivalents can be given the same way with -D. */
    public static final String DATA_DIR_PROPERTY = "jboss.server.data.dir";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private DefaultStore() {
    }

    /** The URL to use: the configured one with placeholders resolved, else the system property, else H2 on disk. */
    public static String url(String configured) {
        if (configured != null && !configured.isBlank()) {
            return expand(configured.trim());
        }
        String fromProperty = System.getProperty(URL_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return expand(fromProperty.trim());
        }
        String dataDir = System.getProperty(DATA_DIR_PROPERTY);
        Path folder = (dataDir == null ? Path.of("tablemq") : Path.of(dataDir, "tablemq")).toAbsolutePath();
        return "jdbc:h2:file:" + folder.resolve("tablemq");
    }

    /** Replaces {@code ${name}} and {@code ${name:default}} by system properties; an unknown one without default stays. */
    static String expand(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = System.getProperty(m.group(1), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
