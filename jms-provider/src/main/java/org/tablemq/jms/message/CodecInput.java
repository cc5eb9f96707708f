package org.tablemq.jms.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.TableMQQueue;
import org.tablemq.jms.TableMQTemporaryQueue;
import org.tablemq.jms.TableMQTemporaryTopic;
import org.tablemq.jms.TableMQTopic;

/** Reads what {@link CodecOutput} wrote; running off the end throws ArrayIndexOutOfBoundsException. */
final class CodecInput {

    /** Destination flags. */
    static final byte DEST_TOPIC = 1, DEST_TEMPORARY = 2;

    /** Typed value tags (properties, map entries, stream fields). */
    static final byte V_NULL = 0, V_TRUE = 1, V_FALSE = 2, V_BYTE = 3, V_SHORT = 4, V_CHAR = 5, V_INT = 6,
            V_LONG = 7, V_FLOAT = 8, V_DOUBLE = 9, V_STRING = 10, V_BYTES = 11;

    private final byte[] buf;
    private int pos;

    CodecInput(byte[] buf) {
        this.buf = buf;
    }

    int remaining() {
        return buf.length - pos;
    }

    int u8() {
        return buf[pos++] & 0xFF;
    }

    int varint() {
        return (int) varlong();
    }

    long varlong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes at offset " + pos);
    }

    /** A count or length, checked against what is left so corrupt input cannot allocate gigabytes. */
    int count() {
        int n = varint();
        if (n < 0 || n > remaining()) {
            throw new IllegalArgumentException("length " + n + " at offset " + pos + " exceeds the "
                    + remaining() + " bytes left");
        }
        return n;
    }

    long fixed(int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    byte[] bytes() {
        int n = count();
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    String string() {
        int n = count();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    String nullableString() {
        return u8() == 0 ? null : string();
    }

    TableMQDestination destination() {
        int flags = u8();
        String name = string();
        boolean topic = (flags & DEST_TOPIC) != 0;
        if ((flags & DEST_TEMPORARY) != 0) {
            return topic ? new TableMQTemporaryTopic(name, null) : new TableMQTemporaryQueue(name, null);
        }
        return topic ? new TableMQTopic(name) : new TableMQQueue(name);
    }

    Object typed() {
        int tag = u8();
        switch (tag) {
            case V_NULL: return null;
            case V_TRUE: return Boolean.TRUE;
            case V_FALSE: return Boolean.FALSE;
            case V_BYTE: return (byte) u8();
            case V_SHORT: return (short) fixed(2);
            case V_CHAR: return (char) fixed(2);
            case V_INT: {
                int z = varint();
                return (z >>> 1) ^ -(z & 1);
            }
            case V_LONG: {
                long z = varlong();
                return (z >>> 1) ^ -(z & 1);
            }
            case V_FLOAT: return Float.intBitsToFloat((int) fixed(4));
            case V_DOUBLE: return Double.longBitsToDouble(fixed(8));
            case V_STRING: return string();
            case V_BYTES: return bytes();
            default: throw new IllegalArgumentException("unknown value tag " + tag + " at offset " + (pos - 1));
        }
    }
}
