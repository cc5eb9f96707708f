package org.tablemq.jms.selector;

/**
 * One lexical token.
 *
 * @param kind   what it is
 * @param text   the source text (for a string literal: its value, quotes removed and {@code ''} undoubled)
 * @param value  the literal's value (Long, Float, Double or String), null for other tokens; an exact number
 *               whose magnitude is 2^63 has value null, as it is valid only after a unary minus
 * @param column 1-based column of its first character, for error messages
 */
record Token(TokenKind kind, String text, Object value, int column) {

    /** How an error message names this token: keywords and operators by themselves, others with their text. */
    String describe() {
        return switch (kind) {
            case IDENTIFIER -> "identifier " + text;
            case STRING -> "string '" + text + "'";
            case EXACT_NUMBER, APPROXIMATE_NUMBER -> "number " + text;
            default -> kind.display;
        };
    }
}
