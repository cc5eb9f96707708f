package org.tablemq.jms.client;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;

/**
 * The one home of the values a send may carry as delivery mode and priority, for the producers' setters (classic and
 * simplified API) and for the per-send arguments alike.
 */
final class DeliveryRules {

    private DeliveryRules() {
    }

    /** @param where names the producer, for the message */
    static void checkDeliveryMode(int deliveryMode, String where) throws JMSException {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("Invalid delivery mode " + deliveryMode + " for " + where
                    + ": use DeliveryMode.PERSISTENT (2) or DeliveryMode.NON_PERSISTENT (1)");
        }
    }

    /** @param where names the producer, for the message */
    static void checkPriority(int priority, String where) throws JMSException {
        if (priority < 0 || priority > 9) {
            throw new JMSException("Invalid priority " + priority + " for " + where + ": must be between 0 and 9");
        }
    }
}
