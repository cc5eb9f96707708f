package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Hostile ObjectMessage bodies made only of classes every policy allows: each fails with a MessageFormatException
 * naming the limit and its option, never with an Error, a full heap or minutes of CPU.
 */
class ObjectMessageLimitsTest {

    @Test
    void nestedSetsThatWouldHashForMinutesAreRefusedAtTheDepthLimit() throws JMSException {
        TableMQObjectMessage m = received(nestedSets(100), DeserializationPolicy.JDK_ONLY);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                        .hasMessageContaining("more than 20 levels deep").hasMessageContaining("objectMaxDepth"));
    }

    @Test
    void bodiesWithinTheDepthLimitAreRead() throws JMSException {
        TableMQObjectMessage m = received(nestedLists(15), DeserializationPolicy.JDK_ONLY);
        assertThat(m.getObject()).isEqualTo(nestedLists(15));
    }

    @Test
    void setObjectOfAGraphTooDeepForTheStackFailsWithMessageFormatException() {
        assertThatThrownBy(() -> new TableMQObjectMessage().setObject(nestedArrays(100_000)))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("nested too deeply");
    }

    @Test
    void getObjectOfABodyTooDeepForTheStackFailsWithMessageFormatExceptionEvenUnderARaisedLimit() throws Exception {
        byte[] deep = onStackOf(512L << 20, () -> MessageCodec.encode(new TableMQObjectMessage(nestedArrays(9_000))));
        DeserializationPolicy raised = new DeserializationPolicy(List.of(), new DeserializationLimits(10_000,
                1_000_000, 1_000_000, 10 * 1024 * 1024));
        TableMQObjectMessage m = (TableMQObjectMessage) MessageCodec.decode(deep, raised);
        Throwable thrown = onStackOf(256L << 10, () -> {
            try {
                m.getObject();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertThat(thrown).isInstanceOf(MessageFormatException.class).hasMessageContaining("too deeply for the stack")
                .hasMessageContaining("objectMaxDepth");
    }

    @Test
    void arraysAndCollectionsLongerThanTheLimitAreRefused() throws JMSException {
        DeserializationPolicy policy = limited(new DeserializationLimits(20, 1_000_000, 10, 1_000_000));
        assertThatThrownBy(received(new int[11], policy)::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("11 elements, more than 10").hasMessageContaining("objectMaxArrayLength");
        ArrayList<Integer> eleven = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        assertThatThrownBy(received(eleven, policy)::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("objectMaxArrayLength");
        assertThat(received(new int[10], policy).getObject()).isEqualTo(new int[10]);
    }

    @Test
    void bodiesWithTooManyReferencesOrBytesAreRefused() throws JMSException {
        ArrayList<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            numbers.add(1_000 + i);   // distinct objects, not the shared small Integers
        }
        assertThatThrownBy(received(numbers, limited(new DeserializationLimits(20, 100, 1_000, 1_000_000)))::getObject)
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("more than 100 objects")
                .hasMessageContaining("objectMaxReferences");
        assertThatThrownBy(received(numbers, limited(new DeserializationLimits(20, 1_000, 1_000, 1_000)))::getObject)
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("longer than 1000 bytes")
                .hasMessageContaining("objectMaxBytes");
        assertThat(received(numbers, limited(new DeserializationLimits(20, 1_000, 1_000, 10_000))).getObject())
                .isEqualTo(numbers);
    }

    @Test
    void theApplicationsOwnObjectIsReadWithoutLimits() throws JMSException {
        TableMQObjectMessage own = new TableMQObjectMessage(nestedLists(50));
        assertThat(own.getObject()).isEqualTo(nestedLists(50));
    }

    private static DeserializationPolicy limited(DeserializationLimits limits) {
        return new DeserializationPolicy(List.of(), limits);
    }

    private static TableMQObjectMessage received(Serializable body, DeserializationPolicy policy) throws JMSException {
        return (TableMQObjectMessage) MessageCodec.decode(MessageCodec.encode(new TableMQObjectMessage(body)), policy);
    }

    /** The classic "serial DoS": deserializing it hashes 2^levels sets. */
    private static HashSet<Object> nestedSets(int levels) {
        HashSet<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    private static ArrayList<Object> nestedLists(int depth) {
        ArrayList<Object> list = new ArrayList<>(List.of("bottom"));
        for (int i = 1; i < depth; i++) {
            list = new ArrayList<>(List.of(list));
        }
        return list;
    }

    private static Object[] nestedArrays(int depth) {
        Object[] array = new Object[0];
        for (int i = 0; i < depth; i++) {
            array = new Object[] {array};
        }
        return array;
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} on a thread of its own with the given stack size (a hint the JVM honours on Linux). */
    private static <T> T onStackOf(long stackBytes, Work<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.run());
            } catch (Exception e) {
                failure.set(e);
            }
        }, "object-limits-test", stackBytes);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
