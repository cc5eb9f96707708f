package org.tablemq.jms.selector;

/**
 * {@code = <> < <= > >=} as §3.8.1.1 defines them: unknown if either side is NULL; numbers compared by value
 * with numeric promotion; strings and booleans compared for equality only (the parser refuses {@code <} on a
 * string or boolean literal; an identifier that turns out to hold one makes the comparison unknown); values of
 * unlike types (a string and a number) are never equal: the comparison is FALSE, as the spec says, so
 * {@code NOT (s = 1)} matches a message whose {@code s} is a string.
 */
final class Comparison extends Expr {

    private final Operator op;
    private final Expr left;
    private final Expr right;

    Comparison(Operator op, Expr left, Expr right) {
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    Object evaluate(SelectorContext message) {
        Object a = left.evaluate(message);
        if (a == null) {
            return null;
        }
        Object b = right.evaluate(message);
        if (b == null) {
            return null;
        }
        return compare(op, a, b);
    }

    /** The comparison of two non-null values; shared with BETWEEN. */
    static Boolean compare(Operator op, Object a, Object b) {
        boolean aNumber = Numbers.isNumber(a);
        boolean bNumber = Numbers.isNumber(b);
        if (aNumber && bNumber) {
            return Numbers.compare(op, (Number) a, (Number) b);
        }
        if (aNumber || bNumber || a.getClass() != b.getClass()) {
            return Boolean.FALSE;
        }
        if (!(a instanceof String) && !(a instanceof Boolean)) {
            return null;
        }
        return switch (op) {
            case EQ -> a.equals(b);
            case NE -> !a.equals(b);
            default -> null;
        };
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol + " " + right + ")";
    }
}
