package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The crash test's verdict must catch what it claims to catch: loss, duplicates, unknown ids, missing flags. */
class CrashLedgerTest {

    private final CrashLedger ledger = new CrashLedger();

    @Test
    void aSentMessageThatIsNeitherConsumedNorDrainedIsReportedLost() {
        ledger.addRound(List.of("READY", "SENDING a", "SENT a"));

        assertThat(ledger.problems()).singleElement().asString().contains("a was sent").contains("lost");
    }

    @Test
    void aMessageConsumedOnceOrDrainedOnceIsFine() {
        ledger.addRound(List.of("SENDING a", "SENT a", "SENDING b", "SENT b", "RECEIVED a false", "CONSUMING a",
                "CONSUMED a"));
        ledger.addDrained("b", false);

        assertThat(ledger.problems()).isEmpty();
    }

    @Test
    void aMessageConsumedAndAlsoDrainedIsADuplicate() {
        ledger.addRound(List.of("SENDING a", "SENT a", "RECEIVED a false", "CONSUMING a", "CONSUMED a"));
        ledger.addDrained("a", true);

        assertThat(ledger.problems()).singleElement().asString().contains("duplicate");
    }

    @Test
    void aMessageWhoseSendDidNotReturnMayBeMissing() {
        ledger.addRound(List.of("SENDING a"));

        assertThat(ledger.problems()).isEmpty();
    }

    @Test
    void aMessageWhoseConsumptionCommitDidNotReturnMayBeMissing() {
        ledger.addRound(List.of("SENDING a", "SENT a", "RECEIVED a false", "CONSUMING a"));

        assertThat(ledger.problems()).isEmpty();
    }

    @Test
    void aMessageReceivedButNotCommittedMustComeBack() {
        ledger.addRound(List.of("SENDING a", "SENT a", "RECEIVED a false"));

        assertThat(ledger.problems()).singleElement().asString().contains("lost");
    }

    @Test
    void aMessageSeenAgainAfterAnInterruptedConsumptionMustBeFlaggedRedelivered() {
        ledger.addRound(List.of("SENDING a", "SENT a", "RECEIVED a false", "CONSUMING a"));
        ledger.addDrained("a", false);

        assertThat(ledger.problems()).singleElement().asString().contains("JMSRedelivered");
    }

    @Test
    void anIdThatWasNeverSentIsReported() {
        ledger.addDrained("ghost", false);

        assertThat(ledger.problems()).singleElement().asString().contains("never sent");
    }
}
