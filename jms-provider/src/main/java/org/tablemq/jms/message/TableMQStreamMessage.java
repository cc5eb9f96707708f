package org.tablemq.jms.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;

/**
 * A message whose body is a sequence of typed values, read back with the conversions of Jakarta Messaging 3.1
 * section 3.11.3 ({@link PropertyConversions} plus char and byte[]). A read that fails with
 * MessageFormatException or NumberFormatException leaves the position where it was. A byte[] field must be read
 * to its end with {@link #readBytes(byte[])} before the next field.
 */
public class TableMQStreamMessage extends TableMQMessage implements StreamMessage {

    private List<Object> values = new ArrayList<>();
    private boolean reading;
    private int position;
    private int bytesOffset = -1; // offset into the byte[] field being read by readBytes, -1 when none

    public TableMQStreamMessage() {
    }

    /** The values in order, for the codec (byte[] values are not copied). */
    List<Object> bodyValues() {
        return Collections.unmodifiableList(values);
    }

    /** Puts decoded values in place and switches to read mode. */
    void restoreValues(List<Object> decoded) {
        values = new ArrayList<>(decoded);
        reset();
    }

    @Override
    public void reset() {
        reading = true;
        position = 0;
        bytesOffset = -1;
        markBodyReadOnly();
    }

    @Override
    protected void onBodyReadOnly() {
        reset();
    }

    @Override
    protected void clearBodyContent() {
        values = new ArrayList<>();
        reading = false;
        position = 0;
        bytesOffset = -1;
    }

    // ---------------------------------------------------------------- reading

    @FunctionalInterface
    private interface Conversion<T> {
        T apply(Object v, String what) throws MessageFormatException;
    }

    /** Converts the next value; the position advances only when the conversion succeeds. */
    private <T> T next(Conversion<T> conversion) throws JMSException {
        Object v = peek();
        T result = conversion.apply(v, "stream field " + position);
        position++;
        return result;
    }

    private Object peek() throws JMSException {
        if (!reading) {
            throw new MessageNotReadableException("This StreamMessage is in write-only mode: call reset() to read it");
        }
        if (bytesOffset >= 0) {
            throw new MessageFormatException("The byte[] field " + position
                    + " must be read to its end with readBytes before reading the next field");
        }
        if (position >= values.size()) {
            throw new MessageEOFException("End of the StreamMessage body: all " + values.size() + " fields were read");
        }
        return values.get(position);
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return next(PropertyConversions::toBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return next(PropertyConversions::toByte);
    }

    @Override
    public short readShort() throws JMSException {
        return next(PropertyConversions::toShort);
    }

    @Override
    public char readChar() throws JMSException {
        return next(PropertyConversions::toChar);
    }

    @Override
    public int readInt() throws JMSException {
        return next(PropertyConversions::toInt);
    }

    @Override
    public long readLong() throws JMSException {
        return next(PropertyConversions::toLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return next(PropertyConversions::toFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return next(PropertyConversions::toDouble);
    }

    @Override
    public String readString() throws JMSException {
        return next(PropertyConversions::toStringValue);
    }

    /**
     * Reads the next chunk of a byte[] field: the number of bytes copied, -1 for a null field or once the field
     * is exhausted. A result smaller than {@code value.length} ends the field.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        byte[] field;
        if (bytesOffset < 0) {
            Object v = peek();
            if (v == null) {
                position++;
                return -1;
            }
            if (!(v instanceof byte[] b)) {
                throw new MessageFormatException("Cannot read stream field " + position + " (a "
                        + PropertyConversions.typeName(v) + ") with readBytes: only a byte[] field can be");
            }
            field = b;
            bytesOffset = 0;
        } else {
            field = (byte[]) values.get(position);
            if (bytesOffset == field.length) {
                endBytesField();
                return -1;
            }
        }
        int n = Math.min(value.length, field.length - bytesOffset);
        System.arraycopy(field, bytesOffset, value, 0, n);
        bytesOffset += n;
        if (n < value.length) {
            endBytesField();
        }
        return n;
    }

    private void endBytesField() {
        bytesOffset = -1;
        position++;
    }

    @Override
    public Object readObject() throws JMSException {
        Object v = peek();
        position++;
        return v instanceof byte[] b ? b.clone() : v;
    }

    // ---------------------------------------------------------------- writing

    private void append(Object value) throws JMSException {
        checkBodyWritable();
        values.add(value);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        append(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        append(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        append(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        append(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        append(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        append(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        append(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        append(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        append(value);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        append(value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        if (offset < 0 || length < 0 || offset + length > value.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " and length " + length
                    + " are outside the array of " + value.length + " bytes");
        }
        append(java.util.Arrays.copyOfRange(value, offset, offset + length));
    }

    /** Writes a boxed primitive, String, byte[] (copied) or null; anything else is refused. */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (!PropertyConversions.isBodyValueType(value)) {
            throw new MessageFormatException("StreamMessage.writeObject cannot write a " + value.getClass().getName()
                    + ": only boxed primitives, String, byte[] and null");
        }
        append(value instanceof byte[] b ? b.clone() : value);
    }

    // ---------------------------------------------------------------- body hooks

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("getBody cannot be used on a StreamMessage: read it with its read methods");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    @Override
    protected boolean hasBody() {
        return !values.isEmpty();
    }

    @Override
    protected TableMQMessage newEmpty() {
        return new TableMQStreamMessage();
    }

    @Override
    protected void copyBodyTo(TableMQMessage target) {
        TableMQStreamMessage t = (TableMQStreamMessage) target;
        for (Object v : values) {
            t.values.add(v instanceof byte[] b ? b.clone() : v);
        }
        if (reading) {
            t.reading = true;
        }
    }

    @Override
    protected String kindName() {
        return "StreamMessage";
    }
}
