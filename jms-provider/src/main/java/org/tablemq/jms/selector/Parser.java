package org.tablemq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the selector grammar of Jakarta Messaging 3.1 §3.8.1.1. One method per
 * precedence level, loosest first:
 * <pre>
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | predicate
 * predicate  := sum [ (= | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=) sum
 *                   | [NOT] BETWEEN sum AND sum
 *                   | [NOT] IN ( string (, string)* )
 *                   | [NOT] LIKE string [ESCAPE string]
 *                   | IS [NOT] NULL ]
 * sum        := product ((+ | -) product)*
 * product    := unary ((* | /) unary)*
 * unary      := (+ | -) unary | primary
 * primary    := literal | identifier | ( or )      (NULL is no literal: it appears only in IS [NOT] NULL)
 * </pre>
 * Besides syntax it makes the type checks a selector's literals and operators allow before any message is seen
 * (arithmetic on a string, {@code <} on a boolean, a number where a condition belongs); what depends on a
 * property's type is left to evaluation, where it is unknown. Every error names the selector and a column.
 */
final class Parser {

    /** Header fields a selector may not reference (§3.8.1.1): they are NULL, whatever the message holds. */
    private static final Set<String> UNSELECTABLE_HEADERS = Set.of(
            "JMSDestination", "JMSReplyTo", "JMSRedelivered", "JMSExpiration", "JMSDeliveryTime");

    /**
     * How deep the expression tree may be. Evaluation recurses once per level, so this bounds the stack a
     * selector can take on the dispatch thread; AND and OR chains are flat and do not count their length.
     */
    static final int MAX_DEPTH = 500;

    /** How deeply parentheses, NOT and unary signs may nest; the parser recurses some frames per level. */
    static final int MAX_NESTING = 200;

    /**
     * An expression with the column where it starts, so type errors can point at the offending operand, and the
     * depth of its tree.
     */
    private record Node(Expr expr, int column, int depth) {
        ValueType type() {
            return expr.type();
        }
    }

    private final String source;
    private final Lexer lexer;
    private Token current;
    private int nesting;

    private Parser(String source) throws InvalidSelectorException {
        this.source = source;
        this.lexer = new Lexer(source);
        this.current = lexer.next();
    }

    /** Parses a non-blank selector into its expression tree. */
    static Expr parse(String source) throws InvalidSelectorException {
        Parser parser = new Parser(source);
        Node root = parser.or();
        if (parser.current.kind() != TokenKind.END) {
            throw parser.unexpected();
        }
        parser.requireCondition(root, "a selector");
        return root.expr();
    }

    private Node or() throws InvalidSelectorException {
        Node first = and();
        if (current.kind() != TokenKind.OR) {
            return first;
        }
        requireCondition(first, "OR");
        List<Expr> operands = new ArrayList<>();
        operands.add(first.expr());
        int depth = first.depth();
        while (accept(TokenKind.OR)) {
            Node next = and();
            requireCondition(next, "OR");
            operands.add(next.expr());
            depth = Math.max(depth, next.depth());
        }
        return node(new Or(operands), first.column(), depth + 1);
    }

    private Node and() throws InvalidSelectorException {
        Node first = not();
        if (current.kind() != TokenKind.AND) {
            return first;
        }
        requireCondition(first, "AND");
        List<Expr> operands = new ArrayList<>();
        operands.add(first.expr());
        int depth = first.depth();
        while (accept(TokenKind.AND)) {
            Node next = not();
            requireCondition(next, "AND");
            operands.add(next.expr());
            depth = Math.max(depth, next.depth());
        }
        return node(new And(operands), first.column(), depth + 1);
    }

    private Node not() throws InvalidSelectorException {
        if (current.kind() != TokenKind.NOT) {
            return predicate();
        }
        int column = current.column();
        enter(column);
        advance();
        Node operand = not();
        requireCondition(operand, "NOT");
        nesting--;
        return node(new Not(operand.expr()), column, operand.depth() + 1);
    }

    private Node predicate() throws InvalidSelectorException {
        Node left = sum();
        Operator op = Operator.of(current.kind());
        if (op != null && !isArithmetic(current.kind())) {
            int opColumn = current.column();
            advance();
            Node right = sum();
            if (op.isOrdering()) {
                requireOrderable(left, op);
                requireOrderable(right, op);
            } else {
                requireComparable(left, right, op, opColumn);
            }
            return node(new Comparison(op, left.expr(), right.expr()), left.column(), depth(left, right) + 1);
        }
        boolean negated = false;
        if (current.kind() == TokenKind.NOT) {
            advance();
            negated = true;
            TokenKind k = current.kind();
            if (k != TokenKind.BETWEEN && k != TokenKind.IN && k != TokenKind.LIKE) {
                throw error("expected BETWEEN, IN or LIKE after NOT but found " + current.describe(),
                        current.column());
            }
        }
        return switch (current.kind()) {
            case BETWEEN -> between(left, negated);
            case IN -> in(left, negated);
            case LIKE -> like(left, negated);
            case IS -> isNull(left);
            default -> left;
        };
    }

    private Node between(Node value, boolean negated) throws InvalidSelectorException {
        advance();
        requireNumber(value, "BETWEEN");
        Node low = sum();
        requireNumber(low, "BETWEEN");
        expect(TokenKind.AND, "AND between the bounds of BETWEEN");
        Node high = sum();
        requireNumber(high, "BETWEEN");
        return node(new Between(value.expr(), low.expr(), high.expr(), negated), value.column(),
                Math.max(value.depth(), depth(low, high)) + 1);
    }

    private Node in(Node value, boolean negated) throws InvalidSelectorException {
        advance();
        requireString(value, "IN");
        expect(TokenKind.LEFT_PAREN, "( to open the IN list");
        List<String> candidates = new ArrayList<>();
        do {
            if (current.kind() != TokenKind.STRING) {
                throw error("IN lists take string literals only, not " + current.describe(), current.column());
            }
            candidates.add(current.text());
            advance();
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RIGHT_PAREN, ", or ) in the IN list");
        return node(new InList(value.expr(), candidates, negated), value.column(), value.depth() + 1);
    }

    private Node like(Node value, boolean negated) throws InvalidSelectorException {
        advance();
        requireString(value, "LIKE");
        if (current.kind() != TokenKind.STRING) {
            throw error("LIKE takes a string literal pattern, not " + current.describe(), current.column());
        }
        Token pattern = current;
        advance();
        Character escape = null;
        String text = "'" + pattern.text().replace("'", "''") + "'";
        if (accept(TokenKind.ESCAPE)) {
            if (current.kind() != TokenKind.STRING || current.text().length() != 1) {
                throw error("ESCAPE takes a single-character string literal, not " + current.describe(),
                        current.column());
            }
            escape = current.text().charAt(0);
            text += " ESCAPE '" + current.text().replace("'", "''") + "'";
            advance();
        }
        LikePattern compiled;
        try {
            compiled = LikePattern.compile(pattern.text(), escape);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), pattern.column());
        }
        return node(new Like(value.expr(), compiled, text, negated), value.column(), value.depth() + 1);
    }

    private Node isNull(Node value) throws InvalidSelectorException {
        advance();
        boolean negated = accept(TokenKind.NOT);
        expect(TokenKind.NULL, negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
        return node(new IsNull(value.expr(), negated), value.column(), value.depth() + 1);
    }

    private Node sum() throws InvalidSelectorException {
        Node left = product();
        while (current.kind() == TokenKind.PLUS || current.kind() == TokenKind.MINUS) {
            left = arithmetic(left, false);
        }
        return left;
    }

    private Node product() throws InvalidSelectorException {
        Node left = unary();
        while (current.kind() == TokenKind.STAR || current.kind() == TokenKind.SLASH) {
            left = arithmetic(left, true);
        }
        return left;
    }

    private Node arithmetic(Node left, boolean multiplicative) throws InvalidSelectorException {
        Operator op = Operator.of(current.kind());
        advance();
        Node right = multiplicative ? unary() : product();
        requireNumber(left, op.symbol);
        requireNumber(right, op.symbol);
        return node(new Arithmetic(op, left.expr(), right.expr()), left.column(), depth(left, right) + 1);
    }

    private Node unary() throws InvalidSelectorException {
        if (current.kind() != TokenKind.PLUS && current.kind() != TokenKind.MINUS) {
            return primary();
        }
        Token sign = current;
        boolean negate = sign.kind() == TokenKind.MINUS;
        advance();
        if (negate && current.kind() == TokenKind.EXACT_NUMBER && current.value() == null) {
            // 9223372036854775808 exists only as the magnitude of Long.MIN_VALUE
            Token magnitude = current;
            advance();
            return new Node(new Literal(Long.MIN_VALUE, ValueType.NUMBER, "-" + magnitude.text()), sign.column(), 1);
        }
        enter(sign.column());
        Node operand = unary();
        nesting--;
        requireNumber(operand, "unary " + sign.text());
        if (operand.expr() instanceof Literal literal && literal.evaluate(null) instanceof Number n) {
            Number folded = negate ? Numbers.negate(n) : n;
            return new Node(new Literal(folded, ValueType.NUMBER, sign.text() + literal), sign.column(), 1);
        }
        return node(new UnarySign(negate, operand.expr()), sign.column(), operand.depth() + 1);
    }

    private Node primary() throws InvalidSelectorException {
        Token t = current;
        if (t.kind() == TokenKind.LEFT_PAREN) {
            enter(t.column());
            advance();
            Node inner = or();
            expect(TokenKind.RIGHT_PAREN, ") to close the ( at column " + t.column());
            nesting--;
            return new Node(inner.expr(), t.column(), inner.depth());
        }
        Expr expr = switch (t.kind()) {
            case STRING -> new Literal(t.value(), ValueType.STRING, "'" + t.text().replace("'", "''") + "'");
            case EXACT_NUMBER -> {
                if (t.value() == null) {
                    throw error("number " + t.text() + " is out of the range of long", t.column());
                }
                yield new Literal(t.value(), ValueType.NUMBER, t.text());
            }
            case APPROXIMATE_NUMBER -> new Literal(t.value(), ValueType.NUMBER, t.text());
            case TRUE -> new Literal(Boolean.TRUE, ValueType.BOOLEAN, "TRUE");
            case FALSE -> new Literal(Boolean.FALSE, ValueType.BOOLEAN, "FALSE");
            case NULL -> throw error("NULL is not a value: test for it with IS NULL or IS NOT NULL", t.column());
            case IDENTIFIER -> UNSELECTABLE_HEADERS.contains(t.text())
                    ? new Literal(null, ValueType.ANY, t.text())
                    : new Identifier(t.text());
            default -> throw unexpected();
        };
        advance();
        return new Node(expr, t.column(), 1);
    }

    private Node node(Expr expr, int column, int depth) throws InvalidSelectorException {
        if (depth > MAX_DEPTH) {
            throw error("expression nested more than " + MAX_DEPTH + " levels deep", column);
        }
        return new Node(expr, column, depth);
    }

    private static int depth(Node a, Node b) {
        return Math.max(a.depth(), b.depth());
    }

    private void enter(int column) throws InvalidSelectorException {
        if (++nesting > MAX_NESTING) {
            throw error("parentheses, NOT or signs nested more than " + MAX_NESTING + " levels deep", column);
        }
    }

    private static boolean isArithmetic(TokenKind kind) {
        return kind == TokenKind.PLUS || kind == TokenKind.MINUS || kind == TokenKind.STAR
                || kind == TokenKind.SLASH;
    }

    private void requireCondition(Node node, String where) throws InvalidSelectorException {
        if (!node.type().mayBe(ValueType.BOOLEAN)) {
            throw error(where + " needs a condition, not " + node.type().display, node.column());
        }
    }

    private void requireNumber(Node node, String operator) throws InvalidSelectorException {
        if (!node.type().mayBe(ValueType.NUMBER)) {
            throw error(operator + " needs numbers, not " + node.type().display, node.column());
        }
    }

    private void requireString(Node node, String operator) throws InvalidSelectorException {
        if (!node.type().mayBe(ValueType.STRING)) {
            throw error(operator + " applies to strings, not " + node.type().display, node.column());
        }
    }

    private void requireOrderable(Node node, Operator op) throws InvalidSelectorException {
        ValueType type = node.type();
        if (type == ValueType.STRING || type == ValueType.BOOLEAN) {
            throw error(op.symbol + " cannot order " + type.display
                    + " (strings and booleans compare only with = and <>)", node.column());
        }
    }

    /**
     * {@code =} and {@code <>} between two operands whose types the selector already shows (literals, arithmetic,
     * conditions) and which differ, such as {@code TRUE = 0}: they could never be equal, so the selector is a
     * mistake. An identifier's type is known only per message, where unlike types compare as FALSE.
     */
    private void requireComparable(Node left, Node right, Operator op, int column) throws InvalidSelectorException {
        ValueType a = left.type();
        ValueType b = right.type();
        if (a != ValueType.ANY && b != ValueType.ANY && a != b) {
            throw error(op.symbol + " cannot compare " + a.display + " with " + b.display
                    + " (values of unlike types are never equal)", column);
        }
    }

    private void advance() throws InvalidSelectorException {
        current = lexer.next();
    }

    private boolean accept(TokenKind kind) throws InvalidSelectorException {
        if (current.kind() == kind) {
            advance();
            return true;
        }
        return false;
    }

    private void expect(TokenKind kind, String what) throws InvalidSelectorException {
        if (current.kind() != kind) {
            throw error("expected " + what + " but found " + current.describe(), current.column());
        }
        advance();
    }

    private InvalidSelectorException unexpected() {
        return error("unexpected " + current.describe(), current.column());
    }

    private InvalidSelectorException error(String problem, int column) {
        return SelectorErrors.invalid(source, problem, column);
    }
}
