package org.tablemq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQConnectionFactory;
import picocli.CommandLine;

/** The command line against a store, run once per database by a tiny subclass: its output and its exit codes. */
abstract class CliContract {

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    protected String url;
    protected String prefix;

    protected abstract CliDatabase database();

    @BeforeEach
    void store() throws Exception {
        database().assumeAvailable();
        url = database().url();
        prefix = CliDatabase.uniquePrefix();
    }

    protected TableMQConnectionFactory factory() {
        TableMQConnectionFactory f = new TableMQConnectionFactory(url);
        f.setUser(database().user());
        f.setPassword("");
        f.setTablePrefix(prefix);
        return f;
    }

    protected Run cli(String... command) {
        List<String> args = new ArrayList<>(List.of("--url=" + url, "--user=" + database().user(), "--password=",
                "--table-prefix=" + prefix));
        args.addAll(List.of(command));
        return cli(args);
    }

    protected static Run cli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = TableMQCli.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private void send(String queue, int count) throws Exception {
        try (Connection c = factory().createConnection()) {
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(queue));
            for (int i = 0; i < count; i++) {
                p.send(s.createTextMessage("m" + i));
            }
        }
        TableMQConnectionFactory.closeIdleStores();
    }

    private void deadLetter(String queueName) throws Exception {
        TableMQConnectionFactory f = factory();
        f.setMaxDeliveryAttempts(1);
        try (Connection c = f.createConnection()) {
            c.start();
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = s.createQueue(queueName);
            s.createProducer(queue).send(s.createTextMessage("poison"));
            s.commit();
            assertThat(s.createConsumer(queue).receive(5_000)).isNotNull();
            s.rollback();
        }
        TableMQConnectionFactory.closeIdleStores();
    }

    @Test
    void queuesPrintsOneLinePerQueueWithItsDepthAsColumnsOrJson() throws Exception {
        send("orders", 2);

        Run columns = cli("queues");
        Run json = cli("queues", "--json");

        assertThat(columns.exit()).isZero();
        assertThat(columns.out().lines().findFirst().orElseThrow()).startsWith("name").contains("ready", "deadLetters");
        assertThat(columns.out().lines()).anySatisfy(l -> assertThat(l.split("\\s+")).startsWith("orders", "2", "0", "0"));
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("{\"name\":\"orders\",\"ready\":2,\"inFlight\":0,\"scheduled\":0,\"held\":0,"
                + "\"deadLetters\":0,\"oldestAgeMs\":");
    }

    @Test
    void healthExitsOneWhileADeadLetterWaitsAndZeroOnceItIsRetried() throws Exception {
        deadLetter("orders");

        Run sick = cli("health");
        Run retry = cli("dlq", "retry", "DLQ.orders");
        Run well = cli("health", "--json");

        assertThat(sick.exit()).isEqualTo(ExitCodes.UNHEALTHY);
        assertThat(sick.out()).contains("unhealthy", "1 dead letter(s) from queue 'orders'");
        assertThat(retry.exit()).isZero();
        assertThat(retry.out()).contains("DLQ.orders: 1 dead letter(s) retried, 0 left in place");
        assertThat(well.exit()).isZero();
        assertThat(well.out()).contains("\"healthy\":true", "\"problems\":[]");
    }

    @Test
    void dlqListShowsEachDeadLetterWithItsOriginAndReason() throws Exception {
        deadLetter("orders");

        Run list = cli("dlq", "list", "DLQ.orders");

        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("queue 'orders'", "poison");
    }

    @Test
    void anUnknownQueueIsRefusedWithExitCodeFourAndNamed() throws Exception {
        send("orders", 1);

        Run run = cli("purge", "nowhere");

        assertThat(run.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("nowhere");
    }
}
