package org.tablemq.jms.selector;

/** {@code value IS [NOT] NULL}: never unknown, it turns a missing property into TRUE or FALSE. */
final class IsNull extends Expr {

    private final Expr value;
    private final boolean negated;

    IsNull(Expr value, boolean negated) {
        this.value = value;
        this.negated = negated;
    }

    @Override
    Object evaluate(SelectorContext message) {
        return (value.evaluate(message) == null) != negated;
    }

    @Override
    ValueType type() {
        return ValueType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "(" + value + (negated ? " IS NOT NULL)" : " IS NULL)");
    }
}
