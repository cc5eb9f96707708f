package org.tablemq.sample.logistics;

import java.time.Instant;

/**
 * A message taken from the logistics dead letter queue, as the logistics service recorded it.
 *
 * @param messageId the message's JMSMessageID, which identifies it across redeliveries (null if it had none)
 * @param orderId   the order it names in its {@code orderId} property, or null for a message without one
 * @param type      its JMSType
 * @param reason    why the provider dead-lettered it, when the provider says so
 * @param origin    where it was consumed from before, when the provider says so
 */
public record DeadLetter(String messageId, Long orderId, String type, String reason, String origin, Instant at) {
}
