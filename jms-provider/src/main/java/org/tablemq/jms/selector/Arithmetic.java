package org.tablemq.jms.selector;

/** {@code left + - * / right}; unknown when either side is NULL or not a number (a string cannot be added). */
final class Arithmetic extends Expr {

    private final Operator op;
    private final Expr left;
    private final Expr right;

    Arithmetic(Operator op, Expr left, Expr right) {
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    Object evaluate(SelectorContext message) {
        Object a = left.evaluate(message);
        if (!Numbers.isNumber(a)) {
            return null;
        }
        Object b = right.evaluate(message);
        if (!Numbers.isNumber(b)) {
            return null;
        }
        return Numbers.arithmetic(op, (Number) a, (Number) b);
    }

    @Override
    ValueType type() {
        return ValueType.NUMBER;
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol + " " + right + ")";
    }
}
