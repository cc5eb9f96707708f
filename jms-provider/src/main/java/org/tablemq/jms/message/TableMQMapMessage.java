package org.tablemq.jms.message;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;

/**
 * A message whose body is a set of named typed values, read back with the conversions of {@link PropertyConversions}
 * (plus char and byte[], which only read as themselves).
 */
public class TableMQMapMessage extends TableMQMessage implements MapMessage {

    private final LinkedHashMap<String, Object> entries = new LinkedHashMap<>();

    public TableMQMapMessage() {
    }

    /** The entries in order, for the codec (byte[] values are not copied). */
    Map<String, Object> bodyEntries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Puts a decoded entry in place, bypassing the read-only check. */
    void restoreEntry(String name, Object value) {
        entries.put(name, value);
    }

    private Object get(String name) {
        return entries.get(name);
    }

    private static String describe(String name) {
        return "map entry '" + name + "'";
    }

    private void put(String name, Object value) throws JMSException {
        checkBodyWritable();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A MapMessage entry name must not be null or empty");
        }
        entries.put(name, value);
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return PropertyConversions.toBoolean(get(name), describe(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return PropertyConversions.toByte(get(name), describe(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return PropertyConversions.toShort(get(name), describe(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return PropertyConversions.toChar(get(name), describe(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return PropertyConversions.toInt(get(name), describe(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return PropertyConversions.toLong(get(name), describe(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return PropertyConversions.toFloat(get(name), describe(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return PropertyConversions.toDouble(get(name), describe(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return PropertyConversions.toStringValue(get(name), describe(name));
    }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        return PropertyConversions.toBytes(get(name), describe(name));
    }

    @Override
    public Object getObject(String name) {
        Object v = get(name);
        return v instanceof byte[] b ? b.clone() : v;
    }

    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(new java.util.ArrayList<>(entries.keySet()));
    }

    @Override
    public boolean itemExists(String name) {
        return entries.containsKey(name);
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        put(name, java.util.Arrays.copyOfRange(value, offset, offset + length));
    }

    /** Sets a boxed primitive, String, byte[] (copied) or null; anything else is refused. */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        if (!PropertyConversions.isBodyValueType(value)) {
            throw new MessageFormatException("Cannot set map entry '" + name + "' to a " + value.getClass().getName()
                    + ": only boxed primitives, String, byte[] and null");
        }
        put(name, value instanceof byte[] b ? b.clone() : value);
    }

    // ---------------------------------------------------------------- body hooks

    @Override
    protected boolean hasBody() {
        return !entries.isEmpty();
    }

    /** A new HashMap of the entries, as getBody(Map.class) returns. */
    @Override
    protected Object bodyValue() {
        Map<String, Object> copy = new HashMap<>();
        entries.forEach((k, v) -> copy.put(k, v instanceof byte[] b ? b.clone() : v));
        return copy;
    }

    /** Only Map or Object, as the spec says (not HashMap or Serializable). */
    @Override
    protected boolean bodyAssignable(Class<?> c, Object body) {
        return c == Map.class || c == Object.class;
    }

    @Override
    protected void clearBodyContent() {
        entries.clear();
    }

    @Override
    protected TableMQMessage newEmpty() {
        return new TableMQMapMessage();
    }

    @Override
    protected void copyBodyTo(TableMQMessage target) {
        TableMQMapMessage t = (TableMQMapMessage) target;
        entries.forEach((k, v) -> t.entries.put(k, v instanceof byte[] b ? b.clone() : v));
    }

    @Override
    protected String kindName() {
        return "MapMessage";
    }
}
