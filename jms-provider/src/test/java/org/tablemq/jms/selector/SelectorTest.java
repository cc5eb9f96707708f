package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.InvalidSelectorException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public face of the engine: parse, the absent selector, caching, matching. */
class SelectorTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void nullOrBlankSelectorIsAllAndMatchesEverything(String text) throws InvalidSelectorException {
        Selector selector = Selector.parse(text);

        assertThat(selector).isSameAs(Selector.ALL);
        assertThat(selector.isAll()).isTrue();
        assertThat(selector.text()).isEmpty();
        assertThat(selector.matches(MapContext.empty())).isTrue();
        assertThat(selector.matches(name -> {
            throw new AssertionError("ALL must not read the message, but read " + name);
        })).isTrue();
    }

    @Test
    void parsedSelectorKeepsItsTextAndIsNotAll() throws InvalidSelectorException {
        Selector selector = Selector.parse(" color = 'blue' ");

        assertThat(selector.isAll()).isFalse();
        assertThat(selector.text()).isEqualTo(" color = 'blue' ");
        assertThat(selector.toString()).contains("color = 'blue'").contains("(color = 'blue')");
    }

    @Test
    void matchesOnlyWhenTheSelectorIsTrue() throws InvalidSelectorException {
        Selector selector = Selector.parse("color = 'blue'");

        assertThat(selector.matches(MapContext.empty().with("color", "blue"))).isTrue();
        assertThat(selector.matches(MapContext.empty().with("color", "red"))).isFalse();
        assertThat(selector.matches(MapContext.empty())).isFalse();
    }

    @Test
    void sameTextGivesTheCachedSelector() throws InvalidSelectorException {
        String text = "cachedColor = 'green' AND " + System.nanoTime() + " > 0";

        assertThat(Selector.parse(text)).isSameAs(Selector.parse(text));
    }

    @Test
    void invalidSelectorFailsAgainWithTheSameMessageAndAFreshException() {
        String text = "a = AND " + System.nanoTime();

        InvalidSelectorException first = catchInvalid(text);
        InvalidSelectorException second = catchInvalid(text);

        assertThat(second).isNotSameAs(first);
        assertThat(second.getMessage()).isEqualTo(first.getMessage())
                .isEqualTo("Invalid selector \"" + text + "\": unexpected AND at column 5");
    }

    @Test
    void booleanPropertyAloneIsASelector() throws InvalidSelectorException {
        Selector selector = Selector.parse("urgent");

        assertThat(selector.matches(MapContext.empty().with("urgent", true))).isTrue();
        assertThat(selector.matches(MapContext.empty().with("urgent", false))).isFalse();
        assertThat(selector.matches(MapContext.empty().with("urgent", "true"))).isFalse();
        assertThat(selector.matches(MapContext.empty())).isFalse();
    }

    @Test
    @SuppressWarnings({"deprecation", "removal", "BooleanConstructorCall"})
    void nonCanonicalBooleanFromTheMessageStillMatches() throws InvalidSelectorException {
        // a message implementation may hand out a Boolean that is not Boolean.TRUE itself
        Boolean distinctTrue = new Boolean(true);

        assertThat(Selector.parse("urgent").matches(MapContext.empty().with("urgent", distinctTrue))).isTrue();
        assertThat(Selector.parse("urgent AND TRUE").matches(MapContext.empty().with("urgent", distinctTrue)))
                .isTrue();
    }

    @Test
    void keywordsAreCaseInsensitiveButIdentifiersAreNot() throws InvalidSelectorException {
        Selector selector = Selector.parse("Color = 'blue' aNd size BeTwEeN 1 AnD 3 oR NoT x Is NuLl");

        assertThat(selector.matches(MapContext.empty().with("Color", "blue").with("size", 2))).isTrue();
        assertThat(selector.matches(MapContext.empty().with("color", "blue").with("size", 2))).isFalse();
    }

    @Test
    void oneSelectorMatchesFromManyThreadsAtOnce() throws Exception {
        Selector selector = Selector.parse("n BETWEEN 10 AND 19 AND s LIKE 'x%' AND n * 2 <> 30");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                counts.add(pool.submit(() -> {
                    int matched = 0;
                    for (int n = 0; n < 10_000; n++) {
                        if (selector.matches(MapContext.empty().with("n", n % 100).with("s", "xy"))) {
                            matched++;
                        }
                    }
                    return matched;
                }));
            }
            for (Future<Integer> count : counts) {
                // n % 100 in 10..19 except 15: 9 of every 100
                assertThat(count.get()).isEqualTo(900);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static InvalidSelectorException catchInvalid(String text) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Selector.parse(text));
        assertThat(thrown).isInstanceOf(InvalidSelectorException.class);
        return (InvalidSelectorException) thrown;
    }
}
