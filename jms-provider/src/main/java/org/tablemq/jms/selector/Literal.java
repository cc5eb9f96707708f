package org.tablemq.jms.selector;

/** A literal value, or the NULL literal; also stands for header names a selector sees as NULL. */
final class Literal extends Expr {

    private final Object value;
    private final ValueType type;
    private final String text;

    Literal(Object value, ValueType type, String text) {
        this.value = value;
        this.type = type;
        this.text = text;
    }

    @Override
    Object evaluate(SelectorContext message) {
        return value;
    }

    @Override
    ValueType type() {
        return type;
    }

    @Override
    public String toString() {
        return text;
    }
}
