package org.tablemq.jms.message;

import jakarta.jms.JMSException;

/**
 * What {@link jakarta.jms.Message#acknowledge()} calls on a received message: the facade's session decides what an
 * acknowledgement means for its acknowledge mode. A message the application created has none.
 */
@FunctionalInterface
public interface Acknowledger {

    void acknowledge() throws JMSException;
}
