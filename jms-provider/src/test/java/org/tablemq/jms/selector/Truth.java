package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;

/** Three-valued results as tests name them, read through both the package API and the public one. */
enum Truth {
    TRUE, FALSE, UNKNOWN;

    /**
     * The value of {@code selector} for {@code message}; also checks that {@link Selector#matches} agrees
     * (true exactly when the value is TRUE).
     */
    static Truth of(String selector, SelectorContext message) throws InvalidSelectorException {
        Boolean value = Parser.parse(selector).test(message);
        Truth truth = value == null ? UNKNOWN : value ? TRUE : FALSE;
        assertThat(Selector.parse(selector).matches(message))
                .as("matches(%s) must be true exactly when the selector is TRUE", selector)
                .isEqualTo(truth == TRUE);
        return truth;
    }
}
