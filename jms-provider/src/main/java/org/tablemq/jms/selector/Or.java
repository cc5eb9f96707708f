package org.tablemq.jms.selector;

import java.util.List;

/**
 * {@code a OR b OR ...}: a chain of ORs is one node, so a long generated selector is evaluated by a loop rather
 * than by recursion as deep as the chain. Stops at the first TRUE operand.
 */
final class Or extends Expr {

    private final Expr[] operands;

    Or(List<Expr> operands) {
        this.operands = operands.toArray(new Expr[0]);
    }

    @Override
    Object evaluate(SelectorContext message) {
        Boolean result = Boolean.FALSE;
        for (Expr operand : operands) {
            Boolean value = operand.test(message);
            if (value == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            result = Logic.or(result, value);
        }
        return result;
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return Logic.join(operands, " OR ");
    }
}
