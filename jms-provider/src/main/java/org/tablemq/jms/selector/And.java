package org.tablemq.jms.selector;

/** {@code left AND right}; the right side is not evaluated when the left is FALSE. */
final class And extends Expr {

    private final Expr left;
    private final Expr right;

    And(Expr left, Expr right) {
        this.left = left;
        this.right = right;
    }

    @Override
    Object evaluate(SelectorContext message) {
        Boolean a = left.test(message);
        if (a == Boolean.FALSE) {
            return Boolean.FALSE;
        }
        return Logic.and(a, right.test(message));
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "(" + left + " AND " + right + ")";
    }
}
