package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;

/** The bounded parse cache: never above its capacity, the newest entry kept, failures are entries too. */
class SelectorCacheTest {

    @Test
    void cacheNeverHoldsMoreThanItsCapacityAndKeepsTheNewestEntry() throws InvalidSelectorException {
        SelectorCache cache = new SelectorCache(3);
        for (int i = 0; i < 10; i++) {
            cache.putSelector("n = " + i, Selector.parse("n = " + i));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
            assertThat(cache.get("n = " + i)).isInstanceOf(Selector.class);
        }

        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void failureIsCachedAsItsMessage() {
        SelectorCache cache = new SelectorCache(2);
        cache.putFailure("a = ", "Invalid selector \"a = \": unexpected end of selector at column 5");

        assertThat(cache.get("a = ")).isEqualTo("Invalid selector \"a = \": unexpected end of selector at column 5");
    }

    @Test
    void cacheOfNoEntriesIsRefused() {
        assertThatThrownBy(() -> new SelectorCache(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1, was 0");
    }
}
