package org.tablemq.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void userInfoPasswordInAUrlIsMasked() {
        assertThat(Masking.maskUrl("jdbc:postgresql://bob:Xyzzy42@db.example:5432/shop"))
                .isEqualTo("jdbc:postgresql://bob:****@db.example:5432/shop");
    }

    @Test
    void passwordSettingsInAUrlAreMasked() {
        assertThat(Masking.maskUrl("jdbc:h2:./x;PASSWORD=Xyzzy42;MODE=PostgreSQL")).isEqualTo("jdbc:h2:./x;PASSWORD=****;MODE=PostgreSQL");
        assertThat(Masking.maskUrl("jdbc:postgresql://h/db?user=bob&password=Xyzzy42&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=bob&password=****&ssl=true");
    }

    @Test
    void aStoreConfigNeverDescribesAPasswordNotEvenInAUrlOption() {
        StoreConfig config = new StoreConfig("jdbc:postgresql://bob:Xyzzy41@h/db", "bob", "Xyzzy40",
                Map.of("url", "jdbc:postgresql://bob:Xyzzy42@h/db", "password", "Xyzzy43"));
        assertThat(config.describe()).doesNotContain("Xyzzy").contains("bob:****@h/db");
    }
}
