package org.tablemq.jms;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tablemq.jms.message.DeserializationLimits;
import org.tablemq.jms.message.DeserializationPolicy;
import org.tablemq.jms.store.StoreLimits;
import org.tablemq.jms.store.jdbc.JdbcStoreConfig;
import org.tablemq.jms.store.jdbc.Redaction;
import org.tablemq.jms.tx.RedeliveryPolicy;

/**
 * THE option table: every TableMQ option is defined here once, with its name, type, default, unit, allowed range
 * and a one-line description. The connection factory's JavaBean properties, the JNDI reference and the README
 * table are views over {@link #ALL}. Values are validated when set, with a message naming the option and its
 * range; nothing is clamped.
 */
public final class TableMQOptions implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One option: how it is named, typed, defaulted, bounded and explained. */
    public static final class Option<T> {

        private final String name;
        private final Class<T> type;
        private final T defaultValue;
        private final String unit;
        private final String range;
        private final String doc;
        private final boolean secret;
        private final Predicate<T> valid;
        private final Function<String, T> parser;

        private Option(String name, Class<T> type, T defaultValue, String unit, String range, String doc,
                       boolean secret, Predicate<T> valid, Function<String, T> parser) {
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
            this.unit = unit;
            this.range = range;
            this.doc = doc;
            this.secret = secret;
            this.valid = valid;
            this.parser = parser;
        }

        public String name() {
            return name;
        }

        public Class<T> type() {
            return type;
        }

        public T defaultValue() {
            return defaultValue;
        }

        public String unit() {
            return unit;
        }

        public String range() {
            return range;
        }

        public String doc() {
            return doc;
        }

        public boolean secret() {
            return secret;
        }

        /** Checks a value, throwing an IllegalArgumentException that names the option and its range. */
        public T validate(T value) {
            if (value != null && !valid.test(value)) {
                throw new IllegalArgumentException("Option '" + name + "' must be " + range + (unit.isEmpty() ? "" : " (" + unit + ")")
                        + ", was " + (secret ? "****" : value));
            }
            return value;
        }

        /** Parses the text form (JNDI references, system properties) and validates it. */
        public T parse(String text) {
            if (text == null) {
                return null;
            }
            T value;
            try {
                value = parser.apply(text.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Option '" + name + "' must be " + range + ", was '"
                        + (secret ? "****" : text) + "'", e);
            }
            return validate(value);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Option<?>> OPTIONS = new ArrayList<>();

    // Connection essentials first, as HikariCP documents them.
    public static final Option<String> URL = string("url", "jdbc:h2:file:./data/tablemq", "a non-empty JDBC URL",
            "JDBC URL of the store: jdbc:h2:... (embedded, the default) or jdbc:postgresql://... (several nodes)");
    public static final Option<String> USER = string("user", null, "any string or null for the store's default",
            "database user");
    public static final Option<String> PASSWORD = add(new Option<>("password", String.class, null, "", "any string or null",
            "database password (masked in logs)", true, v -> true, s -> s));
    public static final Option<String> CLIENT_ID = add(new Option<>("clientId", String.class, null, "",
            "1-" + StoreLimits.MAX_CLIENT_ID + " characters (well-formed UTF-16, no NUL) or null",
            "client id given to every connection of this factory (then setClientID is refused)", false,
            v -> StoreLimits.fits(v, StoreLimits.MAX_CLIENT_ID), s -> s));
    public static final Option<String> TABLE_PREFIX = add(new Option<>("tablePrefix", String.class,
            "tmq_", "", "1-30 letters, digits or '_', starting with a letter",
            "prefix of every table the store creates, so several stores can share one database", false,
            v -> v.matches("[A-Za-z][A-Za-z0-9_]{0,29}"), s -> s));
    public static final Option<Integer> MAX_POOL_SIZE = integer("maxPoolSize", 10,
            "connections", 1, 1000, "maximum number of pooled database connections per store");
    public static final Option<Long> LEASE_MILLIS = longOption("leaseMillis", 30_000L,
            "ms", 1_000, 86_400_000L, "how long a claim lasts unless renewed; a crashed node's messages are redelivered after it");
    public static final Option<Long> MAX_POLL_MILLIS = longOption("maxPollMillis", 1_000L,
            "ms", 10, 60_000, "longest wait between polls for other nodes' messages where the database has no LISTEN/NOTIFY (H2)");
    public static final Option<Boolean> H2_SYNC = add(new Option<>("h2Sync", Boolean.class, false, "",
            "true or false (with PostgreSQL it changes nothing: it syncs every commit anyway)",
            "H2 only: fsync every commit, so a power loss keeps it too (a killed JVM loses nothing either way)",
            false, v -> true, TableMQOptions::parseBoolean));
    public static final Option<String> NODE_NAME = add(new Option<>("nodeName", String.class, null, "",
            "1-100 characters, or null for a generated one", "name of this node in claims and logs; unique per live store",
            false, v -> !v.isEmpty() && v.length() <= 100, s -> s));
    public static final Option<Integer> PREFETCH = integer("prefetch", 100, "messages", 1, 10_000,
            "most messages a consumer claims ahead of the application; its window starts at 10 and doubles up to this"
                    + " while the queue has a backlog");
    public static final Option<Integer> MAX_MESSAGE_SIZE = integer("maxMessageSize", 10 * 1024 * 1024, "bytes", 1,
            Integer.MAX_VALUE - 8, "largest encoded message accepted by send; bigger ones fail with ResourceAllocationException"
            + " (on H2 also at most 1/32 of the maximum heap)");
    public static final Option<String> TRUSTED_PACKAGES = add(new Option<>("trustedPackages", String.class,
            "", "", "comma-separated package prefixes, '*' for all, empty for none",
            "packages whose classes ObjectMessage.getObject() may deserialize, besides the JDK's value types", false,
            v -> v.isEmpty() || v.matches("\\s*(\\*|[\\w$.]+)(\\s*,\\s*(\\*|[\\w$.]+))*\\s*"), s -> s));
    public static final Option<Integer> OBJECT_MAX_DEPTH = integer("objectMaxDepth",
            DeserializationLimits.DEFAULT.maxDepth(), "levels", 1, 10_000,
            "deepest nesting of objects ObjectMessage.getObject() reads; deeper bodies fail with MessageFormatException"
                    + " (each level can double the CPU a hostile body of nested sets takes)");
    public static final Option<Integer> OBJECT_MAX_REFERENCES = integer("objectMaxReferences",
            DeserializationLimits.DEFAULT.maxReferences(), "objects", 1, Integer.MAX_VALUE,
            "most objects and back references ObjectMessage.getObject() reads from one body");
    public static final Option<Integer> OBJECT_MAX_ARRAY_LENGTH = integer("objectMaxArrayLength",
            DeserializationLimits.DEFAULT.maxArrayLength(), "elements", 0, Integer.MAX_VALUE,
            "longest array (also the internal array of a collection) ObjectMessage.getObject() allocates");
    public static final Option<Integer> OBJECT_MAX_BYTES = integer("objectMaxBytes",
            DeserializationLimits.DEFAULT.maxBytes(), "bytes", 1, Integer.MAX_VALUE,
            "largest serialized body ObjectMessage.getObject() reads");
    public static final Option<Long> REDELIVERY_DELAY = longOption("redeliveryDelay", 0L, "ms", 0, 86_400_000L,
            "delay before a rolled back, recovered or failed message is delivered again");
    public static final Option<Double> REDELIVERY_BACKOFF = add(new Option<>("redeliveryBackoff", Double.class, 1.0, "multiplier",
            "between 1.0 and 100.0", "factor applied to the redelivery delay for each further attempt", false,
            v -> v >= 1.0 && v <= 100.0, Double::valueOf));
    public static final Option<Long> MAX_REDELIVERY_DELAY = longOption("maxRedeliveryDelay", 60_000L, "ms", 0, 86_400_000L,
            "upper bound of the redelivery delay after backoff");
    public static final Option<Integer> MAX_DELIVERY_ATTEMPTS = integer("maxDeliveryAttempts", 10, "deliveries", 1, 1_000_000,
            "deliveries before a message goes to its dead letter queue");
    public static final Option<String> DEAD_LETTER_QUEUE_PREFIX = add(new Option<>("deadLetterQueuePrefix", String.class, "DLQ.",
            "", "1-" + RedeliveryPolicy.MAX_DEAD_LETTER_PREFIX + " characters (well-formed UTF-16, no NUL)",
            "dead letter queue of a destination: this prefix + the destination's name (a name that would be longer than "
                    + StoreLimits.MAX_DESTINATION_NAME + " characters is shortened and ends with a hash of the full one)",
            false, v -> StoreLimits.fits(v, RedeliveryPolicy.MAX_DEAD_LETTER_PREFIX), s -> s));

    /** Every option, in documentation order. */
    public static final List<Option<?>> ALL = Collections.unmodifiableList(OPTIONS);

    private final Map<String, Object> values = new LinkedHashMap<>();

    public TableMQOptions() {
    }

    private TableMQOptions(Map<String, Object> values) {
        this.values.putAll(values);
    }

    public synchronized <T> T get(Option<T> option) {
        Object v = values.get(option.name());
        return v == null && !values.containsKey(option.name()) ? option.defaultValue() : option.type().cast(v);
    }

    /** Sets a value after validating it; null restores the default. */
    public synchronized <T> TableMQOptions set(Option<T> option, T value) {
        if (value == null) {
            values.remove(option.name());
        } else {
            values.put(option.name(), option.validate(value));
        }
        return this;
    }

    /** Sets an option from its text form, e.g. from a JNDI reference. */
    public TableMQOptions setText(String name, String text) {
        Option<?> option = byName(name);
        setParsed(option, text);
        return this;
    }

    private <T> void setParsed(Option<T> option, String text) {
        set(option, text == null ? null : option.parse(text));
    }

    public static Option<?> byName(String name) {
        for (Option<?> o : OPTIONS) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown TableMQ option '" + name + "'; known options: " + OPTIONS);
    }

    /** The values set explicitly, as text (what a JNDI reference stores). */
    public synchronized Map<String, String> explicitValues() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** An independent copy: a connection keeps the options of the moment it was created. */
    public synchronized TableMQOptions copy() {
        return new TableMQOptions(values);
    }

    /** One line for a DEBUG log: every option with its value, the password masked, also inside the URL. */
    public synchronized String describe() {
        StringBuilder sb = new StringBuilder("TableMQ options {");
        String sep = "";
        for (Option<?> o : OPTIONS) {
            Object v = get(o);
            String text = o.secret() && v != null ? "****" : o == URL ? maskUrl(String.valueOf(v)) : String.valueOf(v);
            sb.append(sep).append(o.name()).append('=').append(text);
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    /** Hides password parameters that some JDBC URLs carry (password=..., user:password@host): see {@link Redaction}. */
    static String maskUrl(String url) {
        return Redaction.url(url);
    }

    /**
     * What the JDBC store needs; two equal configs share one open store.
     *
     * @throws IllegalArgumentException if the store refuses the combination (e.g. h2Sync with a PostgreSQL URL)
     */
    public JdbcStoreConfig storeConfig() {
        return new JdbcStoreConfig(get(URL), get(USER), get(PASSWORD), get(TABLE_PREFIX), get(MAX_POOL_SIZE),
                get(LEASE_MILLIS), get(MAX_POLL_MILLIS), get(H2_SYNC), get(NODE_NAME));
    }

    public RedeliveryPolicy redeliveryPolicy() {
        return new RedeliveryPolicy(get(REDELIVERY_DELAY), get(REDELIVERY_BACKOFF), get(MAX_REDELIVERY_DELAY),
                get(MAX_DELIVERY_ATTEMPTS), get(DEAD_LETTER_QUEUE_PREFIX));
    }

    public DeserializationPolicy deserializationPolicy() {
        return DeserializationPolicy.parse(get(TRUSTED_PACKAGES), new DeserializationLimits(get(OBJECT_MAX_DEPTH),
                get(OBJECT_MAX_REFERENCES), get(OBJECT_MAX_ARRAY_LENGTH), get(OBJECT_MAX_BYTES)));
    }

    /** The option table as Markdown, for the README (essentials first, every unit stated). */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| option | type | default | unit | allowed | what it does |\n|---|---|---|---|---|---|\n");
        for (Option<?> o : OPTIONS) {
            sb.append("| `").append(o.name()).append("` | ").append(o.type().getSimpleName()).append(" | ")
                    .append(o.defaultValue() == null ? "(none)" : "`" + o.defaultValue() + "`").append(" | ")
                    .append(o.unit()).append(" | ").append(o.range()).append(" | ").append(o.doc()).append(" |\n");
        }
        return sb.toString();
    }

    @Override
    public synchronized boolean equals(Object o) {
        return o instanceof TableMQOptions other && explicitValues().equals(other.explicitValues());
    }

    @Override
    public synchronized int hashCode() {
        return Objects.hash(explicitValues());
    }

    @Override
    public String toString() {
        return describe();
    }

    private static <T> Option<T> add(Option<T> option) {
        OPTIONS.add(option);
        return option;
    }

    private static Option<String> string(String name, String def, String range, String doc) {
        boolean nonEmpty = range.contains("non-empty");
        return add(new Option<>(name, String.class, def, "", range, doc, false, v -> !nonEmpty || !v.isEmpty(), s -> s));
    }

    private static Option<Integer> integer(String name, int def, String unit, int min, int max, String doc) {
        return add(new Option<>(name, Integer.class, def, unit, "between " + min + " and " + max, doc, false,
                v -> v >= min && v <= max, Integer::valueOf));
    }

    private static Option<Long> longOption(String name, long def, String unit, long min, long max, String doc) {
        return add(new Option<>(name, Long.class, def, unit, "between " + min + " and " + max, doc, false,
                v -> v >= min && v <= max, Long::valueOf));
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.valueOf(s);
        }
        throw new IllegalArgumentException("not a boolean: " + s);
    }
}
