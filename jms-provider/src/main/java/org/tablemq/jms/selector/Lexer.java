package org.tablemq.jms.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * Splits a selector into tokens, one at a time. Literal syntax follows Jakarta Messaging 3.1 §3.8.1.1: strings
 * in single quotes with {@code ''} for a quote; exact numbers in Java integer literal syntax (decimal, {@code 0x}
 * hex, {@code 0b} binary, leading-zero octal, optional {@code L}), all long-valued; approximate numbers in Java
 * floating-point syntax (a decimal point and/or exponent, or an {@code F}/{@code D} suffix), {@code F} giving a
 * float and everything else a double. Underscores between digits are allowed, as in Java; hexadecimal
 * floating-point literals are not. Whitespace is Java's: space, tab, form feed and line terminators.
 */
final class Lexer {

    private static final String LONG_MIN_MAGNITUDE = "9223372036854775808";

    private final String source;
    private int pos;

    Lexer(String source) {
        this.source = source;
    }

    Token next() throws InvalidSelectorException {
        skipWhitespace();
        int start = pos;
        if (pos >= source.length()) {
            return token(TokenKind.END, "", start);
        }
        char c = source.charAt(pos);
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || (c == '.' && pos + 1 < source.length() && isDigit(source.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isJavaIdentifierStart(c)) {
            return word();
        }
        pos++;
        return switch (c) {
            case '=' -> token(TokenKind.EQ, "=", start);
            case '<' -> {
                if (peekIs('>')) {
                    yield token(TokenKind.NE, "<>", start);
                }
                yield peekIs('=') ? token(TokenKind.LE, "<=", start) : token(TokenKind.LT, "<", start);
            }
            case '>' -> peekIs('=') ? token(TokenKind.GE, ">=", start) : token(TokenKind.GT, ">", start);
            case '+' -> token(TokenKind.PLUS, "+", start);
            case '-' -> token(TokenKind.MINUS, "-", start);
            case '*' -> token(TokenKind.STAR, "*", start);
            case '/' -> token(TokenKind.SLASH, "/", start);
            case '(' -> token(TokenKind.LEFT_PAREN, "(", start);
            case ')' -> token(TokenKind.RIGHT_PAREN, ")", start);
            case ',' -> token(TokenKind.COMMA, ",", start);
            default -> throw error("unexpected character '" + c + "'", start);
        };
    }

    private boolean peekIs(char expected) {
        if (pos < source.length() && source.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private Token string() throws InvalidSelectorException {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c != '\'') {
                value.append(c);
            } else if (pos < source.length() && source.charAt(pos) == '\'') {
                value.append('\'');
                pos++;
            } else {
                String s = value.toString();
                return new Token(TokenKind.STRING, s, s, start + 1);
            }
        }
        throw error("unterminated string literal", start);
    }

    private Token word() {
        int start = pos;
        pos++;
        while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
            pos++;
        }
        String text = source.substring(start, pos);
        TokenKind keyword = TokenKind.keyword(text);
        return token(keyword == null ? TokenKind.IDENTIFIER : keyword, text, start);
    }

    private Token number() throws InvalidSelectorException {
        int start = pos;
        char c = source.charAt(pos);
        if (c == '0' && pos + 1 < source.length()) {
            char radixChar = Character.toLowerCase(source.charAt(pos + 1));
            if (radixChar == 'x') {
                return radixNumber(start, 16);
            }
            if (radixChar == 'b') {
                return radixNumber(start, 2);
            }
        }
        skipDigits();
        boolean approximate = false;
        if (pos < source.length() && source.charAt(pos) == '.') {
            approximate = true;
            pos++;
            skipDigits();
        }
        if (pos < source.length() && Character.toLowerCase(source.charAt(pos)) == 'e') {
            approximate = true;
            pos++;
            if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= source.length() || !isDigit(source.charAt(pos))) {
                throw error("exponent without digits in number " + source.substring(start, pos), start);
            }
            skipDigits();
        }
        char suffix = pos < source.length() ? Character.toLowerCase(source.charAt(pos)) : 0;
        if (suffix == 'f' || suffix == 'd') {
            int numberEnd = pos++;
            return approximate(start, numberEnd, suffix == 'f');
        }
        if (approximate) {
            return approximate(start, pos, false);
        }
        boolean longSuffix = suffix == 'l';
        int digitsEnd = pos;
        if (longSuffix) {
            pos++;
        }
        rejectTrailingIdentifierPart(start);
        String digits = checkUnderscores(source.substring(start, digitsEnd), 10, start);
        boolean octal = digits.length() > 1 && digits.charAt(0) == '0';
        if (octal) {
            for (int i = 1; i < digits.length(); i++) {
                if (digits.charAt(i) > '7') {
                    throw error("invalid octal number " + digits, start);
                }
            }
            return exact(start, digits.substring(1), 8);
        }
        if (digits.equals(LONG_MIN_MAGNITUDE)) {
            return new Token(TokenKind.EXACT_NUMBER, source.substring(start, pos), null, start + 1);
        }
        return exact(start, digits, 10);
    }

    private Token radixNumber(int start, int radix) throws InvalidSelectorException {
        pos += 2;
        int digitsStart = pos;
        while (pos < source.length()
                && (Character.digit(source.charAt(pos), radix) >= 0 || source.charAt(pos) == '_')) {
            pos++;
        }
        int digitsEnd = pos;
        String digits = source.substring(digitsStart, pos);
        if (digits.isEmpty()) {
            throw error("number " + source.substring(start, pos) + " has no digits", start);
        }
        if (pos < source.length() && Character.toLowerCase(source.charAt(pos)) == 'l') {
            pos++;
        }
        rejectTrailingIdentifierPart(start);
        // the prefix's last letter (x or b) is not a digit, so "0x_1" is refused as Java refuses it
        String checked = checkUnderscores(source.substring(digitsStart - 1, digitsEnd), radix, start);
        return exact(start, checked.substring(1), radix);
    }

    private Token exact(int start, String digits, int radix) throws InvalidSelectorException {
        String text = source.substring(start, pos);
        try {
            // hex, octal and binary literals may use all 64 bits, as Java long literals may
            long value = radix == 10 ? Long.parseLong(digits) : Long.parseUnsignedLong(digits, radix);
            return new Token(TokenKind.EXACT_NUMBER, text, value, start + 1);
        } catch (NumberFormatException e) {
            throw error("number " + text + " is out of the range of long", start);
        }
    }

    private Token approximate(int start, int numberEnd, boolean isFloat) throws InvalidSelectorException {
        rejectTrailingIdentifierPart(start);
        String text = source.substring(start, pos);
        String number = checkUnderscores(source.substring(start, numberEnd), 10, start);
        Object value;
        if (isFloat) {
            float f = Float.parseFloat(number);
            value = Float.isInfinite(f) ? null : f;
        } else {
            double d = Double.parseDouble(number);
            value = Double.isInfinite(d) ? null : d;
        }
        if (value == null) {
            throw error("number " + text + " is out of the range of " + (isFloat ? "float" : "double"), start);
        }
        return new Token(TokenKind.APPROXIMATE_NUMBER, text, value, start + 1);
    }

    /** "12abc" or "0x1G" is one malformed token, not a number followed by an identifier. */
    private void rejectTrailingIdentifierPart(int start) throws InvalidSelectorException {
        if (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
            int end = pos;
            while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
                end++;
            }
            throw error("malformed number " + source.substring(start, end), start);
        }
    }

    /** Decimal digits, and the underscores Java allows between digits (checked by {@link #checkUnderscores}). */
    private void skipDigits() {
        while (pos < source.length() && (isDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
            pos++;
        }
    }

    /**
     * Java allows underscores only between two digits ({@code 1_000}, {@code 0x7f_ff}), never next to a point, an
     * exponent, a radix prefix or a suffix; returns the literal without them.
     */
    private String checkUnderscores(String literal, int radix, int start) throws InvalidSelectorException {
        if (literal.indexOf('_') < 0) {
            return literal;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (literal.charAt(i) == '_') {
                int runEnd = i;
                while (runEnd < literal.length() && literal.charAt(runEnd) == '_') {
                    runEnd++;
                }
                boolean digitBefore = i > 0 && Character.digit(literal.charAt(i - 1), radix) >= 0;
                boolean digitAfter = runEnd < literal.length() && Character.digit(literal.charAt(runEnd), radix) >= 0;
                if (!digitBefore || !digitAfter) {
                    throw error("misplaced underscore in number " + source.substring(start, pos), start);
                }
                i = runEnd;
            }
        }
        return literal.replace("_", "");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token token(TokenKind kind, String text, int start) {
        return new Token(kind, text, null, start + 1);
    }

    private InvalidSelectorException error(String problem, int start) {
        return SelectorErrors.invalid(source, problem, start + 1);
    }
}
