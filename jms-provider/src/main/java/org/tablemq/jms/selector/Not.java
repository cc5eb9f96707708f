package org.tablemq.jms.selector;

/** {@code NOT operand}: unknown stays unknown. */
final class Not extends Expr {

    private final Expr operand;

    Not(Expr operand) {
        this.operand = operand;
    }

    @Override
    Object evaluate(SelectorContext message) {
        return Logic.not(operand.test(message));
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "(NOT " + operand + ")";
    }
}
