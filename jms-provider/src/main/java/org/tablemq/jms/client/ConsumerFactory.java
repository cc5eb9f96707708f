package org.tablemq.jms.client;

import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.Optional;
import java.util.function.Predicate;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.message.DeserializationPolicy;
import org.tablemq.jms.selector.Selector;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.StoreLimits;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.Subscription;
import org.tablemq.jms.store.SubscriptionSpec;

/**
 * Builds a session's consumers and browsers: resolves the destination, parses the selector (an invalid one fails
 * here, at creation), finds or attaches the endpoint in the store, and gives the consumer its prefetch window.
 */
final class ConsumerFactory {

    private final TableMQSession session;

    ConsumerFactory(TableMQSession session) {
        this.session = session;
    }

    /** createConsumer: a queue consumer, or a topic consumer on a private non-durable subscription. */
    TableMQMessageConsumer plain(Destination destination, String selectorText, boolean noLocal) throws JMSException {
        TableMQDestination d = Destinations.resolve(destination, "create a consumer");
        String text = normalize(selectorText);
        Selector selector = parse(text);
        TableMQConnection connection = session.connection();
        connection.checkConsumable(d);
        DestinationRef ref = d.toRef();
        String name = session.nextChildName("consumer");
        if (ref.kind() == DestinationRef.Kind.QUEUE) {
            Endpoint endpoint = session.storeGateway().call("create a consumer on " + ref, s -> s.queueEndpoint(ref));
            return consumer(name, d, text, false, null, endpoint, queueFilter(selector, endpoint));
        }
        checkStoredSelector(text, "a consumer on " + ref);
        SubscriptionSpec spec = new SubscriptionSpec(ref.name(), null, connection.clientIdIfSet(), false, false, text,
                noLocal, NoLocalOrigin.of(connection.id(), connection.clientIdIfSet()));
        return attach(name, d, spec);
    }

    /** The named subscriptions: durable, shared, shared durable. */
    TableMQMessageConsumer subscription(Topic topic, String subscriptionName, String selectorText, boolean noLocal,
                                        boolean durable, boolean shared) throws JMSException {
        if (topic == null) {
            throw new InvalidDestinationException("Cannot create a " + kind(durable, shared) + " subscription: the topic is null");
        }
        Optional<String> badName = subscriptionNameProblem(subscriptionName);
        if (badName.isPresent()) {
            throw new JMSException("Cannot create a " + kind(durable, shared) + " subscription on " + topic + ": "
                    + badName.get());
        }
        TableMQDestination d = Destinations.resolve(topic, "create a " + kind(durable, shared) + " subscription");
        String text = normalize(selectorText);
        checkStoredSelector(text, "a " + kind(durable, shared) + " subscription on " + topic);
        parse(text);
        TableMQConnection connection = session.connection();
        connection.checkConsumable(d);
        String clientId = durable && !shared ? connection.clientIdForUse() : connection.clientIdIfSet();
        if (durable && !shared && clientId == null) {
            throw new IllegalStateException("Cannot create durable subscription '" + subscriptionName + "' on " + topic
                    + ": an unshared durable subscription needs the connection's client id, and none is set");
        }
        SubscriptionSpec spec = new SubscriptionSpec(d.getName(), subscriptionName, clientId, durable, shared, text,
                noLocal, NoLocalOrigin.of(connection.id(), clientId));
        return attach(session.nextChildName(kind(durable, shared) + " consumer '" + subscriptionName + "'"), d, spec);
    }

    TableMQQueueBrowser browser(Queue queue, String selectorText) throws JMSException {
        TableMQDestination d = Destinations.resolve(queue, "create a browser");
        String text = normalize(selectorText);
        Selector selector = parse(text);
        DestinationRef ref = d.toRef();
        Endpoint endpoint = session.storeGateway().call("browse " + ref, s -> s.queueEndpoint(ref));
        return new TableMQQueueBrowser(session, session.nextChildName("browser"), queue, text, selector, endpoint);
    }

    /** Detaches a closing consumer from its subscription (a private one disappears with its messages). */
    void detach(TableMQMessageConsumer c) throws JMSException {
        Subscription sub = c.subscription();
        if (sub != null) {
            session.storeGateway().run("detach " + c.description() + " from " + sub.spec().describe(), s -> s.detach(sub));
        }
    }

    private TableMQMessageConsumer attach(String name, TableMQDestination d, SubscriptionSpec spec) throws JMSException {
        DestinationRef ref = d.toRef();
        if (ref.temporary()) {
            // A subscription names its topic only, and attaching creates a topic on first use: a temporary topic
            // deleted meanwhile (its node was declared dead) must be refused, not created again as an ordinary one.
            session.storeGateway().run("attach to " + spec.describe(), s -> s.ensureDestination(ref));
        }
        Subscription sub = session.storeGateway().call("attach to " + spec.describe(), s -> s.attach(spec));
        return consumer(name, d, spec.selector(), spec.noLocal(), sub, sub.endpoint(), null);
    }

    private TableMQMessageConsumer consumer(String name, TableMQDestination d, String selectorText, boolean noLocal,
                                            Subscription sub, Endpoint endpoint, Predicate<StoredMessage> filter) {
        TableMQConnection connection = session.connection();
        String consumerId = consumerId(connection.id(), name);
        ConsumerBuffer buffer = new ConsumerBuffer(session.storeGateway(), endpoint, d.getName(), consumerId,
                connection.prefetch(), filter, connection.redeliveryPolicy(), connection.startGate(),
                session.acks()::flushLazy);
        return new TableMQMessageConsumer(session, name, d, selectorText, noLocal, sub, buffer);
    }

    /**
     * The id a consumer's claims carry: its connection and name. A long subscription name is elided from the middle,
     * as the end (child and session number) already makes the id unique and the store keeps at most
     * {@link StoreLimits#MAX_CONSUMER_ID} characters.
     */
    static String consumerId(String connectionId, String name) {
        String id = connectionId + "/" + name.replace(' ', '-');
        if (id.length() <= StoreLimits.MAX_CONSUMER_ID) {
            return id;
        }
        String head = connectionId + "/...";
        int from = id.length() - (StoreLimits.MAX_CONSUMER_ID - head.length());
        if (Character.isLowSurrogate(id.charAt(from))) {
            from++; // never start with half a pair
        }
        return head + id.substring(from);
    }

    /** A queue consumer's selector, evaluated at claim time; messages it refuses stay for other consumers. */
    private Predicate<StoredMessage> queueFilter(Selector selector, Endpoint endpoint) {
        if (selector == null) {
            return null;
        }
        DeserializationPolicy policy = session.connection().deserializationPolicy();
        return m -> {
            try {
                return selector.matches(IncomingMessages.decode(m, policy, endpoint.description()));
            } catch (JMSException e) {
                return false;
            }
        };
    }

    /**
     * Why the store cannot keep this subscription name (see {@link StoreLimits}), as a sentence naming the limit, or
     * empty when it can.
     */
    static Optional<String> subscriptionNameProblem(String name) {
        return StoreLimits.problem(name, StoreLimits.MAX_SUBSCRIPTION_NAME).map(p -> "the subscription name '"
                + StoreLimits.preview(name) + "' " + p + " (a subscription name is 1-" + StoreLimits.MAX_SUBSCRIPTION_NAME
                + " characters of well-formed UTF-16 without NUL)");
    }

    /** A topic subscription keeps its selector in the store: it must fit there (a queue consumer's does not). */
    private static void checkStoredSelector(String text, String what) throws InvalidSelectorException {
        if (text == null) {
            return;
        }
        Optional<String> problem = StoreLimits.problem(text, StoreLimits.MAX_SUBSCRIPTION_SELECTOR);
        if (problem.isPresent()) {
            throw new InvalidSelectorException("Cannot create " + what + ": the selector '" + StoreLimits.preview(text)
                    + "' " + problem.get() + " (the selector of a topic subscription is at most "
                    + StoreLimits.MAX_SUBSCRIPTION_SELECTOR + " characters of well-formed UTF-16 without NUL)");
        }
    }

    private static String normalize(String selectorText) {
        return selectorText == null || selectorText.isBlank() ? null : selectorText;
    }

    private static Selector parse(String text) throws JMSException {
        if (text == null) {
            return null;
        }
        Selector s = Selector.parse(text);
        return s.isAll() ? null : s;
    }

    private static String kind(boolean durable, boolean shared) {
        return durable ? (shared ? "shared durable" : "durable") : "shared";
    }
}
