package org.tablemq.ra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a TableMQ store lives and how the provider's connection factory is tuned: the JDBC URL, the database
 * credentials, and provider options by their {@code TableMQOptions} names. The adapter never copies the provider's
 * option table: options stay name/value pairs until {@link ProviderFactory} hands them to the factory's setters,
 * which validate them. Two equal configurations share one store (the provider pools stores per configuration).
 *
 * @param url      the JDBC URL, never null once resolved
 * @param user     the database user, null for the driver's default
 * @param password the database password, null for none
 * @param options  provider options, name to value, in declaration order
 */
public record StoreConfig(String url, String user, String password, Map<String, String> options) {

    public StoreConfig {
        Objects.requireNonNull(url, "url");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * This configuration with {@code more} options on top: the one merge of "resource adapter defaults, then the
     * managed connection factory's or activation's own values".
     */
    public StoreConfig withOptions(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(options);
        merged.putAll(more);
        return new StoreConfig(url, user, password, merged);
    }

    /** For logs: the password masked, also where a JDBC URL carries one. */
    public String describe() {
        return "url=" + Masking.maskUrl(url) + ", user=" + user + ", password=" + (password == null ? "null" : "****")
                + ", options=" + Masking.maskOptions(options);
    }

    @Override
    public String toString() {
        return describe();
    }
}
