package org.tablemq.jms.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import org.tablemq.jms.selector.SelectorContext;

/**
 * A message with no body, and the base of the typed messages: header fields, properties, read-only rules and the
 * provider hooks the facade uses. The typed subclasses add a body through the protected body hooks; how any of
 * it is encoded is {@link MessageCodec}'s business.
 */
public class TableMQMessage implements Message, SelectorContext {

    private String messageId;
    private long timestamp;
    private Object correlationId; // a String or a byte[]
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DEFAULT_DELIVERY_MODE;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = DEFAULT_PRIORITY;

    private final MessageProperties properties = new MessageProperties();
    private int deliveryCount; // 0: not delivered (an application's own message)
    private boolean bodyReadOnly;
    private Acknowledger acknowledger;

    public TableMQMessage() {
    }

    // ---------------------------------------------------------------- headers

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /** The correlation id; one set as bytes reads as their UTF-8 decoding. */
    @Override
    public String getJMSCorrelationID() {
        return correlationId instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) correlationId;
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
    }

    /** The correlation id as bytes; one set as a String reads as its UTF-8 encoding. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationId instanceof byte[] b) {
            return b.clone();
        }
        return correlationId == null ? null : ((String) correlationId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationId = correlationID == null ? null : correlationID.clone();
    }

    /** True when the correlation id was set as bytes (the codec keeps the distinction). */
    boolean correlationIdIsBytes() {
        return correlationId instanceof byte[];
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // ---------------------------------------------------------------- properties

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return isDeliveryCount(name) || properties.contains(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return PropertyConversions.toBoolean(property(name), describe(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return PropertyConversions.toByte(property(name), describe(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return PropertyConversions.toShort(property(name), describe(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return PropertyConversions.toInt(property(name), describe(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return PropertyConversions.toLong(property(name), describe(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return PropertyConversions.toFloat(property(name), describe(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return PropertyConversions.toDouble(property(name), describe(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return PropertyConversions.toStringValue(property(name), describe(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return property(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        List<String> names = new ArrayList<>(properties.view().keySet());
        if (deliveryCount > 0 && !names.contains(PropertyNames.DELIVERY_COUNT)) {
            names.add(PropertyNames.DELIVERY_COUNT);
        }
        return Collections.enumeration(names);
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    private Object property(String name) {
        return isDeliveryCount(name) ? Integer.valueOf(deliveryCount) : properties.get(name);
    }

    private boolean isDeliveryCount(String name) {
        return deliveryCount > 0 && PropertyNames.DELIVERY_COUNT.equals(name);
    }

    private static String describe(String name) {
        return "property '" + name + "'";
    }

    /** The application-set and provider-set properties, without JMSXDeliveryCount (which the store tracks). */
    Map<String, Object> propertyMap() {
        return properties.view();
    }

    // ---------------------------------------------------------------- body

    @Override
    public void acknowledge() throws JMSException {
        Acknowledger a = acknowledger;
        if (a != null) {
            a.acknowledge();
        }
    }

    /** Empties the body and makes it writable again (a received message's body becomes writable). */
    @Override
    public void clearBody() throws JMSException {
        clearBodyContent();
        bodyReadOnly = false;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (c == null) {
            throw new MessageFormatException("getBody needs a class, not null");
        }
        if (!hasBody()) {
            return null;
        }
        Object body = bodyValue();
        if (!bodyAssignable(c, body)) {
            throw new MessageFormatException("Cannot return the body of this " + kindName() + " (a "
                    + PropertyConversions.typeName(body) + ") as " + c.getName());
        }
        return c.cast(body);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        if (c == null) {
            throw new MessageFormatException("isBodyAssignableTo needs a class, not null");
        }
        return !hasBody() || bodyAssignable(c, bodyValue());
    }

    /** Whether getBody may return {@code body} as {@code c}: by default, when it is an instance of it. */
    protected boolean bodyAssignable(Class<?> c, Object body) {
        return c.isInstance(body);
    }

    /** Whether the message has a body (a message with none returns null from getBody for any class). */
    protected boolean hasBody() {
        return false;
    }

    /** The body as getBody returns it: a fresh copy the caller may keep. Only called when {@link #hasBody()}. */
    protected Object bodyValue() throws JMSException {
        return null;
    }

    /** Empties the body; {@link #clearBody()} also makes it writable. */
    protected void clearBodyContent() throws JMSException {
    }

    /** Called when the body becomes read-only: streams switch to reading from the start. */
    protected void onBodyReadOnly() {
    }

    /** An empty message of the same type, for {@link #copy()}. */
    protected TableMQMessage newEmpty() {
        return new TableMQMessage();
    }

    /** Copies the body into {@code target}, a message made by {@link #newEmpty()}. */
    protected void copyBodyTo(TableMQMessage target) throws JMSException {
    }

    /** The interface name used in error messages, e.g. "TextMessage". */
    protected String kindName() {
        return "Message";
    }

    protected final boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    protected final void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("The body of this " + kindName()
                    + " is read-only: it was received, or reset() was called; call clearBody() to write it");
        }
    }

    /** Marks the body read-only without touching the properties (reset() on a Bytes or Stream message). */
    protected final void markBodyReadOnly() {
        bodyReadOnly = true;
    }

    // ---------------------------------------------------------------- provider hooks

    /** What {@link #acknowledge()} calls; set by the facade on a received message. */
    public void setAcknowledger(Acknowledger a) {
        this.acknowledger = a;
    }

    /** Makes body and properties read-only, as they are on a received message. */
    public void setReadOnly() {
        properties.setReadOnly(true);
        bodyReadOnly = true;
        onBodyReadOnly();
    }

    /** Sets JMSXDeliveryCount: 1 on first delivery. */
    public void setDeliveryCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("JMSXDeliveryCount starts at 1, not " + count);
        }
        this.deliveryCount = count;
    }

    /** JMSXDeliveryCount, 0 for a message that was never delivered. */
    public int getDeliveryCount() {
        return deliveryCount;
    }

    /**
     * Sets a property even when the properties are read-only and under names applications may not use (JMSX and
     * JMS_TableMQ properties such as the dead-letter reason). The value must still be a property type.
     */
    public void setProviderProperty(String name, Object value) {
        if (PropertyNames.DELIVERY_COUNT.equals(name)) {
            if (!(value instanceof Integer count)) {
                throw new IllegalArgumentException("JMSXDeliveryCount is an int, not a " + PropertyConversions.typeName(value));
            }
            setDeliveryCount(count);
            return;
        }
        properties.setProvider(name, value);
    }

    @Override
    public Object valueOf(String identifier) {
        switch (identifier) {
            case "JMSDeliveryMode":
                return deliveryMode == DeliveryMode.NON_PERSISTENT ? "NON_PERSISTENT" : "PERSISTENT";
            case "JMSPriority":
                return priority;
            case "JMSMessageID":
                return messageId;
            case "JMSTimestamp":
                return timestamp;
            case "JMSCorrelationID":
                return getJMSCorrelationID();
            case "JMSType":
                return type;
            default:
                return property(identifier);
        }
    }

    /** A deep copy: headers, properties, body and the read-only state, but no acknowledger. */
    public TableMQMessage copy() {
        TableMQMessage c = newEmpty();
        c.messageId = messageId;
        c.timestamp = timestamp;
        c.correlationId = correlationId instanceof byte[] b ? b.clone() : correlationId;
        c.replyTo = replyTo;
        c.destination = destination;
        c.deliveryMode = deliveryMode;
        c.redelivered = redelivered;
        c.type = type;
        c.expiration = expiration;
        c.deliveryTime = deliveryTime;
        c.priority = priority;
        properties.copyInto(c.properties);
        c.deliveryCount = deliveryCount;
        try {
            copyBodyTo(c);
        } catch (JMSException e) {
            // bodies are held as values in memory: copying them cannot fail
            throw new java.lang.IllegalStateException("Cannot copy the body of " + this, e);
        }
        c.bodyReadOnly = bodyReadOnly;
        return c;
    }

    /**
     * A TableMQ message with the type, body, properties, JMSCorrelationID, JMSType and JMSReplyTo of another
     * provider's message, for sending it through TableMQ. A TableMQ message is copied as it is.
     */
    public static TableMQMessage copyOf(Message foreign) throws JMSException {
        return ForeignMessages.copyOf(foreign);
    }

    @Override
    public String toString() {
        return kindName() + "[" + (messageId == null ? "unsent" : messageId) + "]";
    }
}
