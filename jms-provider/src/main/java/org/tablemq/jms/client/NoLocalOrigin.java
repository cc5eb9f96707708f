package org.tablemq.jms.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who counts as "the subscriber's own connection" for noLocal. The Javadoc of {@code Session.createDurableConsumer}
 * says a noLocal durable subscription skips messages published by its connection "or any other connection with
 * the same client identifier", so a connection with a client id is known by that id (a later connection with the
 * same id is the same origin); without one, by its own id. For non-durable subscriptions both are equivalent,
 * since only one connection holds a client id at a time.
 */
final class NoLocalOrigin {

    private NoLocalOrigin() {
    }

    /**
     * The origin to record with a subscription and a published message. A client id is hashed so that the
     * value stays short and fixed-length whatever the id's length (the store keeps it as a column).
     */
    static String of(String connectionId, String clientIdOrNull) {
        return clientIdOrNull == null ? connectionId : "client-id:" + sha256(clientIdOrNull);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new java.lang.IllegalStateException("SHA-256 is required of every Java platform but is missing", e);
        }
    }
}
