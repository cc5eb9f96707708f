package org.tablemq.jms.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

/**
 * A message's properties: the values in insertion order and the read-only flag of a received message. Setting
 * checks writability, then the rules of {@link ApplicationProperties}; reading conversions live in {@link PropertyConversions}.
 */
final class MessageProperties {

    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    /** An application's set: read-only, name and type rules apply. */
    void set(String name, Object value) throws MessageNotWriteableException, MessageFormatException {
        if (readOnly) {
            throw new MessageNotWriteableException("Cannot set property '" + name
                    + "': the properties of a received message are read-only until clearProperties() is called");
        }
        ApplicationProperties.check(name, value);
        values.put(name, value);
    }

    /** The provider's set: ignores read-only and reserved names, still refuses what a property cannot hold. */
    void setProvider(String name, Object value) {
        PropertyNames.checkIdentifier(name);
        if (!PropertyConversions.isPropertyType(value)) {
            throw new IllegalArgumentException("Property '" + name + "' cannot hold a " + PropertyConversions.typeName(value));
        }
        values.put(name, value);
    }

    Object get(String name) {
        return values.get(name);
    }

    boolean contains(String name) {
        return values.containsKey(name);
    }

    Map<String, Object> view() {
        return Collections.unmodifiableMap(values);
    }

    void clear() {
        values.clear();
        readOnly = false;
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    void copyInto(MessageProperties target) {
        target.values.putAll(values);
        target.readOnly = readOnly;
    }
}
