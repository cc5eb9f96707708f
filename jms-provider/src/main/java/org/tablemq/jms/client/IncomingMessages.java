package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.message.Acknowledger;
import org.tablemq.jms.message.DeserializationPolicy;
import org.tablemq.jms.message.MessageCodec;
import org.tablemq.jms.message.TableMQMessage;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.tx.RedeliveryPolicy;

/** Turns what the store hands out into the read-only message the application receives. */
final class IncomingMessages {

    private IncomingMessages() {
    }

    static TableMQMessage decode(StoredMessage stored, DeserializationPolicy policy, String source) throws JMSException {
        TableMQMessage m;
        try {
            m = MessageCodec.decode(stored.payload(), policy);
        } catch (Exception e) {
            throw JmsErrors.create("Cannot decode message " + stored.id() + " from " + source + ": " + e.getMessage(), e);
        }
        m.setDeliveryCount(Math.max(1, stored.deliveryCount()));
        m.setJMSRedelivered(stored.deliveryCount() > 1);
        if (stored.deadLetterReason() != null) {
            m.setProviderProperty(RedeliveryPolicy.REASON_PROPERTY, stored.deadLetterReason());
            m.setProviderProperty(RedeliveryPolicy.ORIGIN_PROPERTY, stored.deadLetterOrigin());
        }
        return m;
    }

    /** Decodes a message for delivery: read-only, acknowledging through {@code acknowledger}. */
    static TableMQMessage forDelivery(StoredMessage stored, DeserializationPolicy policy, String source,
                                      Acknowledger acknowledger) throws JMSException {
        TableMQMessage m = decode(stored, policy, source);
        m.setAcknowledger(acknowledger);
        m.setReadOnly();
        return m;
    }
}
