package org.tablemq.jms.selector;

/**
 * A node of a parsed selector. Evaluation returns the node's value for one message: Boolean.TRUE/FALSE or null
 * (unknown) for conditions; a Number, String, Boolean or null for values. Nodes are immutable and shared by all
 * threads that match messages against the selector.
 */
abstract class Expr {

    /** The value of this expression for one message. */
    abstract Object evaluate(SelectorContext message);

    /** The type the parser can tell without a message. */
    abstract ValueType type();

    /**
     * The value as a condition: anything that is not a Boolean (a wrong-typed identifier, NULL) is unknown.
     * Always one of the canonical Boolean.TRUE/FALSE instances, so callers may compare with {@code ==}.
     */
    final Boolean test(SelectorContext message) {
        return evaluate(message) instanceof Boolean b ? Boolean.valueOf(b) : null;
    }
}
