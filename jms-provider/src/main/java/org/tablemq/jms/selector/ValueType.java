package org.tablemq.jms.selector;

/**
 * What the parser knows of an expression's type before any message is seen: literals and operators have a
 * fixed type, an identifier could hold anything. Used only for the parse-time checks the spec allows.
 */
enum ValueType {
    BOOLEAN("a boolean"),
    NUMBER("a number"),
    STRING("a string"),
    /** An identifier (or a header a selector sees as NULL): its type is known only when a message is evaluated. */
    ANY("a value");

    final String display;

    ValueType(String display) {
        this.display = display;
    }

    /** Whether a value of this type could turn out to be of {@code wanted} at evaluation time. */
    boolean mayBe(ValueType wanted) {
        return this == wanted || this == ANY;
    }
}
