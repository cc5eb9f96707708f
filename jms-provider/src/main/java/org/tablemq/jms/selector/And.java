package org.tablemq.jms.selector;

import java.util.List;

/**
 * {@code a AND b AND ...}: a chain of ANDs is one node, so a long generated selector is evaluated by a loop
 * rather than by recursion as deep as the chain. Stops at the first FALSE operand.
 */
final class And extends Expr {

    private final Expr[] operands;

    And(List<Expr> operands) {
        this.operands = operands.toArray(new Expr[0]);
    }

    @Override
    Object evaluate(SelectorContext message) {
        Boolean result = Boolean.TRUE;
        for (Expr operand : operands) {
            Boolean value = operand.test(message);
            if (value == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            result = Logic.and(result, value);
        }
        return result;
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return Logic.join(operands, " AND ");
    }
}
