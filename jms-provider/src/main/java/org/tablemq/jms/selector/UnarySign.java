package org.tablemq.jms.selector;

/**
 * Unary {@code -} or {@code +} on a value that is not a literal (signed literals are folded by the parser);
 * unknown unless the value is a number, so {@code +name} on a string property is unknown, not the string.
 */
final class UnarySign extends Expr {

    private final boolean negate;
    private final Expr operand;

    UnarySign(boolean negate, Expr operand) {
        this.negate = negate;
        this.operand = operand;
    }

    @Override
    Object evaluate(SelectorContext message) {
        Object value = operand.evaluate(message);
        if (!Numbers.isNumber(value)) {
            return null;
        }
        return negate ? Numbers.negate((Number) value) : value;
    }

    @Override
    ValueType type() {
        return ValueType.NUMBER;
    }

    @Override
    public String toString() {
        return "(" + (negate ? "-" : "+") + operand + ")";
    }
}
