package org.tablemq.jms.selector;

/**
 * {@code value [NOT] BETWEEN low AND high}, defined by the spec as {@code value >= low AND value <= high}
 * (negated: {@code value < low OR value > high}) with three-valued logic, so mixed integral and floating types
 * compare by value and a NULL bound makes it unknown unless the other bound already decides it.
 */
final class Between extends Expr {

    private final Expr value;
    private final Expr low;
    private final Expr high;
    private final boolean negated;

    Between(Expr value, Expr low, Expr high, boolean negated) {
        this.value = value;
        this.low = low;
        this.high = high;
        this.negated = negated;
    }

    @Override
    Object evaluate(SelectorContext message) {
        Object v = value.evaluate(message);
        if (v == null) {
            return null;
        }
        Object lo = low.evaluate(message);
        Object hi = high.evaluate(message);
        if (negated) {
            return Logic.or(compareOrNull(Operator.LT, v, lo), compareOrNull(Operator.GT, v, hi));
        }
        return Logic.and(compareOrNull(Operator.GE, v, lo), compareOrNull(Operator.LE, v, hi));
    }

    private static Boolean compareOrNull(Operator op, Object v, Object bound) {
        return bound == null ? null : Comparison.compare(op, v, bound);
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "(" + value + (negated ? " NOT" : "") + " BETWEEN " + low + " AND " + high + ")";
    }
}
