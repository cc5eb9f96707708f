package org.tablemq.jms.selector;

import java.util.List;
import java.util.Set;

/**
 * {@code value [NOT] IN ('a', 'b', ...)}. Unknown when the value is NULL. The spec defines IN as an OR of
 * {@code value = 'a'} comparisons, and comparing unlike types is FALSE, so a non-string value is not IN
 * (and is NOT IN) any list.
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
        boolean found = v instanceof String s && candidates.contains(s);
        return found != negated;
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
