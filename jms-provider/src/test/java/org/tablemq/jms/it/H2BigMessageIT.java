package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Item "big messages on H2": in a child JVM with a 256 MB heap ({@link ChildJvm}) and {@code maxMessageSize} at its
 * maximum, a 48 MB message is refused before anything is written, naming the store's limit, while one just below the
 * limit (1/32 of the heap) is stored; afterwards the store opens with every message whose send returned.
 * <p>
 * Without the store's limit the 48 MB send ran H2 out of memory inside its store (measured: "OutOfMemoryError:
 * Capacity" in the send; at 6 x 8 MB claimed at once the file was corrupted for good).
 */
class H2BigMessageIT {

    private static final String QUEUE = "big";
    private static final int TOO_BIG = 48 * 1024 * 1024;
    /** Under 256 MB / 32 with room for the encoding's headers, whatever the JVM reports as its maximum heap. */
    private static final int JUST_BELOW = 7 * 1024 * 1024;

    @Test
    void aMessageTooBigForTheHeapIsRefusedBeforeWritingAndTheStoreKeepsEveryOtherMessage() throws Exception {
        TestDatabase db = TestDatabase.H2;
        String url = db.url();
        String prefix = TestDatabase.uniquePrefix();
        try (ChildJvm child = ChildJvm.start(BigMessageChild.class, url, db.user(), prefix, QUEUE,
                Integer.toString(TOO_BIG), Integer.toString(JUST_BELOW))) {
            await("the child to finish").atMost(Duration.ofSeconds(90))
                    .failFast(() -> {
                        if (!child.isAlive() && !child.printed("DONE")) {
                            throw new AssertionError("child died:\n" + child.lines() + "\n" + child.stderr());
                        }
                    })
                    .until(() -> child.printed("DONE"));
            assertThat(child.lines()).as(child.stderr())
                    .contains("SENT small-1", "SENT small-2", "SENT small-3", "SENT just-below", "SENT small-after")
                    .anySatisfy(line -> assertThat(line).startsWith("REFUSED").contains("queue '" + QUEUE + "'")
                            .contains("store's limit of").contains("maximum heap"))
                    .noneMatch(line -> line.startsWith("FAILED"));
        }

        TableMQConnectionFactory factory = TestFactories.create(db, url, prefix);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(QUEUE));
            List<String> names = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                names.add(((Message) e.nextElement()).getStringProperty("name"));
            }
            assertThat(names).containsExactly("small-1", "small-2", "small-3", "just-below", "small-after");
        } finally {
            TableMQConnectionFactory.closeIdleStores();
        }
    }
}
