package org.tablemq.jms.store;

/**
 * An attached topic consumer's view of its subscription; hand it back to {@link MessageStore#detach}.
 *
 * @param endpoint   where the subscription's messages are claimed from
 * @param spec       what was asked for
 * @param attachment the store's key for this one consumer's attachment (for active-consumer counting)
 */
public record Subscription(Endpoint endpoint, SubscriptionSpec spec, long attachment) {
}
