package org.tablemq.jms.message;

import java.io.Serializable;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

/**
 * A message whose body is a serialized object. The object is serialized when it is set, so later changes to it
 * do not reach the message, and each {@link #getObject()} returns a fresh copy deserialized under the message's
 * {@link DeserializationPolicy}. A message the application created trusts every class, without limits (it holds
 * the application's own object); a decoded one carries the policy of the consumer's connection.
 */
public class TableMQObjectMessage extends TableMQMessage implements ObjectMessage {

    private byte[] serialized;
    private DeserializationPolicy policy = DeserializationPolicy.OWN_OBJECT;

    public TableMQObjectMessage() {
    }

    public TableMQObjectMessage(Serializable object) throws MessageFormatException {
        this.serialized = object == null ? null : ObjectBodies.serialize(object);
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = object == null ? null : ObjectBodies.serialize(object);
    }

    @Override
    public Serializable getObject() throws JMSException {
        return serialized == null ? null : ObjectBodies.deserialize(serialized, policy);
    }

    public DeserializationPolicy getDeserializationPolicy() {
        return policy;
    }

    /** Sets which classes {@link #getObject()} may deserialize. */
    public void setDeserializationPolicy(DeserializationPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
    }

    /** The serialized body, for the codec (not copied: the codec only writes it out). */
    byte[] serializedBody() {
        return serialized;
    }

    void restoreSerialized(byte[] serialized, DeserializationPolicy policy) {
        this.serialized = serialized;
        setDeserializationPolicy(policy);
    }

    @Override
    protected boolean hasBody() {
        return serialized != null;
    }

    @Override
    protected Object bodyValue() throws JMSException {
        return getObject();
    }

    /** False, not an exception, when the body cannot be deserialized (as the spec says). */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        try {
            return super.isBodyAssignableTo(c);
        } catch (MessageFormatException e) {
            return false;
        }
    }

    @Override
    protected void clearBodyContent() {
        serialized = null;
    }

    @Override
    protected TableMQMessage newEmpty() {
        return new TableMQObjectMessage();
    }

    @Override
    protected void copyBodyTo(TableMQMessage target) {
        TableMQObjectMessage t = (TableMQObjectMessage) target;
        t.serialized = serialized; // never modified in place, so sharing is a deep copy in effect
        t.policy = policy;
    }

    @Override
    protected String kindName() {
        return "ObjectMessage";
    }
}
