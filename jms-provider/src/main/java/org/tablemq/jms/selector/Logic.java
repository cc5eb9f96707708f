package org.tablemq.jms.selector;

/** SQL three-valued logic (§3.8.1.2, tables 3-4 to 3-6), with null standing for unknown. */
final class Logic {

    private Logic() {
    }

    static Boolean and(Boolean a, Boolean b) {
        if (a == Boolean.FALSE || b == Boolean.FALSE) {
            return Boolean.FALSE;
        }
        return a == null || b == null ? null : Boolean.TRUE;
    }

    static Boolean or(Boolean a, Boolean b) {
        if (a == Boolean.TRUE || b == Boolean.TRUE) {
            return Boolean.TRUE;
        }
        return a == null || b == null ? null : Boolean.FALSE;
    }

    static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    /** "(a OP b OP c)" for diagnostics. */
    static String join(Expr[] operands, String operator) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < operands.length; i++) {
            b.append(i == 0 ? "" : operator).append(operands[i]);
        }
        return b.append(')').toString();
    }
}
