package org.tablemq.cli;

import jakarta.jms.JMSException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tablemq.jms.management.MessageView;
import org.tablemq.jms.management.NodeInfo;
import org.tablemq.jms.management.PreparedBranchInfo;
import org.tablemq.jms.management.QueueInfo;
import org.tablemq.jms.management.SubscriptionInfo;
import org.tablemq.jms.management.TableMQManagement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar tablemq.jar --url=<jdbc> [--user= --password= --table-prefix=] <command> [--json]}: the operator's
 * command line over {@link TableMQManagement}. Exit codes: see {@link ExitCodes}.
 */
@Command(name = "tablemq", mixinStandardHelpOptions = true, subcommands = DlqCommand.class,
        description = "Shows and manages what a TableMQ store holds.")
public final class TableMQCli {

    @Option(names = "--url", required = true, description = "JDBC URL of the store, e.g. jdbc:postgresql://host/db")
    String url;

    @Option(names = "--user", description = "database user")
    String user;

    @Option(names = "--password", description = "database password")
    String password;

    @Option(names = "--table-prefix", description = "prefix of the store's tables (default: TableMQ's)")
    String tablePrefix;

    @Option(names = "--json", scope = CommandLine.ScopeType.INHERIT, description = "print JSON instead of columns")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // the provider's lifecycle lines (store opened, closed) are not what an operator asked for
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** The command line with its failure handling, for {@link #main} and tests. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TableMQCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliFailure failure) {
                line.getErr().println("tablemq: " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        return cli;
    }

    @FunctionalInterface
    interface Work {
        int run(TableMQManagement management, PrintWriter out) throws JMSException;
    }

    /** Opens the store, runs the work, closes the store. */
    int withStore(Work work) {
        TableMQManagement management = StoreAccess.open(url, user, password, tablePrefix);
        try {
            return work.run(management, spec.commandLine().getOut());
        } catch (JMSException e) {
            throw StoreAccess.refused(e);
        } finally {
            StoreAccess.close(management);
        }
    }

    @Command(name = "queues", description = "One line per queue: ready, in flight, scheduled, held, dead letters, oldest age.")
    int queues() {
        return withStore((m, out) -> {
            Table t = new Table("name", "ready", "inFlight", "scheduled", "held", "deadLetters", "oldestAgeMs");
            for (QueueInfo q : m.queues()) {
                t.row(q.name(), q.ready(), q.inFlight(), q.scheduled(), q.heldByPreparedBranches(), q.deadLetters(),
                        q.oldestAgeMillis());
            }
            t.print(out, json);
            return ExitCodes.OK;
        });
    }

    @Command(name = "subscriptions", description = "One line per topic subscription, with its consumers.")
    int subscriptions() {
        return withStore((m, out) -> {
            Table t = new Table("topic", "name", "clientId", "durable", "ready", "inFlight", "scheduled", "held",
                    "deadLetters", "oldestAgeMs", "consumers");
            for (SubscriptionInfo s : m.subscriptions()) {
                t.row(s.topic(), s.name(), s.clientId(), s.durable(), s.ready(), s.inFlight(), s.scheduled(),
                        s.heldByPreparedBranches(), s.deadLetters(), s.oldestAgeMillis(), s.consumers());
            }
            t.print(out, json);
            return ExitCodes.OK;
        });
    }

    @Command(name = "nodes", description = "The nodes sharing the store, with their last heartbeat.")
    int nodes() {
        return withStore((m, out) -> {
            Table t = new Table("node", "alive", "lastHeartbeat");
            for (NodeInfo n : m.nodes()) {
                t.row(n.nodeId(), n.alive(), n.lastHeartbeat());
            }
            t.print(out, json);
            return ExitCodes.OK;
        });
    }

    @Command(name = "purge", description = "Deletes the messages of a queue that no consumer or XA branch holds.")
    int purge(@Parameters(paramLabel = "QUEUE") String queue) {
        return withStore((m, out) -> {
            long purged = m.purgeQueue(queue);
            print(out, Map.of("queue", queue, "purged", purged), queue + ": " + purged + " message(s) purged");
            return ExitCodes.OK;
        });
    }

    @Command(name = "health", description = "Exit code 0 when healthy, 1 with the problems listed otherwise.")
    int health(@Option(names = "--max-prepared-age", defaultValue = "PT1M",
            description = "a prepared XA branch older than this is a problem (ISO-8601, default PT1M)") Duration maxPrepared) {
        return withStore((m, out) -> {
            List<String> problems = new ArrayList<>();
            Instant now = Instant.now();
            for (PreparedBranchInfo b : m.preparedBranches()) {
                if (b.preparedAt().plus(maxPrepared).isBefore(now)) {
                    problems.add("XA branch prepared by " + b.nodeId() + " at " + b.preparedAt() + " is still undecided");
                }
            }
            for (QueueInfo q : m.queues()) {
                if (q.deadLetters() > 0) {
                    problems.add(q.deadLetters() + " dead letter(s) from queue '" + q.name() + "'");
                }
            }
            for (SubscriptionInfo s : m.subscriptions()) {
                if (s.deadLetters() > 0) {
                    problems.add(s.deadLetters() + " dead letter(s) from subscription '" + s.name() + "' on topic '"
                            + s.topic() + "'");
                }
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("healthy", problems.isEmpty());
            report.put("nodesAlive", m.nodes().stream().filter(NodeInfo::alive).count());
            report.put("problems", problems);
            print(out, report, problems.isEmpty() ? "healthy" : "unhealthy:\n  " + String.join("\n  ", problems));
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.UNHEALTHY;
        });
    }

    void print(PrintWriter out, Map<String, Object> json, String text) {
        out.println(this.json ? Json.of(json) : text);
        out.flush();
    }

    static Table messages(List<MessageView> views) {
        Table t = new Table("id", "state", "messageId", "deliveryCount", "enqueuedAt", "origin", "reason", "body");
        for (MessageView v : views) {
            t.row(v.id(), v.state(), v.headers().get("JMSMessageID"), v.deliveryCount(), v.enqueuedAt(),
                    v.deadLetterOrigin(), v.deadLetterReason(), v.bodyPreview());
        }
        return t;
    }
}
