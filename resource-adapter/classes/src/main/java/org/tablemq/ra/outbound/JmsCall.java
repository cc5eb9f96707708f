package org.tablemq.ra.outbound;

import jakarta.jms.JMSException;

/** A call on a provider object that may throw JMSException, so handles can watch for a broken store in one place. */
@FunctionalInterface
interface JmsCall<T> {
    T call() throws JMSException;
}
