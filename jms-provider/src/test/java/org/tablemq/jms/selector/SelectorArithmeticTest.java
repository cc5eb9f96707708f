package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arithmetic: operators, precedence, numeric promotion, overflow, division by zero and non-numeric operands. */
class SelectorArithmeticTest {

    private static final MapContext MESSAGE = MapContext.empty()
            .with("i", 7).with("l", 10L).with("f", 1.5f).with("d", 2.5).with("zero", 0).with("s", "3")
            .with("yes", true).with("maxInt", Integer.MAX_VALUE).with("maxLong", Long.MAX_VALUE)
            .with("minLong", Long.MIN_VALUE).with("fzero", 0.0f);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            i + 3 = 10                | TRUE
            i - 3 = 4                 | TRUE
            i * 3 = 21                | TRUE
            i / 2 = 3                 | TRUE
            -i = -7                   | TRUE
            +i = 7                    | TRUE
            - -i = 7                  | TRUE
            -(i) = -7                 | TRUE
            l / 4 = 2                 | TRUE
            l / 4.0 = 2.5             | TRUE
            d * 2 = 5                 | TRUE
            f + f = 3                 | TRUE
            f * 2 = 3.0F              | TRUE
            i + l + f + d = 21        | TRUE
            -d = -2.5                 | TRUE
            -f = -1.5                 | TRUE
            1 + 1 = 3                 | FALSE
            """)
    void arithmeticOperatorsUseNumericPromotion(String selector, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            2 + 3 * 4 = 14            | TRUE
            (2 + 3) * 4 = 20          | TRUE
            10 - 4 - 3 = 3            | TRUE
            10 - (4 - 3) = 9          | TRUE
            24 / 4 / 2 = 3            | TRUE
            24 / (4 / 2) = 12         | TRUE
            2 * 3 + 4 * 5 = 26        | TRUE
            -2 * -3 = 6               | TRUE
            -i * 2 = -14              | TRUE
            - i + 10 = 3              | TRUE
            8 / 2 * 4 = 16            | TRUE
            i + 1 > i                 | TRUE
            1 + 2 BETWEEN 3 AND 3     | TRUE
            """)
    void unaryBindsTighterThanMultiplicationWhichBindsTighterThanAddition(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            i / 0 = 1                 | UNKNOWN
            i / zero > 0              | UNKNOWN
            d / 0 = 1                 | UNKNOWN
            f / fzero = 1             | UNKNOWN
            i / 0 IS NULL             | TRUE
            NOT (i / zero = 1)        | UNKNOWN
            missing + 1 = 1           | UNKNOWN
            i + missing = 1           | UNKNOWN
            -missing = 1              | UNKNOWN
            s + 1 = 4                 | UNKNOWN
            s * 1 = 3                 | UNKNOWN
            -s = -3                   | UNKNOWN
            yes + 1 = 2               | UNKNOWN
            """)
    void divisionByZeroAndNonNumericOperandsAreUnknown(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            maxInt + 1 = 2147483648                        | TRUE
            maxInt * maxInt = 4611686014132420609          | TRUE
            maxLong + 1 = -9223372036854775808             | TRUE
            minLong - 1 = 9223372036854775807              | TRUE
            -minLong = minLong                             | TRUE
            maxLong * 2 = -2                               | TRUE
            """)
    void integralArithmeticIsLongAndWrapsOnOverflowAsJavaDoes(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }
}
