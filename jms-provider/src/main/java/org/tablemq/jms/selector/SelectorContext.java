package org.tablemq.jms.selector;

/**
 * What a selector is evaluated against: the value of an identifier in a message. Implemented by the message
 * classes, so the selector engine knows nothing about them.
 */
@FunctionalInterface
public interface SelectorContext {

    /**
     * The value of a selector identifier: a message property, or one of the header fields a selector may use
     * ({@code JMSDeliveryMode} as "PERSISTENT"/"NON_PERSISTENT", {@code JMSPriority}, {@code JMSMessageID},
     * {@code JMSTimestamp}, {@code JMSCorrelationID}, {@code JMSType}). Null when the message has no such
     * property (the selector then sees SQL NULL, i.e. unknown).
     *
     * @return a Boolean, Byte, Short, Integer, Long, Float, Double or String, or null
     */
    Object valueOf(String identifier);
}
