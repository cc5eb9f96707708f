package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The message properties a JMSProducer sets on every message it sends: the names follow the selector
 * identifier rules, the values are the eight property types, and the typed getters apply the spec's
 * conversion table (for example an int property reads as a long or a String, never as a short).
 */
final class TableMQContextProperties {

    /** Selector keywords, which the spec forbids as property names. */
    private static final Set<String> RESERVED = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");
    /** Header fields, set with their own methods, never as properties. */
    private static final Set<String> HEADERS = Set.of("JMSDestination", "JMSDeliveryMode", "JMSMessageID",
            "JMSTimestamp", "JMSCorrelationID", "JMSReplyTo", "JMSRedelivered", "JMSType", "JMSExpiration",
            "JMSPriority", "JMSDeliveryTime");

    private final Map<String, Object> values = new LinkedHashMap<>();

    void set(String name, Object value) {
        checkName(name);
        if (value != null && !(value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof String)) {
            throw new MessageFormatRuntimeException("Cannot set property '" + name + "' to a "
                    + value.getClass().getName() + ": only Boolean, Byte, Short, Integer, Long, Float, Double and String are allowed");
        }
        values.put(name, value);
    }

    void clear() {
        values.clear();
    }

    boolean exists(String name) {
        return values.containsKey(name);
    }

    Set<String> names() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values.keySet()));
    }

    Object getObject(String name) {
        return values.get(name);
    }

    String getString(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    boolean getBoolean(String name) {
        Object v = values.get(name);
        if (v == null || v instanceof String) {
            return Boolean.parseBoolean((String) v);
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw cannotConvert(name, v, "boolean");
    }

    byte getByte(String name) {
        Object v = values.get(name);
        if (v == null || v instanceof String) {
            return Byte.parseByte((String) v);
        }
        if (v instanceof Byte b) {
            return b;
        }
        throw cannotConvert(name, v, "byte");
    }

    short getShort(String name) {
        Object v = values.get(name);
        if (v == null || v instanceof String) {
            return Short.parseShort((String) v);
        }
        if (v instanceof Byte || v instanceof Short) {
            return ((Number) v).shortValue();
        }
        throw cannotConvert(name, v, "short");
    }

    int getInt(String name) {
        Object v = values.get(name);
        if (v == null || v instanceof String) {
            return Integer.parseInt((String) v);
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer) {
            return ((Number) v).intValue();
        }
        throw cannotConvert(name, v, "int");
    }

    long getLong(String name) {
        Object v = values.get(name);
        if (v == null || v instanceof String) {
            return Long.parseLong((String) v);
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        throw cannotConvert(name, v, "long");
    }

    float getFloat(String name) {
        Object v = values.get(name);
        if (v == null) {
            // as Float.valueOf(null) does: the spec says a missing numeric property reads like a null String
            throw new NullPointerException("Property '" + name + "' is not set");
        }
        if (v instanceof String s) {
            return Float.parseFloat(s);
        }
        if (v instanceof Float f) {
            return f;
        }
        throw cannotConvert(name, v, "float");
    }

    double getDouble(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new NullPointerException("Property '" + name + "' is not set");
        }
        if (v instanceof String s) {
            return Double.parseDouble(s);
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        throw cannotConvert(name, v, "double");
    }

    /** Copies every property onto a message about to be sent. */
    void applyTo(Message message) throws JMSException {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() == null) {
                message.setStringProperty(e.getKey(), null);
            } else {
                message.setObjectProperty(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * The rules a message applies to the properties an application sets (spec 3.5.1, 3.5.9): a Java identifier
     * that is not a selector keyword nor a header name, and no JMSX name but JMSXGroupID/JMSXGroupSeq. Checked
     * here already so the mistake surfaces at {@code setProperty}, not at a later {@code send}.
     */
    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A property name must not be null or empty");
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            throw new IllegalArgumentException("Property name '" + name + "' is not a valid identifier: it must start with a letter, '_' or '$'");
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                throw new IllegalArgumentException("Property name '" + name + "' is not a valid identifier: character '"
                        + name.charAt(i) + "' at index " + i + " is not allowed");
            }
        }
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Property name '" + name + "' is a reserved selector keyword");
        }
        if (HEADERS.contains(name)) {
            throw new IllegalArgumentException("Property name '" + name + "' is a message header field: use setJMS... instead");
        }
        if (name.startsWith("JMSX") && !name.equals("JMSXGroupID") && !name.equals("JMSXGroupSeq")) {
            throw new IllegalArgumentException("Property name '" + name
                    + "' is reserved: applications may set only JMSXGroupID and JMSXGroupSeq among the JMSX properties");
        }
        if (name.startsWith("JMS_TableMQ")) {
            throw new IllegalArgumentException("Property name '" + name + "' is reserved for TableMQ itself");
        }
    }

    private static MessageFormatRuntimeException cannotConvert(String name, Object value, String type) {
        return new MessageFormatRuntimeException("Property '" + name + "' holds a " + value.getClass().getSimpleName()
                + " that cannot be read as a " + type);
    }
}
