package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AND, OR and NOT against the truth tables of §3.8.1.2. The operands T, F and U are boolean properties set to
 * true, false and absent; the same tables are run on literal and comparison operands.
 */
class SelectorLogicTest {

    private static final MapContext MESSAGE = MapContext.empty()
            .with("T", true).with("F", false).with("n", 1).with("s", "text");

    @ParameterizedTest(name = "{0} AND {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            T | T | TRUE
            T | F | FALSE
            T | U | UNKNOWN
            F | T | FALSE
            F | F | FALSE
            F | U | FALSE
            U | T | UNKNOWN
            U | F | FALSE
            U | U | UNKNOWN
            """)
    void andFollowsTheThreeValuedTable(String a, String b, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(a + " AND " + b, MESSAGE)).isEqualTo(expected);
        assertThat(Truth.of(comparison(a) + " AND " + comparison(b), MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} OR {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            T | T | TRUE
            T | F | TRUE
            T | U | TRUE
            F | T | TRUE
            F | F | FALSE
            F | U | UNKNOWN
            U | T | TRUE
            U | F | UNKNOWN
            U | U | UNKNOWN
            """)
    void orFollowsTheThreeValuedTable(String a, String b, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(a + " OR " + b, MESSAGE)).isEqualTo(expected);
        assertThat(Truth.of(comparison(a) + " OR " + comparison(b), MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NOT {0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            T | FALSE
            F | TRUE
            U | UNKNOWN
            """)
    void notFollowsTheThreeValuedTable(String a, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of("NOT " + a, MESSAGE)).isEqualTo(expected);
        assertThat(Truth.of("NOT " + comparison(a), MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            TRUE                          | TRUE
            FALSE                         | FALSE
            true                          | TRUE
            T                             | TRUE
            F                             | FALSE
            U                             | UNKNOWN
            n                             | UNKNOWN
            s                             | UNKNOWN
            NOT n                         | UNKNOWN
            n AND TRUE                    | UNKNOWN
            s OR FALSE                    | UNKNOWN
            NOT NOT T                     | TRUE
            NOT NOT U                     | UNKNOWN
            FALSE AND n / 0 = 1           | FALSE
            TRUE OR n / 0 = 1             | TRUE
            """)
    void conditionsTreatNonBooleanValuesAsUnknown(String selector, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            TRUE OR TRUE AND FALSE         | TRUE
            (TRUE OR TRUE) AND FALSE       | FALSE
            NOT FALSE AND FALSE            | FALSE
            NOT (FALSE AND FALSE)          | TRUE
            FALSE AND FALSE OR TRUE        | TRUE
            FALSE AND (FALSE OR TRUE)      | FALSE
            NOT n = 2                      | TRUE
            NOT n = 1 OR T                 | TRUE
            NOT (n = 1 OR F)               | FALSE
            """)
    void notBindsTighterThanAndWhichBindsTighterThanOr(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    /** The same truth value as the property name, produced by a comparison instead of a boolean property. */
    private static String comparison(String operand) {
        return switch (operand) {
            case "T" -> "(n = 1)";
            case "F" -> "(n = 2)";
            default -> "(missing = 1)";
        };
    }
}
