package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

class ForeignObjectsTest extends FacadeTestBase {

    /** A TextMessage of "another provider": a proxy that records the header fields set on it. */
    private static TextMessage foreignText(String text, Map<String, Object> headers) {
        return (TextMessage) Proxy.newProxyInstance(ForeignObjectsTest.class.getClassLoader(), new Class<?>[] {TextMessage.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("getText")) {
                        return text;
                    }
                    if (name.equals("getPropertyNames")) {
                        return Collections.emptyEnumeration();
                    }
                    if (name.startsWith("setJMS") && args != null && args.length == 1) {
                        headers.put(name.substring(3), args[0] == null ? "null" : args[0]);
                        return null;
                    }
                    if (name.startsWith("getJMS")) {
                        Object v = headers.get(name.substring(3));
                        Class<?> r = method.getReturnType();
                        if (v != null && v != "null") {
                            return v;
                        }
                        return r == int.class ? 4 : r == long.class ? 0L : r == boolean.class ? false : null;
                    }
                    if (name.equals("isBodyAssignableTo")) {
                        return true;
                    }
                    if (name.equals("getBody")) {
                        return text;
                    }
                    if (name.equals("toString")) {
                        return "ForeignTextMessage";
                    }
                    if (name.equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if (name.equals("equals")) {
                        return proxy == args[0];
                    }
                    return null;
                });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void foreignMessageIsSentAndGetsItsHeaderFieldsSet(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("foreign"));
        Map<String, Object> headers = new ConcurrentHashMap<>();
        s.createProducer(q).send(foreignText("from elsewhere", headers));
        Message got = s.createConsumer(q).receive(5000);
        assertThat(text(got)).isEqualTo("from elsewhere");
        assertThat(headers.get("JMSMessageID")).isEqualTo(got.getJMSMessageID());
        assertThat(headers.get("JMSDestination")).isEqualTo(q);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void foreignQueueIsResolvedByName(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        String name = unique("foreign-queue");
        Queue foreign = () -> name;
        send(s, foreign, "by name");
        assertThat(text(s.createConsumer(s.createQueue(name)).receive(5000))).isEqualTo("by name");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recoverInsideAnAutoListenerRedeliversTheCurrentMessage(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("recover-in-listener"));
        java.util.List<Boolean> redelivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                redelivered.add(m.getJMSRedelivered());
                if (redelivered.size() == 1) {
                    s.recover();
                }
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
        send(connect(db).createSession(), q, "twice");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(redelivered).containsExactly(false, true));
    }
}
