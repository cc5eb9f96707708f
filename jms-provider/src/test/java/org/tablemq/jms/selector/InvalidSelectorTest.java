package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Selectors that must be refused when presented, each with the problem and the column the message must name.
 * The message always quotes the selector text.
 */
class InvalidSelectorTest {

    @ParameterizedTest(name = "[{0}] fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a = AND 3                      | 5  | unexpected AND
            a =                            | 4  | unexpected end of selector
            a = 1 AND                      | 10 | unexpected end of selector
            (a = 1                         | 7  | expected ) to close the ( at column 1 but found end of selector
            a = 1)                         | 6  | unexpected )
            a = 1 b = 2                    | 7  | unexpected identifier b
            a == 1                         | 4  | unexpected =
            a != 1                         | 3  | unexpected character '!'
            a = 1 = 1                      | 7  | unexpected =
            a = 'abc                       | 5  | unterminated string literal
            a = 'it''s                     | 5  | unterminated string literal
            a = 12abc                      | 5  | malformed number 12abc
            a = 0x                         | 5  | number 0x has no digits
            a = 0xG1                       | 5  | number 0x has no digits
            a = 09                         | 5  | invalid octal number 09
            a = 1e                         | 5  | exponent without digits
            a = 1.5L                       | 5  | malformed number 1.5L
            a = 9223372036854775808        | 5  | number 9223372036854775808 is out of the range of long
            a = 99999999999999999999       | 5  | out of the range of long
            a = 0x10000000000000000        | 5  | out of the range of long
            a = 1e999                      | 5  | number 1e999 is out of the range of double
            a = 1e99F                      | 5  | out of the range of float
            a = 1_                         | 5  | misplaced underscore in number 1_
            a = 1_L                        | 5  | misplaced underscore in number 1_L
            a = 0x_1                       | 5  | misplaced underscore in number 0x_1
            a = 0b1_                       | 5  | misplaced underscore in number 0b1_
            a = 1_.5                       | 5  | misplaced underscore in number 1_.5
            a = 1._5                       | 5  | misplaced underscore in number 1._5
            a = 1e5_                       | 5  | misplaced underscore in number 1e5_
            a = 1.5_F                      | 5  | misplaced underscore in number 1.5_F
            a = 1 # 2                      | 7  | unexpected character '#'
            a = 1 /* comment */            | 8  | unexpected *
            a = 1 AND AND                  | 11 | unexpected AND
            """)
    void malformedSelectorsNameTheColumnOfTheProblem(String selector, int column, String problem) {
        assertRefused(selector, column, problem);
    }

    @ParameterizedTest(name = "[{0}] fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            and = 1                        | 1  | unexpected AND
            OR = 1                         | 1  | unexpected OR
            not = 1                        | 5  | unexpected =
            between = 1                    | 1  | unexpected BETWEEN
            like = 1                       | 1  | unexpected LIKE
            in = 1                         | 1  | unexpected IN
            is = 1                         | 1  | unexpected IS
            escape = 1                     | 1  | unexpected ESCAPE
            1a = 1                         | 1  | malformed number 1a
            """)
    void reservedWordsAreNotIdentifiers(String selector, int column, String problem) {
        assertRefused(selector, column, problem);
    }

    /** §3.8.1.1: NULL, TRUE and FALSE are no identifiers, and NULL is a literal only in IS [NOT] NULL. */
    @ParameterizedTest(name = "[{0}] fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            NULL = 0                       | 1  | NULL is not a value: test for it with IS NULL or IS NOT NULL
            NULL <> 1                      | 1  | NULL is not a value
            x = NULL                       | 5  | NULL is not a value
            null = x                       | 1  | NULL is not a value
            x IN ('a') OR x = NULL         | 19 | NULL is not a value
            x + NULL > 1                   | 5  | NULL is not a value
            NULL IS NULL                   | 1  | NULL is not a value
            x BETWEEN NULL AND 2           | 11 | NULL is not a value
            TRUE = 0                       | 6  | = cannot compare a boolean with a number
            FALSE = 0                      | 7  | = cannot compare a boolean with a number
            0 <> true                      | 3  | <> cannot compare a number with a boolean
            'a' = 1                        | 5  | = cannot compare a string with a number
            (x = 1) = 'yes'                | 9  | = cannot compare a boolean with a string
            x + 1 = 'one'                  | 7  | = cannot compare a number with a string
            TRUE > 0                       | 1  | > cannot order a boolean
            """)
    void nullTrueAndFalseAreNeitherIdentifiersNorComparableToOtherTypes(String selector, int column, String problem) {
        assertRefused(selector, column, problem);
    }

    @ParameterizedTest(name = "[{0}] fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            5                              | 1  | a selector needs a condition, not a number
            'abc'                          | 1  | a selector needs a condition, not a string
            a + 1                          | 1  | a selector needs a condition, not a number
            -a                             | 1  | a selector needs a condition, not a number
            'a' + 1                        | 1  | + needs numbers, not a string
            1 + 'a'                        | 5  | + needs numbers, not a string
            a * TRUE                       | 5  | * needs numbers, not a boolean
            -'a' = 1                       | 2  | unary - needs numbers, not a string
            (a = 1) + 1 > 0                | 1  | + needs numbers, not a boolean
            a AND 3                        | 7  | AND needs a condition, not a number
            3 OR a                         | 1  | OR needs a condition, not a number
            NOT 'x'                        | 5  | NOT needs a condition, not a string
            a = 1 AND b + 1                | 11 | AND needs a condition, not a number
            s < 'abc'                      | 5  | < cannot order a string
            'abc' >= s                     | 1  | >= cannot order a string
            flag > TRUE                    | 8  | > cannot order a boolean
            (a = 1) <= (b = 2)             | 1  | <= cannot order a boolean
            a BETWEEN 'a' AND 'z'          | 11 | BETWEEN needs numbers, not a string
            'a' BETWEEN 1 AND 2            | 1  | BETWEEN needs numbers, not a string
            a BETWEEN 1 AND TRUE           | 17 | BETWEEN needs numbers, not a boolean
            a BETWEEN 1 OR 2               | 13 | expected AND between the bounds of BETWEEN but found OR
            a LIKE 5                       | 8  | LIKE takes a string literal pattern, not number 5
            a LIKE b                       | 8  | LIKE takes a string literal pattern, not identifier b
            a LIKE TRUE                    | 8  | LIKE takes a string literal pattern, not TRUE
            5 LIKE '5'                     | 1  | LIKE applies to strings, not a number
            a LIKE 'x' ESCAPE 'ab'         | 19 | ESCAPE takes a single-character string literal
            a LIKE 'x' ESCAPE ''           | 19 | ESCAPE takes a single-character string literal
            a LIKE 'x' ESCAPE 1            | 19 | ESCAPE takes a single-character string literal, not number 1
            a LIKE 'x!' ESCAPE '!'         | 8  | ends with its escape character
            a LIKE '!x' ESCAPE '!'         | 8  | is followed by 'x'
            a IN (1, 2)                    | 7  | IN lists take string literals only, not number 1
            a IN ('x', b)                  | 12 | IN lists take string literals only, not identifier b
            a IN ()                        | 7  | IN lists take string literals only, not )
            a IN 'x'                       | 6  | expected ( to open the IN list but found string 'x'
            a IN ('x' 'y')                 | 11 | expected , or ) in the IN list but found string 'y'
            5 IN ('5')                     | 1  | IN applies to strings, not a number
            a NOT = 1                      | 7  | expected BETWEEN, IN or LIKE after NOT but found =
            a IS 1                         | 6  | expected NULL or NOT NULL after IS but found number 1
            a IS NOT TRUE                  | 10 | expected NULL after IS NOT but found TRUE
            """)
    void typeErrorsVisibleInTheSelectorAreRefused(String selector, int column, String problem) {
        assertRefused(selector, column, problem);
    }

    private static void assertRefused(String selector, int column, String problem) {
        assertThatThrownBy(() -> Selector.parse(selector))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageStartingWith("Invalid selector \"" + selector + "\": ")
                .hasMessageContaining(problem)
                .hasMessageEndingWith(" at column " + column);
    }
}
