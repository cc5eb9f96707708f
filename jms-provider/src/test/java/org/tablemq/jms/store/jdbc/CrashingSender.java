package org.tablemq.jms.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.SubscriberMatcher;

/**
 * Run in a child JVM by the crash test: sends numbered messages one by one and prints each number once its
 * send returned, until it is killed.
 * Arguments: url, user, password, table prefix, queue name.
 */
public final class CrashingSender {

    private CrashingSender() {
    }

    public static void main(String[] args) throws Exception {
        JdbcStoreConfig config = JdbcStoreConfig.defaults(args[0]).withUser(args[1]).withPassword(args[2])
                .withTablePrefix(args[3]);
        DestinationRef queue = DestinationRef.queue(args[4]);
        JdbcMessageStore store = JdbcMessageStore.open(config);
        for (int i = 0; ; i++) {
            String text = "m" + i;
            store.send(List.of(new OutgoingMessage(queue, "ID:" + text, text.getBytes(StandardCharsets.UTF_8), 4, 0, 0,
                    true, null, SubscriberMatcher.ALL)));
            System.out.println("sent " + i);
            System.out.flush();
        }
    }
}
