package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every literal form of §3.8.1.1, each compared with a property holding the value it must denote. */
class SelectorLiteralTest {

    private static final MapContext MESSAGE = MapContext.empty()
            .with("i", 57).with("negative", -957L).with("big", Long.MAX_VALUE).with("min", Long.MIN_VALUE)
            .with("d", 7000.0).with("tenth", 0.1).with("f", 6.2f).with("s", "literal's")
            .with("empty", "").with("yes", true).with("no", false).with("unicode", "\u00e9t\u00e9");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            i = 57                                  | TRUE
            i = +57                                 | TRUE
            negative = -957                         | TRUE
            i = 57L                                 | TRUE
            i = 57l                                 | TRUE
            i = 0x39                                | TRUE
            i = 0X39L                               | TRUE
            i = 071                                 | TRUE
            i = 0b111001                            | TRUE
            big = 9223372036854775807               | TRUE
            big = 0x7fffffffffffffff                | TRUE
            min = -9223372036854775808              | TRUE
            min = -9223372036854775808L             | TRUE
            min = 0x8000000000000000                | TRUE
            i = 0                                   | FALSE
            0 = 0                                   | TRUE
            0L = 00                                 | TRUE
            i = 5_7                                 | TRUE
            i = 0x3_9                               | TRUE
            i = 0_71                                | TRUE
            i = 0b11__1001                          | TRUE
            big = 9_223_372_036_854_775_807L        | TRUE
            min = -9_223_372_036_854_775_808        | TRUE
            """)
    void exactNumericLiteralsUseJavaIntegerSyntax(String selector, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            d = 7E3                                 | TRUE
            d = 7e3                                 | TRUE
            d = 7e+3                                | TRUE
            d = 70000E-1                            | TRUE
            d = 7000.                               | TRUE
            d = 7000.0D                             | TRUE
            d = 7000d                               | TRUE
            d = 7000F                               | TRUE
            d = 7_000.0                             | TRUE
            d = 7_000e0_0                           | TRUE
            tenth = 0.1_0f                          | FALSE
            -5790 = -57.9E2                         | TRUE
            tenth = .1                              | TRUE
            tenth = 0.1                             | TRUE
            tenth = 1e-1                            | TRUE
            f = 6.2F                                | TRUE
            f = 6.2f                                | TRUE
            f = 6.2                                 | FALSE
            -95.7 < -95                             | TRUE
            +6.2 > 6                                | TRUE
            1.7976931348623157E308 > 1              | TRUE
            4.9E-324 > 0                            | TRUE
            """)
    void approximateNumericLiteralsUseJavaFloatingPointSyntax(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            s = 'literal''s'                        | TRUE
            s = 'literal'                           | FALSE
            s = 'Literal''s'                        | FALSE
            empty = ''                              | TRUE
            unicode = 'été'                         | TRUE
            'a' = 'a'                               | TRUE
            '''' <> ''                              | TRUE
            'it''s' = 'it''s'                       | TRUE
            """)
    void stringLiteralsDoubleTheirQuotes(String selector, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            yes = TRUE                              | TRUE
            yes = true                              | TRUE
            yes = True                              | TRUE
            no = FALSE                              | TRUE
            no = false                              | TRUE
            yes = FALSE                             | FALSE
            yes <> no                               | TRUE
            TRUE                                    | TRUE
            fAlSe                                   | FALSE
            """)
    void booleanLiteralsAreCaseInsensitive(String selector, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "i\\t=\\n57"                            | TRUE
            "\\fi=57\\r\\n"                         | TRUE
            i=57 AND(s='literal''s')                | TRUE
            (i=57)AND(s<>'x')                       | TRUE
            """)
    void whitespaceIsJavasAndOptionalBetweenSymbols(String selector, Truth expected)
            throws InvalidSelectorException {
        String unescaped = selector.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r")
                .replace("\\f", "\f");
        assertThat(Truth.of(unescaped, MESSAGE)).isEqualTo(expected);
    }
}
