package org.tablemq.jms.selector;

/** A property or selectable header field, resolved through the message's {@link SelectorContext}. */
final class Identifier extends Expr {

    private final String name;

    Identifier(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    @Override
    Object evaluate(SelectorContext message) {
        return message.valueOf(name);
    }

    @Override
    ValueType type() {
        return ValueType.ANY;
    }

    @Override
    public String toString() {
        return name;
    }
}
