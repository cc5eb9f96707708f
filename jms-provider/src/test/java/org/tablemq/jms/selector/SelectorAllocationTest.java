package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message a consumer sees is matched against its selector, so matching must not create garbage:
 * comparisons, logic, BETWEEN, IN, LIKE and IS NULL allocate nothing (arithmetic boxes its results).
 */
class SelectorAllocationTest {

    private static final int EVALUATIONS = 100_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "JMSType = 'car' AND color = 'blue' AND weight > 2500",
        "weight BETWEEN 1000 AND 3000.5 OR missing = 1",
        "color IN ('red', 'green', 'blue') AND NOT (size IS NULL)",
        "color LIKE '%l_e' AND JMSType NOT LIKE 'b!_%' ESCAPE '!'",
        "urgent = TRUE OR size <> 3 AND code = '44'"
    })
    void matchingWithoutArithmeticAllocatesNothing(String text) throws InvalidSelectorException {
        Selector selector = Selector.parse(text);
        MapContext message = MapContext.empty().with("JMSType", "car").with("color", "blue").with("weight", 2600)
                .with("size", 4L).with("urgent", false).with("code", "44");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        int matched = countMatches(selector, message);

        long before = threads.getThreadAllocatedBytes(threadId);
        matched += countMatches(selector, message);
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(matched).isEqualTo(2 * EVALUATIONS);
        // a few hundred bytes of slack for the measurement itself; one boxed value per evaluation would be 1.6 MB
        assertThat(allocated).as("bytes allocated by %d evaluations", EVALUATIONS).isLessThan(1024);
    }

    private static int countMatches(Selector selector, MapContext message) {
        int matched = 0;
        for (int i = 0; i < EVALUATIONS; i++) {
            if (selector.matches(message)) {
                matched++;
            }
        }
        return matched;
    }
}
