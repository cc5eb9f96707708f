package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;

/**
 * Large selectors: long generated AND/OR chains work, and nesting deep enough to exhaust the stack of the thread
 * that parses or matches is refused when the selector is presented, with the column where the limit was passed.
 */
class SelectorSizeTest {

    @Test
    void tenThousandOrTermsMatchWithoutDeepRecursion() throws InvalidSelectorException {
        StringBuilder text = new StringBuilder("id = 0");
        for (int i = 1; i < 10_000; i++) {
            text.append(" OR id = ").append(i);
        }
        Selector selector = Selector.parse(text.toString());

        assertThat(selector.matches(MapContext.empty().with("id", 9_999))).isTrue();
        assertThat(selector.matches(MapContext.empty().with("id", 10_000))).isFalse();
        assertThat(Truth.of(text.toString(), MapContext.empty())).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void tenThousandAndTermsFollowThreeValuedLogic() throws InvalidSelectorException {
        StringBuilder text = new StringBuilder("id <> 0");
        for (int i = 1; i < 10_000; i++) {
            text.append(" AND id <> ").append(i);
        }

        assertThat(Truth.of(text.toString(), MapContext.empty().with("id", 10_000))).isEqualTo(Truth.TRUE);
        assertThat(Truth.of(text.toString(), MapContext.empty().with("id", 5_000))).isEqualTo(Truth.FALSE);
        assertThat(Truth.of(text.toString(), MapContext.empty())).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void nestingWithinTheLimitIsAccepted() throws InvalidSelectorException {
        int levels = Parser.MAX_NESTING;
        String text = "(".repeat(levels) + "a = 1" + ")".repeat(levels);

        assertThat(Truth.of(text, MapContext.empty().with("a", 1))).isEqualTo(Truth.TRUE);
        assertThat(Truth.of("NOT ".repeat(levels) + "a = 1", MapContext.empty().with("a", 1))).isEqualTo(Truth.TRUE);
    }

    @Test
    void parenthesesNestedBeyondTheLimitAreRefusedAtTheFirstExcessParenthesis() {
        int levels = Parser.MAX_NESTING + 1;
        String text = "(".repeat(levels) + "a = 1" + ")".repeat(levels);

        assertThatThrownBy(() -> Selector.parse(text))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining("nested more than " + Parser.MAX_NESTING + " levels deep")
                .hasMessageEndingWith("at column " + levels);
    }

    @Test
    void notAndSignsNestedBeyondTheLimitAreRefused() {
        assertThatThrownBy(() -> Selector.parse("NOT ".repeat(Parser.MAX_NESTING + 1) + "a"))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageEndingWith("at column " + (4 * Parser.MAX_NESTING + 1));
        assertThatThrownBy(() -> Selector.parse("a = " + "-".repeat(Parser.MAX_NESTING + 1) + "b"))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageEndingWith("at column " + (5 + Parser.MAX_NESTING));
    }

    @Test
    void arithmeticChainDeeperThanTheLimitIsRefused() throws InvalidSelectorException {
        String within = "a" + " + 1".repeat(Parser.MAX_DEPTH - 2) + " > 0";
        String beyond = "a" + " + 1".repeat(Parser.MAX_DEPTH) + " > 0";

        assertThat(Truth.of(within, MapContext.empty().with("a", 1))).isEqualTo(Truth.TRUE);
        assertThatThrownBy(() -> Selector.parse(beyond))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining("expression nested more than " + Parser.MAX_DEPTH + " levels deep")
                .hasMessageEndingWith("at column 1");
    }
}
