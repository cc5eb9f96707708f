package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BETWEEN, IN, LIKE and IS NULL, each with its NOT form and with NULL and wrongly typed values. */
class SelectorPredicateTest {

    private static final MapContext MESSAGE = MapContext.empty()
            .with("age", 17).with("weight", 2500.5).with("small", (short) 15).with("ratio", 1.5f)
            .with("Country", "UK").with("code", 44).with("name", "Anne").with("phone", "12993")
            .with("underscored", "_foo").with("word", "lose").with("empty", "")
            .with("regex", "a.b*c+d?(e)[f]{g}^h$i|j\\k").with("dotted", "axb").with("percent", "50%")
            .with("quote", "O'Brien").with("multiline", "first\nsecond").with("emoji", "x\uD83D\uDE00y");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            age BETWEEN 15 AND 19                 | TRUE
            age BETWEEN 17 AND 17                 | TRUE
            age BETWEEN 18 AND 19                 | FALSE
            age BETWEEN 19 AND 15                 | FALSE
            age NOT BETWEEN 15 AND 19             | FALSE
            age NOT BETWEEN 18 AND 19             | TRUE
            age BETWEEN 16.5 AND 17.5             | TRUE
            age BETWEEN 17.0 AND 17.0F            | TRUE
            weight BETWEEN 2500 AND 2501          | TRUE
            weight BETWEEN 2500 AND 2500          | FALSE
            small BETWEEN 15L AND 1.5E1           | TRUE
            ratio BETWEEN 1 AND 2                 | TRUE
            age BETWEEN small AND small + 2       | TRUE
            age + 1 BETWEEN 18 AND 18             | TRUE
            missing BETWEEN 1 AND 2               | UNKNOWN
            missing NOT BETWEEN 1 AND 2           | UNKNOWN
            age BETWEEN missing AND 19            | UNKNOWN
            age BETWEEN missing AND 16            | FALSE
            age NOT BETWEEN missing AND 16        | TRUE
            age NOT BETWEEN missing AND 19        | UNKNOWN
            name BETWEEN 1 AND 2                  | FALSE
            NOT age BETWEEN 15 AND 19             | FALSE
            age BETWEEN 15 AND 19 AND name = 'Anne' | TRUE
            """)
    void betweenIsInclusiveAndComparesMixedTypesByValue(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Country IN ('UK', 'US', 'France')          | TRUE
            Country IN ('US', 'France')                | FALSE
            Country IN ('UK')                          | TRUE
            Country IN ('uk')                          | FALSE
            Country NOT IN ('UK', 'US', 'France')      | FALSE
            Country NOT IN ('Peru')                    | TRUE
            Country in ('UK')                          | TRUE
            missing IN ('UK')                          | UNKNOWN
            missing NOT IN ('UK')                      | UNKNOWN
            code IN ('44')                             | FALSE
            code NOT IN ('44')                         | FALSE
            NOT (code IN ('44'))                       | TRUE
            empty IN ('')                              | TRUE
            Country IN ('UK', 'UK', 'US')              | TRUE
            Country NOT IN ('US', 'US')                | TRUE
            name IN ('O''Brien', 'Anne')               | TRUE
            NOT Country IN ('UK')                      | FALSE
            """)
    void inMatchesStringLiteralListsOnly(String selector, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    /**
     * The negated forms are operators of their own, not NOT applied to the plain form: on a value of another type
     * than the operator compares, both forms are FALSE (comparing unlike types is FALSE) or both UNKNOWN (LIKE).
     */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            myProp NOT IN ('foo', 'jms', 'test')       | FALSE
            myProp IN ('foo', 'jms', 'test')           | FALSE
            NOT (myProp IN ('foo', 'jms', 'test'))     | TRUE
            flag NOT IN ('true')                       | FALSE
            name NOT BETWEEN 1 AND 2                   | FALSE
            flag NOT BETWEEN 0 AND 1                   | FALSE
            NOT (name BETWEEN 1 AND 2)                 | TRUE
            myProp NOT LIKE 'x%'                       | UNKNOWN
            myProp LIKE 'x%'                           | UNKNOWN
            """)
    void negatedPredicatesAreNotTrueForValuesOfAnotherType(String selector, Truth expected)
            throws InvalidSelectorException {
        MapContext message = MapContext.empty().with("myProp", 0).with("flag", true).with("name", "Anne");
        assertThat(Truth.of(selector, message)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            phone LIKE '12%3'                          | TRUE
            phone LIKE '12%4'                          | FALSE
            phone NOT LIKE '12%3'                      | FALSE
            phone NOT LIKE '12%4'                      | TRUE
            word LIKE 'l_se'                           | TRUE
            word LIKE 'l_e'                            | FALSE
            word LIKE 'l__se'                          | FALSE
            word LIKE '%'                              | TRUE
            empty LIKE '%'                             | TRUE
            empty LIKE '_'                             | FALSE
            empty LIKE ''                              | TRUE
            word LIKE ''                               | FALSE
            word LIKE 'lose'                           | TRUE
            word LIKE 'LOSE'                           | FALSE
            word LIKE '%o%e'                           | TRUE
            word LIKE '%%%'                            | TRUE
            word LIKE 'l%%e'                           | TRUE
            word LIKE '%s'                             | FALSE
            word LIKE '_%_%_%_'                        | TRUE
            word LIKE '_%_%_%_%_'                      | FALSE
            phone LIKE '%9%9%'                         | TRUE
            phone LIKE '%99%3'                         | TRUE
            phone LIKE '%939%'                         | FALSE
            multiline LIKE 'first%second'              | TRUE
            multiline LIKE 'first_second'              | TRUE
            emoji LIKE 'x_y'                           | TRUE
            missing LIKE '%'                           | UNKNOWN
            missing NOT LIKE '%'                       | UNKNOWN
            age LIKE '17'                              | UNKNOWN
            age NOT LIKE '17'                          | UNKNOWN
            """)
    void likeMatchesPercentAndUnderscoreWildcards(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            underscored LIKE '\\_%' ESCAPE '\\'         | TRUE
            word LIKE '\\_%' ESCAPE '\\'                | FALSE
            underscored LIKE '!_foo' ESCAPE '!'         | TRUE
            word LIKE '!_ose' ESCAPE '!'                | FALSE
            percent LIKE '50!%' ESCAPE '!'              | TRUE
            percent LIKE '5!%' ESCAPE '!'               | FALSE
            percent LIKE '%!%' escape '!'               | TRUE
            phone LIKE '%!%' ESCAPE '!'                 | FALSE
            percent LIKE '50%%' ESCAPE '%'              | TRUE
            phone LIKE '12%%' ESCAPE '%'                | FALSE
            name LIKE 'A!!nne' ESCAPE '!'               | FALSE
            name LIKE 'Anne' ESCAPE '!'                 | TRUE
            quote LIKE 'O''''%' ESCAPE ''''             | TRUE
            name LIKE '''''%' ESCAPE ''''               | FALSE
            """)
    void likeEscapeMakesWildcardsLiteral(String selector, Truth expected) throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "regex LIKE 'a.b*c+d?(e)[f]{g}^h$i|j\\k'"    | TRUE
            "regex LIKE 'a.b*c+d?(e)[f]{g}^h$i|j\\%'"    | TRUE
            regex LIKE '%(e)[f]%'                       | TRUE
            "regex LIKE '%[f]{g}^%|j_k'"                | TRUE
            dotted LIKE 'a.b'                           | FALSE
            regex LIKE 'a.*'                            | FALSE
            regex LIKE '.*'                             | FALSE
            name LIKE '[A]nne'                          | FALSE
            name LIKE 'A\\E'                            | FALSE
            """)
    void regexMetacharactersInPatternsStandForThemselves(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            missing IS NULL              | TRUE
            missing IS NOT NULL          | FALSE
            age IS NULL                  | FALSE
            age IS NOT NULL              | TRUE
            empty IS NULL                | FALSE
            name is not null             | TRUE
            NOT missing IS NULL          | FALSE
            age / 0 IS NULL              | TRUE
            missing IS NULL OR missing = 1 | TRUE
            """)
    void isNullTurnsAMissingValueIntoTrueOrFalse(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }
}
