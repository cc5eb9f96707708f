package org.tablemq.jms.store;

/**
 * Decides, at publish time, whether a topic message goes to a subscription that has a selector or noLocal.
 * The facade implements it with the message and the selector engine, so the store never parses selectors.
 * The store does not call it for subscriptions with neither.
 */
@FunctionalInterface
public interface SubscriberMatcher {

    /** Accepts every subscription. */
    SubscriberMatcher ALL = (selector, noLocal, subscriberConnectionId) -> true;

    /**
     * @param selector               the subscription's selector, null if none
     * @param noLocal                whether the subscription refuses its own connection's messages
     * @param subscriberConnectionId the connection that created the subscription (for noLocal)
     */
    boolean accepts(String selector, boolean noLocal, String subscriberConnectionId);
}
