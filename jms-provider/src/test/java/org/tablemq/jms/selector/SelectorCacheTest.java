package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;

/** The bounded parse cache: least recently used entries go first, failures are entries too. */
class SelectorCacheTest {

    @Test
    void cacheNeverHoldsMoreThanItsCapacity() throws InvalidSelectorException {
        SelectorCache cache = new SelectorCache(3);
        for (int i = 0; i < 10; i++) {
            cache.putSelector("n = " + i, Selector.parse("n = " + i));
        }

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("n = 9")).isInstanceOf(Selector.class);
        assertThat(cache.get("n = 0")).isNull();
    }

    @Test
    void recentlyReadEntrySurvivesEviction() throws InvalidSelectorException {
        SelectorCache cache = new SelectorCache(2);
        cache.putSelector("a = 1", Selector.parse("a = 1"));
        cache.putFailure("a = ", "Invalid selector \"a = \": unexpected end of selector at column 5");
        cache.get("a = 1");
        cache.putSelector("b = 1", Selector.parse("b = 1"));

        assertThat(cache.get("a = 1")).isInstanceOf(Selector.class);
        assertThat(cache.get("a = ")).isNull();
    }

    @Test
    void failureIsCachedAsItsMessage() {
        SelectorCache cache = new SelectorCache(2);
        cache.putFailure("a = ", "Invalid selector \"a = \": unexpected end of selector at column 5");

        assertThat(cache.get("a = ")).isEqualTo("Invalid selector \"a = \": unexpected end of selector at column 5");
    }
}
