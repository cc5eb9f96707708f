package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The comparison operators over every property type, like and unlike types, and NULL. */
class SelectorComparisonTest {

    private static final MapContext MESSAGE = MapContext.empty()
            .with("b", (byte) 5).with("sh", (short) 5).with("i", 5).with("l", 5L).with("f", 5.0f).with("d", 5.0)
            .with("half", 0.5).with("nan", Double.NaN).with("s", "five").with("digits", "2")
            .with("yes", true).with("no", false).with("big", Long.MAX_VALUE);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            i = 5      | TRUE
            i = 6      | FALSE
            i <> 5     | FALSE
            i <> 6     | TRUE
            i < 6      | TRUE
            i < 5      | FALSE
            i <= 5     | TRUE
            i <= 4     | FALSE
            i > 4      | TRUE
            i > 5      | FALSE
            i >= 5     | TRUE
            i >= 6     | FALSE
            missing = 5   | UNKNOWN
            missing <> 5  | UNKNOWN
            missing < 5   | UNKNOWN
            missing <= 5  | UNKNOWN
            missing > 5   | UNKNOWN
            missing >= 5  | UNKNOWN
            5 = missing   | UNKNOWN
            """)
    void everyComparisonOperatorIsTrueFalseOrUnknown(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            b = 5                 | TRUE
            sh = 5                | TRUE
            l = 5                 | TRUE
            f = 5                 | TRUE
            d = 5                 | TRUE
            b = sh AND sh = i AND i = l AND l = f AND f = d | TRUE
            i = 5.0               | TRUE
            1 = 1.0               | TRUE
            1.0 = 1               | TRUE
            d > 4                 | TRUE
            b < 5.5               | TRUE
            half < 1              | TRUE
            half > 0              | TRUE
            big > 9.2E18          | TRUE
            f = 5.0F              | TRUE
            nan = nan             | FALSE
            nan <> nan            | TRUE
            nan < 1               | FALSE
            nan >= 1              | FALSE
            """)
    void numbersCompareByValueAcrossTypes(String selector, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            s = 'five'            | TRUE
            s = 'Five'            | FALSE
            s <> 'five'           | FALSE
            s <> 'six'            | TRUE
            s = s                 | TRUE
            yes = TRUE            | TRUE
            yes <> TRUE           | FALSE
            no = FALSE            | TRUE
            yes = no              | FALSE
            (i = 5) = yes         | TRUE
            (i = 6) <> yes        | TRUE
            s < s                 | UNKNOWN
            yes > no              | UNKNOWN
            """)
    void stringsAndBooleansCompareForEqualityOnly(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            digits = 2            | FALSE
            digits > 1            | FALSE
            NOT (digits > 1)      | TRUE
            digits <> 2           | FALSE
            s = 5                 | FALSE
            i = '5'               | FALSE
            yes = 1               | FALSE
            yes = 'true'          | FALSE
            s = yes               | FALSE
            NOT (s = 5)           | TRUE
            """)
    void unlikeTypesAreNeverEqualSoTheComparisonIsFalse(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }
}
