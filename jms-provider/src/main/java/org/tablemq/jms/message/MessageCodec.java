package org.tablemq.jms.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.internal.JmsErrors;

/**
 * The one class that knows how a message is laid out in bytes (the store's payload column).
 *
 * <pre>
 * version:u8  type:u8  presence:varint (one bit per optional header)
 * [messageId:str] [timestamp:varlong] [correlationId:str|bytes] [replyTo:dest] [destination:dest]
 * deliveryMode:varint [expiration:varlong] [deliveryTime:varlong] priority:varint [type:str]
 * propertyCount:varint (name:str value:typed)*
 * body (per message type)
 * </pre>
 * Strings are a varint byte length and UTF-8; a destination is a flags byte (topic, temporary) and its name; a
 * typed value is a tag byte and its value. JMSRedelivered and JMSXDeliveryCount are not encoded: the store
 * tracks deliveries, and the facade sets them on the decoded message. {@link CodecOutput} and {@link CodecInput}
 * hold the primitive writes and reads (varints, strings, typed values, destinations).
 */
public final class MessageCodec {

    /** The current format; {@link #decode} refuses others so an old node never misreads a newer message. */
    static final byte VERSION = 1;

    private static final byte TYPE_PLAIN = 0, TYPE_TEXT = 1, TYPE_BYTES = 2, TYPE_MAP = 3, TYPE_STREAM = 4,
            TYPE_OBJECT = 5;

    private static final int HAS_MESSAGE_ID = 1, HAS_TIMESTAMP = 1 << 1, HAS_CORRELATION_STRING = 1 << 2,
            HAS_CORRELATION_BYTES = 1 << 3, HAS_REPLY_TO = 1 << 4, HAS_DESTINATION = 1 << 5,
            HAS_EXPIRATION = 1 << 6, HAS_DELIVERY_TIME = 1 << 7, HAS_TYPE = 1 << 8;

    private MessageCodec() {
    }

    // ================================================================ encode

    /**
     * Encodes headers, properties and body.
     *
     * @throws IllegalArgumentException when JMSReplyTo or JMSDestination is another provider's destination that
     *                                  is neither a Queue nor a Topic (send converts foreign messages first)
     */
    public static byte[] encode(TableMQMessage m) {
        CodecOutput out = new CodecOutput(256);
        out.u8(VERSION);
        out.u8(typeOf(m));
        String messageId = m.getJMSMessageID();
        String type = m.getJMSType();
        TableMQDestination replyTo = tableMQ(m.getJMSReplyTo(), "JMSReplyTo");
        TableMQDestination destination = tableMQ(m.getJMSDestination(), "JMSDestination");
        int presence = (messageId != null ? HAS_MESSAGE_ID : 0)
                | (m.getJMSTimestamp() != 0 ? HAS_TIMESTAMP : 0)
                | (m.correlationIdIsBytes() ? HAS_CORRELATION_BYTES
                        : m.getJMSCorrelationID() != null ? HAS_CORRELATION_STRING : 0)
                | (replyTo != null ? HAS_REPLY_TO : 0)
                | (destination != null ? HAS_DESTINATION : 0)
                | (m.getJMSExpiration() != 0 ? HAS_EXPIRATION : 0)
                | (m.getJMSDeliveryTime() != 0 ? HAS_DELIVERY_TIME : 0)
                | (type != null ? HAS_TYPE : 0);
        out.varint(presence);
        if (messageId != null) {
            out.string(messageId);
        }
        if (m.getJMSTimestamp() != 0) {
            out.varlong(m.getJMSTimestamp());
        }
        if (m.correlationIdIsBytes()) {
            out.bytes(m.getJMSCorrelationIDAsBytes());
        } else if (m.getJMSCorrelationID() != null) {
            out.string(m.getJMSCorrelationID());
        }
        if (replyTo != null) {
            out.destination(replyTo);
        }
        if (destination != null) {
            out.destination(destination);
        }
        out.varint(m.getJMSDeliveryMode());
        if (m.getJMSExpiration() != 0) {
            out.varlong(m.getJMSExpiration());
        }
        if (m.getJMSDeliveryTime() != 0) {
            out.varlong(m.getJMSDeliveryTime());
        }
        out.varint(m.getJMSPriority());
        if (type != null) {
            out.string(type);
        }
        Map<String, Object> properties = m.propertyMap();
        out.varint(properties.size());
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            out.string(p.getKey());
            out.typed(p.getValue());
        }
        encodeBody(m, out);
        return out.toByteArray();
    }

    private static byte typeOf(TableMQMessage m) {
        if (m instanceof TableMQTextMessage) {
            return TYPE_TEXT;
        } else if (m instanceof TableMQBytesMessage) {
            return TYPE_BYTES;
        } else if (m instanceof TableMQMapMessage) {
            return TYPE_MAP;
        } else if (m instanceof TableMQStreamMessage) {
            return TYPE_STREAM;
        } else if (m instanceof TableMQObjectMessage) {
            return TYPE_OBJECT;
        }
        return TYPE_PLAIN;
    }

    private static void encodeBody(TableMQMessage m, CodecOutput out) {
        if (m instanceof TableMQTextMessage t) {
            out.nullableString(t.getText());
        } else if (m instanceof TableMQBytesMessage b) {
            out.bytes(b.bodyBytes());
        } else if (m instanceof TableMQMapMessage map) {
            Map<String, Object> entries = map.bodyEntries();
            out.varint(entries.size());
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                out.string(e.getKey());
                out.typed(e.getValue());
            }
        } else if (m instanceof TableMQStreamMessage s) {
            List<Object> values = s.bodyValues();
            out.varint(values.size());
            for (Object v : values) {
                out.typed(v);
            }
        } else if (m instanceof TableMQObjectMessage o) {
            byte[] serialized = o.serializedBody();
            out.u8(serialized == null ? 0 : 1);
            if (serialized != null) {
                out.bytes(serialized);
            }
        }
    }

    private static TableMQDestination tableMQ(Destination d, String header) {
        try {
            return ForeignMessages.toTableMQ(d);
        } catch (InvalidDestinationException e) {
            throw new IllegalArgumentException("Cannot encode " + header + ": " + e.getMessage(), e);
        }
    }

    // ================================================================ decode

    /**
     * Decodes a message encoded by {@link #encode}: JMSRedelivered false, JMSXDeliveryCount 1, properties and
     * body writable (the facade makes a received message read-only), an ObjectMessage carrying {@code policy}.
     *
     * @throws MessageFormatException when the bytes are not a message in a format this version reads
     */
    public static TableMQMessage decode(byte[] bytes, DeserializationPolicy policy) throws JMSException {
        CodecInput in = new CodecInput(bytes);
        try {
            int version = in.u8();
            if (version != VERSION) {
                throw new MessageFormatException("Cannot decode a message in format version " + version
                        + ": this TableMQ reads version " + VERSION + " (a newer node wrote it?)");
            }
            TableMQMessage m = newOfType(in.u8());
            int presence = in.varint();
            if ((presence & HAS_MESSAGE_ID) != 0) {
                m.setJMSMessageID(in.string());
            }
            if ((presence & HAS_TIMESTAMP) != 0) {
                m.setJMSTimestamp(in.varlong());
            }
            if ((presence & HAS_CORRELATION_BYTES) != 0) {
                m.setJMSCorrelationIDAsBytes(in.bytes());
            } else if ((presence & HAS_CORRELATION_STRING) != 0) {
                m.setJMSCorrelationID(in.string());
            }
            if ((presence & HAS_REPLY_TO) != 0) {
                m.setJMSReplyTo(in.destination());
            }
            if ((presence & HAS_DESTINATION) != 0) {
                m.setJMSDestination(in.destination());
            }
            m.setJMSDeliveryMode(in.varint());
            if ((presence & HAS_EXPIRATION) != 0) {
                m.setJMSExpiration(in.varlong());
            }
            if ((presence & HAS_DELIVERY_TIME) != 0) {
                m.setJMSDeliveryTime(in.varlong());
            }
            m.setJMSPriority(in.varint());
            if ((presence & HAS_TYPE) != 0) {
                m.setJMSType(in.string());
            }
            for (int n = in.count(); n > 0; n--) {
                m.setProviderProperty(in.string(), in.typed());
            }
            decodeBody(m, in, policy);
            if (in.remaining() != 0) {
                throw new MessageFormatException(in.remaining() + " unexpected bytes after the message body");
            }
            m.setDeliveryCount(1);
            return m;
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException | ClassCastException e) {
            throw JmsErrors.create(new MessageFormatException("Cannot decode a message of " + bytes.length
                    + " bytes: it is truncated or corrupt (" + e.getMessage() + ")"), e);
        }
    }

    private static TableMQMessage newOfType(int type) throws MessageFormatException {
        switch (type) {
            case TYPE_PLAIN: return new TableMQMessage();
            case TYPE_TEXT: return new TableMQTextMessage();
            case TYPE_BYTES: return new TableMQBytesMessage();
            case TYPE_MAP: return new TableMQMapMessage();
            case TYPE_STREAM: return new TableMQStreamMessage();
            case TYPE_OBJECT: return new TableMQObjectMessage();
            default: throw new MessageFormatException("Unknown message type " + type + " in an encoded message");
        }
    }

    private static void decodeBody(TableMQMessage m, CodecInput in, DeserializationPolicy policy) throws MessageFormatException {
        if (m instanceof TableMQTextMessage t) {
            t.restoreText(in.nullableString());
        } else if (m instanceof TableMQBytesMessage b) {
            b.restoreBody(in.bytes());
        } else if (m instanceof TableMQMapMessage map) {
            for (int n = in.count(); n > 0; n--) {
                map.restoreEntry(in.string(), in.typed());
            }
        } else if (m instanceof TableMQStreamMessage s) {
            int n = in.count();
            List<Object> values = new ArrayList<>(Math.min(n, 1024));
            for (; n > 0; n--) {
                values.add(in.typed());
            }
            s.restoreValues(values);
        } else if (m instanceof TableMQObjectMessage o) {
            o.restoreSerialized(in.u8() == 0 ? null : in.bytes(), policy);
        }
    }
}
