package org.tablemq.jms.management;

import java.time.Instant;
import java.util.Map;

/**
 * One stored message as an operator sees it, decoded but never deserialized (an ObjectMessage shows its size only).
 *
 * @param id               the store's id of this copy, what {@link TableMQManagement#deleteMessage} takes
 * @param state            READY, SCHEDULED, IN_FLIGHT or HELD_BY_PREPARED_BRANCH
 * @param headers          the JMS headers that are set, by their JMS names (JMSMessageID, JMSPriority, ...)
 * @param properties       the application's and the JMSX properties
 * @param type             TextMessage, BytesMessage, MapMessage, StreamMessage, ObjectMessage or Message
 * @param bodyPreview      the start of a text, or a description of any other body
 * @param deliveryCount    how many times it has been claimed for delivery
 * @param enqueuedAt       when it was written to the store, null if it predates enqueue times
 * @param deadLetterReason why it was dead-lettered, null unless it is a dead letter
 * @param deadLetterOrigin where it was dead-lettered from (e.g. {@code queue 'orders'}), null likewise
 */
public record MessageView(long id, String state, Map<String, Object> headers, Map<String, Object> properties,
                          String type, String bodyPreview, int deliveryCount, Instant enqueuedAt,
                          String deadLetterReason, String deadLetterOrigin) {
}
