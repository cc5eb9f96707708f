package org.tablemq.jms.selector;

import jakarta.jms.InvalidSelectorException;

/** The one shape of selector error message: the selector text, what is wrong, and the column where it is. */
final class SelectorErrors {

    private SelectorErrors() {
    }

    static InvalidSelectorException invalid(String selector, String problem, int column) {
        return new InvalidSelectorException(
                "Invalid selector \"" + selector + "\": " + problem + " at column " + column);
    }
}
