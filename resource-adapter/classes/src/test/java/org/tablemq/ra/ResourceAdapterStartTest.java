package org.tablemq.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.Test;
import org.tablemq.ra.testing.FakeBootstrapContext;

class ResourceAdapterStartTest {

    private static TableMQResourceAdapter adapter(String options) {
        TableMQResourceAdapter ra = new TableMQResourceAdapter();
        ra.setUrl("jdbc:h2:mem:start-test");
        ra.setOptions(options);
        return ra;
    }

    @Test
    void anUnknownOptionFailsTheStartNamingIt() {
        try (FakeBootstrapContext bootstrap = new FakeBootstrapContext()) {
            assertThatThrownBy(() -> adapter("maxPoolSize=5;prefech=3").start(bootstrap))
                    .isInstanceOf(ResourceAdapterInternalException.class)
                    .hasMessageContaining("'prefech'").hasMessageContaining("resource adapter");
        }
    }

    @Test
    void anOptionOutOfRangeFailsTheStartWithTheAllowedRange() {
        try (FakeBootstrapContext bootstrap = new FakeBootstrapContext()) {
            assertThatThrownBy(() -> adapter("maxPoolSize=0").start(bootstrap))
                    .isInstanceOf(ResourceAdapterInternalException.class)
                    .hasMessageContaining("maxPoolSize").hasMessageContaining("between 1 and 1000");
        }
    }

    @Test
    void aStartedAdapterResolvesItsStoreAndForgetsItAtStop() throws Exception {
        try (FakeBootstrapContext bootstrap = new FakeBootstrapContext()) {
            TableMQResourceAdapter ra = adapter("tablePrefix=start_;password=secret");
            ra.start(bootstrap);
            assertThat(ra.storeConfig().url()).isEqualTo("jdbc:h2:mem:start-test");
            assertThat(ra.storeConfig().describe()).doesNotContain("secret");
            ra.stop();
            assertThatThrownBy(ra::storeConfig).hasMessageContaining("not started");
        }
    }

    @Test
    void optionsTakeAQuotedPasswordWithASemicolonAndAQuotedH2UrlWithSettings() throws Exception {
        try (FakeBootstrapContext bootstrap = new FakeBootstrapContext()) {
            TableMQResourceAdapter ra = adapter("url=\"jdbc:h2:mem:quoted-options;MODE=PostgreSQL\"; password=\"s3cr;et\"");
            ra.start(bootstrap);
            assertThat(ra.storeConfig().options()).containsEntry("password", "s3cr;et")
                    .containsEntry("url", "jdbc:h2:mem:quoted-options;MODE=PostgreSQL");
            assertThat(ra.storeConfig().describe()).doesNotContain("s3cr");
            ra.stop();
        }
    }
}
