package org.tablemq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.client.TableMQContext;

/** The context's own rules (lazy session, shared connection, state checks), over a recording classic connection. */
class ContextRulesTest {

    private final RecordingConnection recording = new RecordingConnection();

    private JMSContext context(int mode) {
        return new TableMQContext(recording.connection(), mode);
    }

    @Test
    void creatingAContextCreatesNoSessionSoTheClientIdCanStillBeSet() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);

        context.setClientID("client-1");

        assertThat(recording.count("Connection.createSession")).isZero();
        assertThat(recording.calls).contains("Connection.setClientID");
    }

    @Test
    void setClientIdAfterTheSessionExistsThrowsIllegalStateRuntimeException() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.createTextMessage("x");

        assertThatThrownBy(() -> context.setClientID("late"))
                .isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("late");
    }

    @Test
    void setClientIdOnASharedContextAfterTheFirstUsedTheConnectionThrowsIllegalStateRuntimeException() {
        JMSContext first = context(JMSContext.AUTO_ACKNOWLEDGE);
        first.createTextMessage("x");
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);

        assertThatThrownBy(() -> second.setClientID("late")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void theSessionIsCreatedOnceAndReused() {
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);

        context.createTextMessage("a");
        context.createBytesMessage();
        context.commit();

        assertThat(recording.count("Connection.createSession")).isEqualTo(1);
        assertThat(recording.calls).contains("Session.commit");
    }

    @Test
    void theSharedConnectionClosesOnlyWhenTheLastContextCloses() {
        JMSContext first = context(JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext second = first.createContext(JMSContext.SESSION_TRANSACTED);

        first.close();
        assertThat(recording.closed()).isFalse();

        second.close();
        assertThat(recording.closed()).isTrue();
    }

    @Test
    void closingTwiceIsAllowedAndClosesTheConnectionOnce() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);

        context.close();
        context.close();

        assertThat(recording.count("Connection.close")).isEqualTo(1);
    }

    @Test
    void closingAContextClosesItsSession() {
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        context.createMessage();

        context.close();

        assertThat(recording.calls).containsSubsequence("Session.close", "Connection.close");
    }

    @Test
    void aClosedContextRefusesUseWithIllegalStateRuntimeException() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.close();

        assertThatThrownBy(context::createProducer).isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> context.createQueue("q")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(context::acknowledge).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(context::getSessionMode).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void anInvalidSessionModeIsRefusedAndTheConnectionClosed() {
        assertThatThrownBy(() -> context(7)).isInstanceOf(JMSRuntimeException.class).hasMessageContaining("7");

        assertThat(recording.closed()).isTrue();
    }

    @Test
    void createContextWithAnInvalidModeIsRefused() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(() -> context.createContext(-1)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    void commitOnANonTransactedContextThrowsIllegalStateRuntimeException() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(context::commit).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(context::rollback).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void recoverOnATransactedContextThrowsIllegalStateRuntimeException() {
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);

        assertThatThrownBy(context::recover).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void creatingAConsumerStartsTheConnectionWhenAutoStartIsOn() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = context.createQueue("q");

        context.createConsumer(queue);

        assertThat(recording.calls).containsSubsequence("Session.createConsumer", "Connection.start");
    }

    @Test
    void creatingAConsumerLeavesTheConnectionStoppedWhenAutoStartIsOff() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.setAutoStart(false);

        context.createConsumer(context.createQueue("q"));

        assertThat(context.getAutoStart()).isFalse();
        assertThat(recording.calls).doesNotContain("Connection.start");
    }

    @Test
    void autoAcknowledgeIsEmulatedOverAClientAcknowledgeSession() {
        JMSContext context = context(JMSContext.DUPS_OK_ACKNOWLEDGE);

        context.createMessage();

        assertThat(context.getSessionMode()).isEqualTo(JMSContext.DUPS_OK_ACKNOWLEDGE);
        assertThat(context.getTransacted()).isFalse();
    }

    @Test
    void acknowledgeWithNothingConsumedTouchesNoSession() {
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);

        context.acknowledge();

        assertThat(recording.count("Connection.createSession")).isZero();
    }

    @Test
    void aConsumerCreatedByTheContextIsClosedThroughTheClassicConsumer() {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);

        context.createConsumer(context.createQueue("q")).close();

        assertThat(recording.calls).contains("MessageConsumer.close");
    }
}
