package org.tablemq.jms.selector;

/**
 * Arithmetic and comparison of selector numbers with Java numeric promotion (§3.8.1.1): double if either side is
 * a double, else float if either is a float, else integral. Integral arithmetic is done in {@code long} (selector
 * literals are long-valued, and widening int properties to long only removes 32-bit overflow); a result that
 * overflows long wraps around exactly as Java's long arithmetic does. Division by zero, integral or not, is
 * unknown (null) rather than an exception or an infinity.
 */
final class Numbers {

    private static final int INTEGRAL = 0;
    private static final int FLOAT = 1;
    private static final int DOUBLE = 2;
    private static final int NOT_A_NUMBER = -1;

    private Numbers() {
    }

    /** The promotion rank of a selector value, or -1 when it is not a number a message property can hold. */
    static int rank(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INTEGRAL;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        return NOT_A_NUMBER;
    }

    static boolean isNumber(Object value) {
        return rank(value) != NOT_A_NUMBER;
    }

    /** {@code a op b} for two numbers (see {@link #isNumber}); null when dividing by zero. */
    static Number arithmetic(Operator op, Number a, Number b) {
        int rank = Math.max(rank(a), rank(b));
        if (rank == INTEGRAL) {
            long x = a.longValue();
            long y = b.longValue();
            return switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> y == 0 ? null : x / y;
                default -> throw notArithmetic(op);
            };
        }
        if (rank == FLOAT) {
            float x = a.floatValue();
            float y = b.floatValue();
            return switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> y == 0 ? null : x / y;
                default -> throw notArithmetic(op);
            };
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> y == 0 ? null : x / y;
            default -> throw notArithmetic(op);
        };
    }

    static Number negate(Number a) {
        return switch (rank(a)) {
            case INTEGRAL -> -a.longValue();
            case FLOAT -> -a.floatValue();
            default -> -a.doubleValue();
        };
    }

    /** {@code a op b} by value across integral and floating types (so 1 = 1.0); NaN compares as Java's does. */
    static boolean compare(Operator op, Number a, Number b) {
        int rank = Math.max(rank(a), rank(b));
        if (rank == INTEGRAL) {
            long x = a.longValue();
            long y = b.longValue();
            return switch (op) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                default -> throw notComparison(op);
            };
        }
        // a float widens to double exactly, so comparing the float-rounded values as doubles is float comparison
        double x = rank == FLOAT ? a.floatValue() : a.doubleValue();
        double y = rank == FLOAT ? b.floatValue() : b.doubleValue();
        return switch (op) {
            case EQ -> x == y;
            case NE -> x != y;
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
            default -> throw notComparison(op);
        };
    }

    private static IllegalArgumentException notArithmetic(Operator op) {
        return new IllegalArgumentException("Operator " + op.symbol + " is not arithmetic");
    }

    private static IllegalArgumentException notComparison(Operator op) {
        return new IllegalArgumentException("Operator " + op.symbol + " is not a comparison");
    }
}
