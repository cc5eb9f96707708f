package org.tablemq.cli;

import java.util.Map;
import org.tablemq.jms.management.DeadLetterRetry;
import org.tablemq.jms.management.MessagePage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code dlq list QUEUE} and {@code dlq retry QUEUE}: the dead letters of a dead letter queue. */
@Command(name = "dlq", description = "Dead letters: list them, or retry them where they failed.")
final class DlqCommand {

    @ParentCommand
    TableMQCli cli;

    @Command(name = "list", description = "The dead letters of a dead letter queue, with origin and reason.")
    int list(@Parameters(paramLabel = "DLQ") String queue,
             @Option(names = "--max", defaultValue = "100", description = "at most this many (default 100)") int max) {
        return cli.withStore((m, out) -> {
            MessagePage page = m.browseQueue(queue, 0, max);
            TableMQCli.messages(page.messages()).print(out, cli.json);
            return ExitCodes.OK;
        });
    }

    @Command(name = "retry", description = "Moves dead letters back to the queue or subscription each failed on.")
    int retry(@Parameters(paramLabel = "DLQ") String queue,
              @Option(names = "--max", defaultValue = "1000", description = "at most this many (default 1000)") int max) {
        return cli.withStore((m, out) -> {
            DeadLetterRetry r = m.retryDeadLetters(queue, max);
            cli.print(out, Map.of("queue", queue, "retried", r.retried(), "leftInPlace", r.leftInPlace()),
                    queue + ": " + r.retried() + " dead letter(s) retried, " + r.leftInPlace() + " left in place");
            return ExitCodes.OK;
        });
    }
}
