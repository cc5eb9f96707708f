package org.tablemq.jms.client;

import java.util.function.Supplier;

/**
 * Which context's callback the current thread is running, so a context can refuse the calls the spec forbids
 * there: {@code close}/{@code stop} from a MessageListener, {@code close}/{@code commit}/{@code rollback} from
 * a CompletionListener of the same context.
 */
final class TableMQContextCallbacks {

    private static final ThreadLocal<TableMQContext> LISTENER = new ThreadLocal<>();
    private static final ThreadLocal<TableMQContext> COMPLETION = new ThreadLocal<>();

    private TableMQContextCallbacks() {
    }

    /** The context whose MessageListener runs on this thread, or null. */
    static TableMQContext listenerContext() {
        return LISTENER.get();
    }

    /** The context whose CompletionListener runs on this thread, or null. */
    static TableMQContext completionContext() {
        return COMPLETION.get();
    }

    static void inListener(TableMQContext context, Runnable body) {
        within(LISTENER, context, () -> {
            body.run();
            return null;
        });
    }

    static void inCompletion(TableMQContext context, Runnable body) {
        within(COMPLETION, context, () -> {
            body.run();
            return null;
        });
    }

    private static <T> T within(ThreadLocal<TableMQContext> slot, TableMQContext context, Supplier<T> body) {
        TableMQContext previous = slot.get();
        slot.set(context);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                slot.remove();
            } else {
                slot.set(previous);
            }
        }
    }
}
