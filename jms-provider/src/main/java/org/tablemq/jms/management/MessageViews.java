package org.tablemq.jms.management;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tablemq.jms.message.DeserializationPolicy;
import org.tablemq.jms.message.MessageCodec;
import org.tablemq.jms.message.TableMQBytesMessage;
import org.tablemq.jms.message.TableMQMapMessage;
import org.tablemq.jms.message.TableMQMessage;
import org.tablemq.jms.message.TableMQObjectMessage;
import org.tablemq.jms.message.TableMQStreamMessage;
import org.tablemq.jms.message.TableMQTextMessage;
import org.tablemq.jms.store.StoreAdministration.InspectedMessage;

/** Turns stored messages into {@link MessageView}s through {@link MessageCodec}, never deserializing an object. */
final class MessageViews {

    /** Longest text shown in a preview, in characters. */
    static final int PREVIEW_CHARS = 200;

    private MessageViews() {
    }

    static MessageView of(InspectedMessage inspected) throws JMSException {
        var stored = inspected.message();
        // JDK_ONLY: decoding an ObjectMessage only keeps its bytes, and the preview never asks for the object
        TableMQMessage m = MessageCodec.decode(stored.payload(), DeserializationPolicy.JDK_ONLY);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            properties.put(name, m.getObjectProperty(name));
        }
        return new MessageView(stored.id(), inspected.state().name(), headers(m), Collections.unmodifiableMap(properties),
                type(m), preview(m), stored.deliveryCount(),
                inspected.enqueuedAt() > 0 ? Instant.ofEpochMilli(inspected.enqueuedAt()) : null,
                stored.deadLetterReason(), stored.deadLetterOrigin());
    }

    private static Map<String, Object> headers(TableMQMessage m) throws JMSException {
        Map<String, Object> h = new LinkedHashMap<>();
        putIfSet(h, "JMSMessageID", m.getJMSMessageID());
        putIfSet(h, "JMSCorrelationID", m.getJMSCorrelationID());
        putIfSet(h, "JMSType", m.getJMSType());
        putIfSet(h, "JMSDestination", name(m.getJMSDestination()));
        putIfSet(h, "JMSReplyTo", name(m.getJMSReplyTo()));
        h.put("JMSDeliveryMode", m.getJMSDeliveryMode());
        h.put("JMSPriority", m.getJMSPriority());
        if (m.getJMSTimestamp() > 0) {
            h.put("JMSTimestamp", Instant.ofEpochMilli(m.getJMSTimestamp()));
        }
        if (m.getJMSExpiration() > 0) {
            h.put("JMSExpiration", Instant.ofEpochMilli(m.getJMSExpiration()));
        }
        if (m.getJMSDeliveryTime() > 0) {
            h.put("JMSDeliveryTime", Instant.ofEpochMilli(m.getJMSDeliveryTime()));
        }
        return Collections.unmodifiableMap(h);
    }

    private static void putIfSet(Map<String, Object> h, String name, Object value) {
        if (value != null) {
            h.put(name, value);
        }
    }

    private static String name(Destination d) {
        return d == null ? null : d.toString();
    }

    private static String type(TableMQMessage m) {
        return m instanceof TableMQTextMessage ? "TextMessage" : m instanceof TableMQBytesMessage ? "BytesMessage"
                : m instanceof TableMQMapMessage ? "MapMessage" : m instanceof TableMQStreamMessage ? "StreamMessage"
                : m instanceof TableMQObjectMessage ? "ObjectMessage" : "Message";
    }

    private static String preview(TableMQMessage m) throws JMSException {
        if (m instanceof TableMQTextMessage t) {
            String text = t.getText();
            return text == null || text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "...";
        }
        if (m instanceof TableMQBytesMessage b) {
            return b.getBodyLength() + " bytes";
        }
        if (m instanceof TableMQMapMessage map) {
            return "map of " + Collections.list(map.getMapNames());
        }
        if (m instanceof TableMQStreamMessage) {
            return "stream";
        }
        if (m instanceof TableMQObjectMessage) {
            return "serialized object (not deserialized)";
        }
        return null;
    }
}
