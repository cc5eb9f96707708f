package org.tablemq.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Header identifiers: the six a selector may reference are resolved through the message; the other header names
 * are NULL whatever the message holds (§3.8.1.1), and JMSX / JMS_ names are ordinary properties.
 */
class SelectorHeaderTest {

    private static final MapContext MESSAGE = MapContext.empty()
            .with("JMSDeliveryMode", "PERSISTENT").with("JMSPriority", 4).with("JMSMessageID", "ID:42")
            .with("JMSTimestamp", 1_700_000_000_000L).with("JMSType", "car").with("JMSXDeliveryCount", 2)
            .with("JMSXGroupID", "g1").with("JMS_TableMQ_Reason", "expired").with("color", "blue")
            .with("weight", 3000)
            // a context must never be asked for these; if it were, these values would make the tests fail
            .with("JMSRedelivered", true).with("JMSDestination", "queue://orders").with("JMSExpiration", 0L)
            .with("JMSReplyTo", "queue://replies").with("JMSDeliveryTime", 0L);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            JMSDeliveryMode = 'PERSISTENT'                          | TRUE
            JMSDeliveryMode = 'NON_PERSISTENT'                      | FALSE
            JMSPriority > 3                                         | TRUE
            JMSPriority BETWEEN 0 AND 4                             | TRUE
            JMSMessageID = 'ID:42'                                  | TRUE
            JMSTimestamp > 1699999999999                            | TRUE
            JMSCorrelationID IS NULL                                | TRUE
            JMSCorrelationID = 'x'                                  | UNKNOWN
            JMSType = 'car' AND color = 'blue' AND weight > 2500    | TRUE
            JMSType = 'car' AND color = 'blue' AND weight > 3000    | FALSE
            JMSXDeliveryCount >= 2                                  | TRUE
            JMSXGroupID IN ('g1', 'g2')                             | TRUE
            JMS_TableMQ_Reason LIKE 'exp%'                          | TRUE
            jmstype = 'car'                                         | UNKNOWN
            """)
    void selectableHeadersAndJmsPropertiesResolveThroughTheMessage(String selector, Truth expected)
            throws InvalidSelectorException {
        assertThat(Truth.of(selector, MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is NULL")
    @ValueSource(strings = {"JMSRedelivered", "JMSDestination", "JMSExpiration", "JMSReplyTo", "JMSDeliveryTime"})
    void headersASelectorMayNotReferenceAreNull(String header) throws InvalidSelectorException {
        List<String> asked = new ArrayList<>();
        SelectorContext recording = name -> {
            asked.add(name);
            return MESSAGE.valueOf(name);
        };

        assertThat(Truth.of(header + " IS NULL", recording)).isEqualTo(Truth.TRUE);
        assertThat(Truth.of(header + " = " + header, recording)).isEqualTo(Truth.UNKNOWN);
        assertThat(Truth.of(header, recording)).isEqualTo(Truth.UNKNOWN);
        assertThat(asked).doesNotContain(header);
    }
}
