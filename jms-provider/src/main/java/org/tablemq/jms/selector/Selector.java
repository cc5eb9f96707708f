package org.tablemq.jms.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * A parsed message selector (Jakarta Messaging 3.1 §3.8.1). {@link #parse} checks the syntax and the types it
 * can see when the consumer is created; {@link #matches} then evaluates the selector against each message with
 * SQL three-valued logic and is true only when the selector is TRUE: FALSE and unknown (a missing property, a
 * property of the wrong type, division by zero) both mean no match. Immutable and thread-safe.
 */
public final class Selector {

    /** How many distinct selector texts (good or bad) are kept parsed. */
    static final int CACHE_CAPACITY = 1024;

    /** The absent selector: matches every message. */
    public static final Selector ALL = new Selector("", null);

    private static final SelectorCache CACHE = new SelectorCache(CACHE_CAPACITY);

    private final String text;
    private final Expr expression;

    private Selector(String text, Expr expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Parses a selector, or returns a cached parse of the same text. Cheap to call again with the same text:
     * a hit is one lock-free hash lookup, and a text that failed fails again without being re-parsed.
     *
     * @param text the selector; null, empty or blank means no selector (§3.8.1.1) and gives {@link #ALL}
     * @throws InvalidSelectorException when the selector is not valid; the message quotes the selector and gives
     *                                  the column of the problem, e.g. {@code unexpected AND at column 5}
     */
    public static Selector parse(String text) throws InvalidSelectorException {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Object cached = CACHE.get(text);
        if (cached instanceof Selector selector) {
            return selector;
        }
        if (cached instanceof String failure) {
            // a fresh exception, so its stack trace shows this caller
            throw new InvalidSelectorException(failure);
        }
        try {
            Selector selector = new Selector(text, Parser.parse(text));
            CACHE.putSelector(text, selector);
            return selector;
        } catch (InvalidSelectorException e) {
            CACHE.putFailure(text, e.getMessage());
            throw e;
        }
    }

    /** Whether the message satisfies the selector: true only when the selector evaluates to TRUE. */
    public boolean matches(SelectorContext message) {
        return expression == null || expression.test(message) == Boolean.TRUE;
    }

    /** The selector as given to {@link #parse}; the empty string for {@link #ALL}. */
    public String text() {
        return text;
    }

    /** Whether this is the absent selector, which matches every message. */
    public boolean isAll() {
        return expression == null;
    }

    /** The text and the parsed tree, fully parenthesised, for diagnostics. */
    @Override
    public String toString() {
        return isAll() ? "Selector[ALL]" : "Selector[" + text + " => " + expression + "]";
    }
}
