package org.tablemq.jms.message;

import java.util.List;
import java.util.Set;

/**
 * Which classes {@link jakarta.jms.ObjectMessage#getObject()} may deserialize: those in a package that starts with
 * one of {@code trustedPackages} (a prefix such as {@code com.acme.orders}), plus the value types of
 * java.lang, java.util, java.time and java.math, and arrays of allowed types. {@code *} trusts every class.
 * Deserializing an untrusted stream can run arbitrary code, hence the allow-list; and allowed classes alone can
 * still be assembled into a body that costs minutes of CPU or the whole heap, hence the {@link #limits}.
 */
public record DeserializationPolicy(List<String> trustedPackages, DeserializationLimits limits) {

    /** Trusts every class: only for messages from producers that are fully trusted. */
    public static final DeserializationPolicy TRUST_ALL = new DeserializationPolicy(List.of("*"));

    /** Trusts only the JDK's basic value types. */
    public static final DeserializationPolicy JDK_ONLY = new DeserializationPolicy(List.of());

    /** Every class and no limits: the body of a message the application created, holding its own object. */
    public static final DeserializationPolicy OWN_OBJECT = new DeserializationPolicy(List.of("*"),
            DeserializationLimits.NONE);

    private static final Set<String> BASIC_PACKAGES = Set.of("java.lang", "java.util", "java.time", "java.math");

    public DeserializationPolicy {
        trustedPackages = List.copyOf(trustedPackages);
        java.util.Objects.requireNonNull(limits, "limits");
    }

    /** Trusts {@code trustedPackages} within the default limits. */
    public DeserializationPolicy(List<String> trustedPackages) {
        this(trustedPackages, DeserializationLimits.DEFAULT);
    }

    /** As {@link #parse(String, DeserializationLimits)} with the default limits. */
    public static DeserializationPolicy parse(String option) {
        return parse(option, DeserializationLimits.DEFAULT);
    }

    /**
     * The policy an option value describes: comma-separated package prefixes, {@code *} for every class, empty for
     * the JDK basics only; bodies are read within {@code limits}.
     */
    public static DeserializationPolicy parse(String option, DeserializationLimits limits) {
        List<String> prefixes = option == null ? List.of() : java.util.Arrays.stream(option.split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        DeserializationPolicy policy = new DeserializationPolicy(prefixes.contains("*") ? List.of("*") : prefixes, limits);
        return policy.equals(TRUST_ALL) ? TRUST_ALL : policy.equals(JDK_ONLY) ? JDK_ONLY : policy;
    }

    /** Whether the class named {@code className} (not an array) may be deserialized. */
    public boolean trusts(String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        if (BASIC_PACKAGES.contains(pkg)) {
            return true;
        }
        for (String prefix : trustedPackages) {
            if (prefix.equals("*") || pkg.equals(prefix) || pkg.startsWith(prefix + ".")
                    || (prefix.endsWith(".") && pkg.startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }
}
