package org.tablemq.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionListTest {

    @Test
    void parsesPairsSeparatedBySemicolonsAndLineBreaks() throws Exception {
        assertThat(OptionList.parse(" maxPoolSize = 20 ;\n tablePrefix=tmq_ ;", "options"))
                .containsExactly(Map.entry("maxPoolSize", "20"), Map.entry("tablePrefix", "tmq_"));
    }

    @Test
    void blankTextMeansNoOptions() throws Exception {
        assertThat(OptionList.parse("  ", "options")).isEmpty();
        assertThat(OptionList.parse(null, "options")).isEmpty();
    }

    @Test
    void anItemWithoutEqualsSignIsRejectedNamingThePropertyAndItsPosition() {
        assertThatThrownBy(() -> OptionList.parse("maxPoolSize=2;prefetch", "options"))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'options'").hasMessageContaining("item 2");
    }

    @Test
    void aQuotedValueMayContainSemicolonsQuotesAndBackslashes() throws Exception {
        assertThat(OptionList.parse("password=\"s3cr;et\"; user = \"a \\\"b\\\\\" ;prefetch=2", "options"))
                .containsExactly(Map.entry("password", "s3cr;et"), Map.entry("user", "a \"b\\"),
                        Map.entry("prefetch", "2"));
    }

    @Test
    void anH2UrlWithSettingsCanBeGivenQuoted() throws Exception {
        assertThat(OptionList.parse("url=\"jdbc:h2:C:\\data\\tmq;MODE=PostgreSQL;LOCK_TIMEOUT=5000\"\nprefetch=3", "options"))
                .containsExactly(Map.entry("url", "jdbc:h2:C:\\data\\tmq;MODE=PostgreSQL;LOCK_TIMEOUT=5000"),
                        Map.entry("prefetch", "3"));
    }

    @Test
    void aParseErrorNeverEchoesAnyPartOfAValue() {
        assertThatThrownBy(() -> OptionList.parse("password=s3cr;Xyzzy42", "options"))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageNotContaining("Xyzzy42").hasMessageNotContaining("s3cr");
        assertThatThrownBy(() -> OptionList.parse("password=\"s3cr;Xyzzy42", "options"))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'password'").hasMessageContaining("no closing")
                .hasMessageNotContaining("Xyzzy42").hasMessageNotContaining("s3cr");
        assertThatThrownBy(() -> OptionList.parse("password=\"s3cr\"Xyzzy42;a=1", "options"))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageNotContaining("Xyzzy42").hasMessageNotContaining("s3cr");
    }

    @Test
    void formatQuotesWhatNeedsQuotesAndParseReadsItBack() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("password", " s;e\"c\\r\\\"e\nt\\");
        options.put("url", "jdbc:h2:./x;MODE=PostgreSQL");
        options.put("empty", "");
        options.put("plain", "C:\\data");
        assertThat(OptionList.parse(OptionList.format(options), "options")).isEqualTo(options);
    }

    @Test
    void formatIsReadBackByParse() throws Exception {
        Map<String, String> options = OptionList.parse("a=1;b=x=y", "options");
        assertThat(OptionList.parse(OptionList.format(options), "options")).isEqualTo(options);
        assertThat(options).containsEntry("b", "x=y");
    }
}
