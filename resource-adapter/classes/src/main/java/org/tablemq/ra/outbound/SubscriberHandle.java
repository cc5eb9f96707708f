package org.tablemq.ra.outbound;

import jakarta.jms.JMSException;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

/** The legacy durable-subscriber form of {@link ConsumerHandle}. */
final class SubscriberHandle extends ConsumerHandle implements TopicSubscriber {

    private final TopicSubscriber subscriber;

    SubscriberHandle(SessionHandle session, TopicSubscriber subscriber) {
        super(session, subscriber);
        this.subscriber = subscriber;
    }

    @Override
    public Topic getTopic() throws JMSException {
        open();
        return subscriber.getTopic();
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        open();
        return subscriber.getNoLocal();
    }
}
