package org.tablemq.jms.selector;

/**
 * {@code value [NOT] LIKE 'pattern' [ESCAPE 'c']}: unknown when the value is NULL or, being defined on strings
 * only, when the value is not a string.
 */
final class Like extends Expr {

    private final Expr value;
    private final LikePattern pattern;
    private final String text;
    private final boolean negated;

    Like(Expr value, LikePattern pattern, String text, boolean negated) {
        this.value = value;
        this.pattern = pattern;
        this.text = text;
        this.negated = negated;
    }

    @Override
    Object evaluate(SelectorContext message) {
        return value.evaluate(message) instanceof String s ? pattern.matches(s) != negated : null;
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "(" + value + (negated ? " NOT LIKE " : " LIKE ") + text + ")";
    }
}
