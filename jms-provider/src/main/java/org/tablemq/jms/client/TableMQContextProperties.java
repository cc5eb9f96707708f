package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.message.ApplicationProperties;
import org.tablemq.jms.message.PropertyConversions;

/**
 * The message properties a JMSProducer sets on every message it sends. It keeps no rules of its own: names and value
 * types are checked by the message package's {@link ApplicationProperties} (so a mistake surfaces at
 * {@code setProperty}, not at a later {@code send}), and the typed getters apply its {@link PropertyConversions}
 * (for example an int property reads as a long or a String, never as a short), with the simplified API's unchecked
 * exceptions.
 */
final class TableMQContextProperties {

    /** A conversion of the message package, which throws the checked MessageFormatException. */
    private interface Conversion<T> {
        T apply(Object value, String what) throws MessageFormatException;
    }

    private final Map<String, Object> values = new LinkedHashMap<>();

    void set(String name, Object value) {
        try {
            ApplicationProperties.check(name, value);
        } catch (MessageFormatException e) {
            throw JmsErrors.toRuntime(e);
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
        return Collections.unmodifiableSet(new LinkedHashSet<>(values.keySet()));
    }

    Object getObject(String name) {
        return values.get(name);
    }

    String getString(String name) {
        return get(name, PropertyConversions::toStringValue);
    }

    boolean getBoolean(String name) {
        return get(name, PropertyConversions::toBoolean);
    }

    byte getByte(String name) {
        return get(name, PropertyConversions::toByte);
    }

    short getShort(String name) {
        return get(name, PropertyConversions::toShort);
    }

    int getInt(String name) {
        return get(name, PropertyConversions::toInt);
    }

    long getLong(String name) {
        return get(name, PropertyConversions::toLong);
    }

    float getFloat(String name) {
        return get(name, PropertyConversions::toFloat);
    }

    double getDouble(String name) {
        return get(name, PropertyConversions::toDouble);
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

    private <T> T get(String name, Conversion<T> conversion) {
        try {
            return conversion.apply(values.get(name), "property '" + name + "'");
        } catch (MessageFormatException e) {
            throw JmsErrors.toRuntime(e);
        }
    }
}
