package org.tablemq.jms.store;

import java.util.Objects;

/**
 * A message on its way into the store.
 *
 * @param destination        a queue or a topic (a topic message is copied to each matching subscription)
 * @param messageId          the JMSMessageID (also inside the payload), for logs and duplicate checks
 * @param payload            the encoded message (the store never looks inside)
 * @param priority           0-9, higher delivered first
 * @param expiration         epoch millis after which the message is never delivered, 0 for never
 * @param deliverAt          epoch millis before which the message is not delivered, 0 for at once
 * @param persistent         whether it must survive a crash (non-persistent messages may be kept more cheaply)
 * @param originConnectionId the sending connection, for noLocal
 * @param matcher            decides per subscription with a selector or noLocal; {@link SubscriberMatcher#ALL} for queues
 */
public record OutgoingMessage(DestinationRef destination, String messageId, byte[] payload, int priority,
                              long expiration, long deliverAt, boolean persistent, String originConnectionId,
                              SubscriberMatcher matcher) {
    public OutgoingMessage {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(matcher, "matcher");
    }
}
