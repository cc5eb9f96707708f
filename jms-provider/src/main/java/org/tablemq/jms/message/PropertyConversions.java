package org.tablemq.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The conversion table of Jakarta Messaging 3.1 section 3.5.4 (properties), which StreamMessage (6.2 table) and
 * MapMessage share, extended by the char and byte[] rows those two allow. A row reads: a value written as the
 * type in the method's parameter may be read as the method's result type; every other pair is refused with
 * {@link MessageFormatException}. A null value read as a primitive behaves like the primitive's
 * {@code valueOf((String) null)}: false for boolean, NumberFormatException for integers, NullPointerException for
 * float, double and char.
 *
 * <p>{@code what} names the value for the error message, e.g. {@code property 'retries'}.
 */
public final class PropertyConversions {

    private PropertyConversions() {
    }

    public static boolean toBoolean(Object v, String what) throws MessageFormatException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Boolean.valueOf((String) v);
        }
        throw refused(v, "boolean", what);
    }

    public static byte toByte(Object v, String what) throws MessageFormatException {
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Byte.valueOf((String) v);
        }
        throw refused(v, "byte", what);
    }

    public static short toShort(Object v, String what) throws MessageFormatException {
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Short.valueOf((String) v);
        }
        throw refused(v, "short", what);
    }

    public static int toInt(Object v, String what) throws MessageFormatException {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v == null || v instanceof String) {
            return Integer.valueOf((String) v);
        }
        throw refused(v, "int", what);
    }

    public static long toLong(Object v, String what) throws MessageFormatException {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v == null || v instanceof String) {
            return Long.valueOf((String) v);
        }
        throw refused(v, "long", what);
    }

    public static float toFloat(Object v, String what) throws MessageFormatException {
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Float.valueOf((String) v);
        }
        throw refused(v, "float", what);
    }

    public static double toDouble(Object v, String what) throws MessageFormatException {
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v == null || v instanceof String) {
            return Double.valueOf((String) v);
        }
        throw refused(v, "double", what);
    }

    /** Only a char reads as a char (StreamMessage and MapMessage); null gives NullPointerException. */
    public static char toChar(Object v, String what) throws MessageFormatException {
        if (v instanceof Character c) {
            return c;
        }
        if (v == null) {
            throw new NullPointerException("Cannot read the null " + what + " as char");
        }
        throw refused(v, "char", what);
    }

    /** Every type but byte[] reads as a String; null stays null. */
    public static String toStringValue(Object v, String what) throws MessageFormatException {
        if (v instanceof byte[]) {
            throw refused(v, "String", what);
        }
        return v == null ? null : v.toString();
    }

    /** Only a byte[] reads as a byte[] (StreamMessage and MapMessage); null stays null. */
    public static byte[] toBytes(Object v, String what) throws MessageFormatException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        throw refused(v, "byte[]", what);
    }

    /** Whether {@code v} is a value a message property may hold (null included). */
    public static boolean isPropertyType(Object v) {
        return v == null || v instanceof Boolean || v instanceof Byte || v instanceof Short || v instanceof Integer
                || v instanceof Long || v instanceof Float || v instanceof Double || v instanceof String;
    }

    /** Whether {@code v} is a value a StreamMessage or MapMessage may hold: a property type, a char or a byte[]. */
    public static boolean isBodyValueType(Object v) {
        return isPropertyType(v) || v instanceof Character || v instanceof byte[];
    }

    /** A short type name for error messages. */
    public static String typeName(Object v) {
        return v instanceof byte[] ? "byte[]" : v == null ? "null" : v.getClass().getSimpleName();
    }

    private static MessageFormatException refused(Object v, String target, String what) {
        return new MessageFormatException("Cannot read " + what + " (a " + typeName(v) + ") as " + target
                + ": the Jakarta Messaging conversion table does not allow it");
    }
}
