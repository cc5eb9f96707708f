package org.tablemq.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
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
    void anItemWithoutEqualsSignIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> OptionList.parse("maxPoolSize=2;prefetch", "options"))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("'options'").hasMessageContaining("'prefetch'");
    }

    @Test
    void formatIsReadBackByParse() throws Exception {
        Map<String, String> options = OptionList.parse("a=1;b=x=y", "options");
        assertThat(OptionList.parse(OptionList.format(options), "options")).isEqualTo(options);
        assertThat(options).containsEntry("b", "x=y");
    }
}
