package org.tablemq.jms.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;

import org.tablemq.jms.internal.JmsErrors;

/**
 * A message whose body is a stream of bytes written and read in {@link java.io.DataOutput} format. It starts in
 * write-only mode; {@link #reset()} (or receiving it) switches to read-only mode from the first byte, and
 * {@link #clearBody()} back to an empty write-only body.
 */
public class TableMQBytesMessage extends TableMQMessage implements BytesMessage {

    private ByteArrayOutputStream written = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(written);
    private byte[] body;          // set in read mode
    private DataInputStream in;   // set in read mode

    public TableMQBytesMessage() {
    }

    /** A bytes message holding {@code bytes}, still in write-only mode (more may be written). */
    public TableMQBytesMessage(byte[] bytes) {
        written.writeBytes(bytes);
    }

    /** The whole body whatever the mode, for the codec and getBody; not copied. */
    byte[] bodyBytes() {
        return in != null ? body : written.toByteArray();
    }

    /** Puts a decoded body in place and switches to read mode. */
    void restoreBody(byte[] bytes) {
        enterReadMode(bytes);
        markBodyReadOnly();
    }

    private void enterReadMode(byte[] bytes) {
        body = bytes;
        in = new DataInputStream(new ByteArrayInputStream(bytes));
        written = null;
        out = null;
    }

    @Override
    public void reset() {
        enterReadMode(bodyBytes());
        markBodyReadOnly();
    }

    @Override
    protected void onBodyReadOnly() {
        reset();
    }

    @Override
    protected void clearBodyContent() {
        written = new ByteArrayOutputStream();
        out = new DataOutputStream(written);
        body = null;
        in = null;
    }

    @Override
    public long getBodyLength() throws JMSException {
        readable();
        return body.length;
    }

    // ---------------------------------------------------------------- reading

    private DataInputStream readable() throws MessageNotReadableException {
        if (in == null) {
            throw new MessageNotReadableException("This BytesMessage is in write-only mode: call reset() to read it");
        }
        return in;
    }

    @FunctionalInterface
    private interface Read<T> {
        T from(DataInputStream in) throws IOException;
    }

    private <T> T read(String what, Read<T> r) throws JMSException {
        DataInputStream i = readable();
        try {
            return r.from(i);
        } catch (EOFException e) {
            throw JmsErrors.create(new MessageEOFException("Unexpected end of the BytesMessage body reading "
                    + what), e);
        } catch (IOException e) {
            throw JmsErrors.create(new MessageFormatException("Cannot read " + what + " from the BytesMessage body: "
                    + e.getMessage()), e);
        }
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read("a boolean", DataInputStream::readBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read("a byte", DataInputStream::readByte);
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return read("an unsigned byte", DataInputStream::readUnsignedByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read("a short", DataInputStream::readShort);
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return read("an unsigned short", DataInputStream::readUnsignedShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read("a char", DataInputStream::readChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read("an int", DataInputStream::readInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read("a long", DataInputStream::readLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read("a float", DataInputStream::readFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read("a double", DataInputStream::readDouble);
    }

    @Override
    public String readUTF() throws JMSException {
        return read("a UTF string", s -> s.readUTF());
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /** Reads up to {@code length} bytes; -1 once the body is exhausted. */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is outside the array of " + value.length + " bytes");
        }
        readable();
        if (length == 0) {
            return 0;
        }
        return read("bytes", s -> s.read(value, 0, length));
    }

    // ---------------------------------------------------------------- writing

    @FunctionalInterface
    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private void write(Write w) throws JMSException {
        checkBodyWritable();
        try {
            w.to(out);
        } catch (IOException e) {
            throw JmsErrors.create(new MessageFormatException("Cannot write to the BytesMessage body: " + e.getMessage()), e);
        }
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(o -> o.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(o -> o.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(o -> o.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(o -> o.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(o -> o.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(o -> o.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(o -> o.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(o -> o.writeDouble(value));
    }

    /** Writes in modified UTF-8 (DataOutput format), so it is limited to 65535 encoded bytes. */
    @Override
    public void writeUTF(String value) throws JMSException {
        write(o -> o.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(o -> o.write(value));
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        write(o -> o.write(value, offset, length));
    }

    /** Writes a boxed primitive, String or byte[] as the matching write method would; null is refused. */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("BytesMessage.writeObject cannot write null");
        } else if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("BytesMessage.writeObject cannot write a " + value.getClass().getName()
                    + ": only boxed primitives, String and byte[]");
        }
    }

    // ---------------------------------------------------------------- body hooks

    @Override
    protected boolean hasBody() {
        return in != null ? body.length > 0 : written.size() > 0;
    }

    /** The whole body; as the spec says, getBody resets the message (it ends in read mode at the start). */
    @Override
    protected Object bodyValue() {
        reset();
        return body.clone();
    }

    /** Answers without resetting the message, unlike getBody. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        if (c == null) {
            throw new MessageFormatException("isBodyAssignableTo needs a class, not null");
        }
        return !hasBody() || bodyAssignable(c, null);
    }

    /** Only byte[] or Object, as the spec says (not Serializable or Cloneable). */
    @Override
    protected boolean bodyAssignable(Class<?> c, Object body) {
        return c == byte[].class || c == Object.class;
    }

    @Override
    protected TableMQMessage newEmpty() {
        return new TableMQBytesMessage();
    }

    @Override
    protected void copyBodyTo(TableMQMessage target) {
        TableMQBytesMessage t = (TableMQBytesMessage) target;
        if (in != null) {
            t.enterReadMode(body.clone());
        } else {
            t.written.writeBytes(written.toByteArray());
        }
    }

    @Override
    protected String kindName() {
        return "BytesMessage";
    }
}
