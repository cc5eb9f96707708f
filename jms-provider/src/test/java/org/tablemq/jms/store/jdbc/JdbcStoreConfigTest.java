package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQOptions;

class JdbcStoreConfigTest {

    private static final JdbcStoreConfig H2 = JdbcStoreConfig.defaults("jdbc:h2:mem:x");

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(H2.tablePrefix()).isEqualTo("tmq_");
        assertThat(H2.maxPoolSize()).isEqualTo(10);
        assertThat(H2.leaseMillis()).isEqualTo(30_000);
        assertThat(H2.maxPollMillis()).isEqualTo(1_000);
        assertThat(H2.h2Sync()).isFalse();
        assertThat(H2.nodeName()).isNull();
    }

    @Test
    void copyMethodsChangeOnlyTheirField() {
        JdbcStoreConfig changed = H2.withTablePrefix("app_").withMaxPoolSize(3).withLeaseMillis(5000)
                .withMaxPollMillis(200).withH2Sync(true).withNodeName("n1").withUser("u").withPassword("p");

        assertThat(changed).isEqualTo(new JdbcStoreConfig("jdbc:h2:mem:x", "u", "p", "app_", 3, 5000, 200, true, "n1"));
    }

    @Test
    void tablePrefixWithAnythingButLettersDigitsAndUnderscoreIsRefused() {
        assertThatThrownBy(() -> H2.withTablePrefix("x; DROP TABLE y; --"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tablePrefix").hasMessageContaining("letters, digits or '_'");
        assertThatThrownBy(() -> H2.withTablePrefix("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tablePrefixFollowsTheOptionTableAndStartsWithALetter() {
        assertThatThrownBy(() -> H2.withTablePrefix("1tmq_"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starting with a letter");
        assertThatThrownBy(() -> H2.withTablePrefix("_tmq"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starting with a letter");
    }

    @Test
    void defaultsAreTheOptionTables() {
        assertThat(H2.tablePrefix()).isEqualTo(TableMQOptions.TABLE_PREFIX.defaultValue());
        assertThat(H2.maxPoolSize()).isEqualTo(TableMQOptions.MAX_POOL_SIZE.defaultValue());
        assertThat(H2.leaseMillis()).isEqualTo(TableMQOptions.LEASE_MILLIS.defaultValue());
        assertThat(H2.maxPollMillis()).isEqualTo(TableMQOptions.MAX_POLL_MILLIS.defaultValue());
    }

    @Test
    void valuesOutOfRangeAreRefusedWithFieldAndRangeNotClamped() {
        assertThatThrownBy(() -> H2.withMaxPoolSize(0)).hasMessageContaining("'maxPoolSize' must be between 1 and 1000");
        assertThatThrownBy(() -> H2.withLeaseMillis(999)).hasMessageContaining("'leaseMillis' must be between 1000");
        assertThatThrownBy(() -> H2.withMaxPollMillis(5)).hasMessageContaining("'maxPollMillis' must be between 10");
        assertThatThrownBy(() -> H2.withNodeName("x".repeat(101))).hasMessageContaining("nodeName");
    }

    @Test
    void unsupportedUrlIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> JdbcStoreConfig.defaults("jdbc:mysql://h/db?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password=****").hasMessageNotContaining("secret");
    }

    @Test
    void h2SyncIsAcceptedForPostgresqlWhichSyncsEveryCommitAnyway() {
        assertThat(JdbcStoreConfig.defaults("jdbc:postgresql://h/db").withH2Sync(true).h2Sync()).isTrue();
    }

    @Test
    void passwordsInUserInfoAreMaskedToo() {
        assertThat(Redaction.url("jdbc:postgresql://bob:secret@h/db")).isEqualTo("jdbc:postgresql://bob:****@h/db");
    }

    @Test
    void toStringMasksThePassword() {
        assertThat(H2.withPassword("secret").withUrl("jdbc:h2:mem:x;PASSWORD=secret").toString())
                .doesNotContain("secret");
    }
}
