package org.tablemq.jms.selector;

/** {@code left OR right}; the right side is not evaluated when the left is TRUE. */
final class Or extends Expr {

    private final Expr left;
    private final Expr right;

    Or(Expr left, Expr right) {
        this.left = left;
        this.right = right;
    }

    @Override
    Object evaluate(SelectorContext message) {
        Boolean a = left.test(message);
        if (a == Boolean.TRUE) {
            return Boolean.TRUE;
        }
        return Logic.or(a, right.test(message));
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "(" + left + " OR " + right + ")";
    }
}
