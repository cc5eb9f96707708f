package org.tablemq.jms.message;

import java.util.Enumeration;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.TableMQQueue;
import org.tablemq.jms.TableMQTopic;
import org.tablemq.jms.internal.JmsErrors;

/**
 * Converts another provider's message (the spec lets an application send any provider's Message) into a TableMQ
 * message: type, body, properties, JMSCorrelationID, JMSType and JMSReplyTo. Header fields that send() sets itself
 * are not copied.
 */
final class ForeignMessages {

    private ForeignMessages() {
    }

    static TableMQMessage copyOf(Message foreign) throws JMSException {
        if (foreign instanceof TableMQMessage t) {
            return t.copy();
        }
        TableMQMessage m = copyBody(foreign);
        for (Enumeration<?> names = foreign.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!PropertyNames.DELIVERY_COUNT.equals(name)) {
                try {
                    m.setProviderProperty(name, foreign.getObjectProperty(name));
                } catch (IllegalArgumentException e) {
                    throw JmsErrors.create(new MessageFormatException("Cannot send the foreign message "
                            + foreign.getJMSMessageID() + " through TableMQ: " + e.getMessage()), e);
                }
            }
        }
        byte[] correlationBytes = correlationBytes(foreign);
        if (correlationBytes != null) {
            m.setJMSCorrelationIDAsBytes(correlationBytes);
        } else {
            m.setJMSCorrelationID(foreign.getJMSCorrelationID());
        }
        m.setJMSType(foreign.getJMSType());
        m.setJMSReplyTo(toTableMQ(foreign.getJMSReplyTo()));
        return m;
    }

    /** A foreign correlation id that was set as bytes (a string one makes most providers throw or convert). */
    private static byte[] correlationBytes(Message foreign) {
        try {
            String s = foreign.getJMSCorrelationID();
            return s == null ? foreign.getJMSCorrelationIDAsBytes() : null;
        } catch (JMSException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static TableMQMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage t) {
            return new TableMQTextMessage(t.getText());
        }
        if (foreign instanceof BytesMessage b) {
            b.reset();
            byte[] bytes = new byte[Math.toIntExact(b.getBodyLength())];
            int filled = 0;
            while (filled < bytes.length) {
                byte[] chunk = new byte[bytes.length - filled];
                int n = b.readBytes(chunk);
                if (n <= 0) {
                    break;
                }
                System.arraycopy(chunk, 0, bytes, filled, n);
                filled += n;
            }
            return new TableMQBytesMessage(java.util.Arrays.copyOf(bytes, filled));
        }
        if (foreign instanceof MapMessage map) {
            TableMQMapMessage m = new TableMQMapMessage();
            for (Enumeration<?> names = map.getMapNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                m.setObject(name, map.getObject(name));
            }
            return m;
        }
        if (foreign instanceof StreamMessage s) {
            TableMQStreamMessage m = new TableMQStreamMessage();
            s.reset();
            try {
                while (true) {
                    m.writeObject(s.readObject());
                }
            } catch (MessageEOFException end) {
                return m;
            }
        }
        if (foreign instanceof ObjectMessage o) {
            return new TableMQObjectMessage(o.getObject());
        }
        return new TableMQMessage();
    }

    /** A TableMQ destination of the same kind and name; a TableMQ one as it is. */
    static TableMQDestination toTableMQ(Destination d) throws InvalidDestinationException {
        if (d == null || d instanceof TableMQDestination) {
            return (TableMQDestination) d;
        }
        try {
            if (d instanceof Queue q) {
                return new TableMQQueue(q.getQueueName());
            }
            if (d instanceof Topic t) {
                return new TableMQTopic(t.getTopicName());
            }
        } catch (JMSException e) {
            throw JmsErrors.create(new InvalidDestinationException(
                    "Cannot read the name of destination " + d + ": " + e.getMessage()), e);
        }
        throw new InvalidDestinationException("Destination " + d + " (a " + d.getClass().getName()
                + ") is neither a Queue nor a Topic, so TableMQ cannot address it");
    }
}
