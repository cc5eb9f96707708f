package org.tablemq.jms.selector;

/** Binary arithmetic and comparison operators. */
enum Operator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** Whether the operator orders its operands, which the spec allows for numbers only. */
    boolean isOrdering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    static Operator of(TokenKind kind) {
        return switch (kind) {
            case PLUS -> ADD;
            case MINUS -> SUBTRACT;
            case STAR -> MULTIPLY;
            case SLASH -> DIVIDE;
            case EQ -> EQ;
            case NE -> NE;
            case LT -> LT;
            case LE -> LE;
            case GT -> GT;
            case GE -> GE;
            default -> null;
        };
    }
}
