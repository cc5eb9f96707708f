package org.tablemq.jms.selector;

/** The kinds of token a selector is made of; {@link #display} is how an error message names one. */
enum TokenKind {
    IDENTIFIER("identifier"),
    STRING("string literal"),
    EXACT_NUMBER("number"),
    APPROXIMATE_NUMBER("number"),
    NULL("NULL"),
    TRUE("TRUE"),
    FALSE("FALSE"),
    NOT("NOT"),
    AND("AND"),
    OR("OR"),
    BETWEEN("BETWEEN"),
    LIKE("LIKE"),
    IN("IN"),
    IS("IS"),
    ESCAPE("ESCAPE"),
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    PLUS("+"),
    MINUS("-"),
    STAR("*"),
    SLASH("/"),
    LEFT_PAREN("("),
    RIGHT_PAREN(")"),
    COMMA(","),
    END("end of selector");

    final String display;

    TokenKind(String display) {
        this.display = display;
    }

    /** The keyword a word spells (keywords are case-insensitive), or null when it is an identifier. */
    static TokenKind keyword(String word) {
        return switch (word.toUpperCase(java.util.Locale.ROOT)) {
            case "NULL" -> NULL;
            case "TRUE" -> TRUE;
            case "FALSE" -> FALSE;
            case "NOT" -> NOT;
            case "AND" -> AND;
            case "OR" -> OR;
            case "BETWEEN" -> BETWEEN;
            case "LIKE" -> LIKE;
            case "IN" -> IN;
            case "IS" -> IS;
            case "ESCAPE" -> ESCAPE;
            default -> null;
        };
    }
}
