package org.tablemq.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock("system-properties")
class DefaultStoreTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(DefaultStore.DATA_DIR_PROPERTY);
        System.clearProperty(DefaultStore.URL_PROPERTY);
        System.clearProperty("tablemq.test.dir");
    }

    @Test
    void withoutConfigurationTheStoreIsH2InATablemqFolderOfTheWorkingDirectory() {
        assertThat(DefaultStore.url(null))
                .isEqualTo("jdbc:h2:file:" + Path.of("tablemq").toAbsolutePath().resolve("tablemq"));
    }

    @Test
    void onWildFlyTheStoreIsUnderTheServerDataDirectory() {
        System.setProperty(DefaultStore.DATA_DIR_PROPERTY, "/srv/wildfly/standalone/data");
        assertThat(DefaultStore.url("")).isEqualTo("jdbc:h2:file:/srv/wildfly/standalone/data/tablemq/tablemq");
    }

    @Test
    void theUrlSystemPropertyReplacesTheDefault() {
        System.setProperty(DefaultStore.URL_PROPERTY, "jdbc:postgresql://db:5432/shop");
        assertThat(DefaultStore.url(null)).isEqualTo("jdbc:postgresql://db:5432/shop");
    }

    @Test
    void aConfiguredUrlWinsAndHasItsPlaceholdersResolved() {
        System.setProperty(DefaultStore.URL_PROPERTY, "jdbc:postgresql://ignored/x");
        System.setProperty("tablemq.test.dir", "/data");
        assertThat(DefaultStore.url("jdbc:h2:file:${tablemq.test.dir}/q;MODE=${tablemq.test.mode:PostgreSQL}"))
                .isEqualTo("jdbc:h2:file:/data/q;MODE=PostgreSQL");
    }

    @Test
    void anUnknownPlaceholderWithoutDefaultIsLeftAsWritten() {
        assertThat(DefaultStore.expand("jdbc:h2:${no.such.property}")).isEqualTo("jdbc:h2:${no.such.property}");
    }

    @Test
    void describeMasksPasswordsAlsoInsideTheUrl() {
        StoreConfig config = new StoreConfig("jdbc:postgresql://db/x?user=u&password=secret&ssl=true", "u", "pw",
                java.util.Map.of("password", "other"));
        assertThat(config.describe()).doesNotContain("secret").doesNotContain("pw,").doesNotContain("other")
                .contains("password=****&ssl=true");
    }
}
