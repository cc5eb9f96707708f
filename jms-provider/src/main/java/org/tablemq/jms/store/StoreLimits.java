package org.tablemq.jms.store;

import java.util.Optional;

/**
 * The strings an application chooses that the store keeps as text: destination names, client ids, subscription
 * names and the selectors of topic subscriptions. The facade checks them where they enter (createQueue,
 * setClientID, createDurableConsumer, ...) so that a value the store cannot keep is refused at once, with the limit
 * in the message, and the same way on every database, instead of failing later with a database error.
 * <p>
 * Every such string must be non-empty, at most its limit in UTF-16 {@code char}s (so at most that many characters
 * on any database, whichever way it counts), free of NUL characters (PostgreSQL refuses them in text, H2 would
 * keep them) and well-formed UTF-16 (PostgreSQL stores an unpaired surrogate as the same replacement character,
 * so two names that differ only there would be one queue). The lengths leave room for what the store builds from
 * them: a subscription's key (client id + name) and description (name, client id and topic name).
 */
public final class StoreLimits {

    /** Longest queue or topic name, dead letter queue names included. */
    public static final int MAX_DESTINATION_NAME = 2000;
    /** Longest durable or shared subscription name. */
    public static final int MAX_SUBSCRIPTION_NAME = 1000;
    /** Longest client id. */
    public static final int MAX_CLIENT_ID = 1000;
    /** Longest selector of a topic subscription (the store keeps it; a queue consumer's selector is not stored). */
    public static final int MAX_SUBSCRIPTION_SELECTOR = 10_000;
    /** Longest consumer id ({@link ClaimRequest#consumerId()}) a claim records. */
    public static final int MAX_CONSUMER_ID = 200;
    /** Longest dead-letter reason the store records; longer ones are shortened, never refused. */
    public static final int MAX_DEAD_LETTER_REASON = 2000;

    private StoreLimits() {
    }

    /**
     * Why the store cannot keep {@code value}, as the end of a sentence ("is empty", "has 2001 characters, more than
     * the limit of 2000", ...), or empty when it can.
     */
    public static Optional<String> problem(String value, int maxLength) {
        if (value == null) {
            return Optional.of("is null");
        }
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        if (value.length() > maxLength) {
            return Optional.of("has " + value.length() + " characters, more than the limit of " + maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return Optional.of("contains a NUL character (U+0000) at index " + i + ", which the store cannot keep");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("is not well-formed UTF-16: an unpaired surrogate U+" + Integer.toHexString(c).toUpperCase()
                        + " at index " + i);
            }
        }
        return Optional.empty();
    }

    /** Whether the store can keep {@code value} under {@code maxLength}. */
    public static boolean fits(String value, int maxLength) {
        return problem(value, maxLength).isEmpty();
    }

    /**
     * The first characters of a value for an error message: long values are cut, unpaired surrogates and control
     * characters escaped, so the message itself stays short and printable.
     */
    public static String preview(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        int end = Math.min(value.length(), 40);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never cut a pair in two
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !paired) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return end < value.length() ? sb.append("...").toString() : sb.toString();
    }
}
