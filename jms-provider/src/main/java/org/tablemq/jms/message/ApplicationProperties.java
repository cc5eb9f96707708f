package org.tablemq.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The one home of the rules for a property an application sets, on a message or on a JMSProducer: the name rules
 * of {@link PropertyNames} (an {@link IllegalArgumentException}, as the spec asks of a bad name) and the value
 * rules (a {@link MessageFormatException}): one of the eight property types, {@code JMSXGroupSeq} an int and
 * {@code JMSXGroupID} a String.
 */
public final class ApplicationProperties {

    private ApplicationProperties() {
    }

    /**
     * Refuses a property an application may not set.
     *
     * @throws IllegalArgumentException if the name is null, empty, not an identifier or reserved
     * @throws MessageFormatException   if the value's type is not allowed for this property
     */
    public static void check(String name, Object value) throws MessageFormatException {
        PropertyNames.checkApplicationName(name);
        if (!PropertyConversions.isPropertyType(value)) {
            throw new MessageFormatException("Cannot set property '" + name + "' to a "
                    + PropertyConversions.typeName(value)
                    + ": a property is a Boolean, Byte, Short, Integer, Long, Float, Double or String");
        }
        if (PropertyNames.GROUP_SEQ.equals(name) && !(value instanceof Integer)) {
            throw new MessageFormatException("JMSXGroupSeq must be an int, not a " + PropertyConversions.typeName(value));
        }
        if (PropertyNames.GROUP_ID.equals(name) && value != null && !(value instanceof String)) {
            throw new MessageFormatException("JMSXGroupID must be a String, not a " + PropertyConversions.typeName(value));
        }
    }
}
