package org.tablemq.jms.selector;

import java.util.List;
import java.util.Set;

/**
 * {@code value [NOT] IN ('a', 'b', ...)}, one operator in both forms: unknown when the value is NULL; IN and NOT IN
 * compare strings, and a comparison of unlike types is FALSE (§3.8.1.1), so a value that is not a string makes
 * both forms FALSE, just as {@code NOT BETWEEN} is FALSE for a string. Only an explicit {@code NOT (value IN ...)}
 * turns that FALSE into TRUE.
 */
final class InList extends Expr {

    private final Expr value;
    private final Set<String> candidates;
    private final List<String> inOrder;
    private final boolean negated;

    InList(Expr value, List<String> candidates, boolean negated) {
        this.value = value;
        this.candidates = Set.copyOf(candidates);
        this.inOrder = List.copyOf(candidates);
        this.negated = negated;
    }

    @Override
    Object evaluate(SelectorContext message) {
        Object v = value.evaluate(message);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            return Boolean.FALSE;
        }
        return candidates.contains(s) != negated;
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(").append(value).append(negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < inOrder.size(); i++) {
            b.append(i == 0 ? "'" : ", '").append(inOrder.get(i).replace("'", "''")).append('\'');
        }
        return b.append("))").toString();
    }
}
