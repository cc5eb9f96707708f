package org.tablemq.jms.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.store.DestinationRef;

import static org.tablemq.jms.message.CodecInput.DEST_TEMPORARY;
import static org.tablemq.jms.message.CodecInput.DEST_TOPIC;
import static org.tablemq.jms.message.CodecInput.V_BYTE;
import static org.tablemq.jms.message.CodecInput.V_BYTES;
import static org.tablemq.jms.message.CodecInput.V_CHAR;
import static org.tablemq.jms.message.CodecInput.V_DOUBLE;
import static org.tablemq.jms.message.CodecInput.V_FALSE;
import static org.tablemq.jms.message.CodecInput.V_FLOAT;
import static org.tablemq.jms.message.CodecInput.V_INT;
import static org.tablemq.jms.message.CodecInput.V_LONG;
import static org.tablemq.jms.message.CodecInput.V_NULL;
import static org.tablemq.jms.message.CodecInput.V_SHORT;
import static org.tablemq.jms.message.CodecInput.V_STRING;
import static org.tablemq.jms.message.CodecInput.V_TRUE;

/** The write side of {@link MessageCodec}'s format: a growable buffer with the few writes the format needs. */
final class CodecOutput {
    private byte[] buf;
    private int size;

    CodecOutput(int capacity) {
        buf = new byte[capacity];
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void varint(int v) {
        varlong(v & 0xFFFFFFFFL);
    }

    void varlong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    void fixed(long v, int bytes) {
        ensure(bytes);
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
    }

    void bytes(byte[] b) {
        varint(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    void string(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void nullableString(String s) {
        u8(s == null ? 0 : 1);
        if (s != null) {
            string(s);
        }
    }

    void destination(TableMQDestination d) {
        u8((d.kind() == DestinationRef.Kind.TOPIC ? DEST_TOPIC : 0) | (d.isTemporary() ? DEST_TEMPORARY : 0));
        string(d.getName());
    }

    void typed(Object v) {
        if (v == null) {
            u8(V_NULL);
        } else if (v instanceof Boolean b) {
            u8(b ? V_TRUE : V_FALSE);
        } else if (v instanceof Byte b) {
            u8(V_BYTE);
            u8(b);
        } else if (v instanceof Short s) {
            u8(V_SHORT);
            fixed(s, 2);
        } else if (v instanceof Character c) {
            u8(V_CHAR);
            fixed(c, 2);
        } else if (v instanceof Integer i) {
            u8(V_INT);
            varint((i << 1) ^ (i >> 31)); // zigzag: small negatives stay small
        } else if (v instanceof Long l) {
            u8(V_LONG);
            varlong((l << 1) ^ (l >> 63));
        } else if (v instanceof Float f) {
            u8(V_FLOAT);
            fixed(Float.floatToRawIntBits(f), 4);
        } else if (v instanceof Double d) {
            u8(V_DOUBLE);
            fixed(Double.doubleToRawLongBits(d), 8);
        } else if (v instanceof String s) {
            u8(V_STRING);
            string(s);
        } else if (v instanceof byte[] b) {
            u8(V_BYTES);
            bytes(b);
        } else {
            throw new IllegalArgumentException("A message cannot hold a " + v.getClass().getName());
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}

