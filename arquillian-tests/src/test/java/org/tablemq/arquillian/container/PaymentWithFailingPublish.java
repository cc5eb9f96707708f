package org.tablemq.arquillian.container;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * The payment pattern with the failure on the messaging side: the row is written first, then a valid event is
 * sent, then a publish fails. The container rolls the whole transaction back.
 */
@Stateless
public class PaymentWithFailingPublish {

    @Resource(lookup = ItResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;
    @Resource(lookup = ItResources.DATASOURCE)
    private DataSource ds;

    public void pay(String key, String eventQueue) throws SQLException {
        ItResources.insertWrite(ds, key, "payment row");
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer().setProperty(ItResources.KEY, key).send(jms.createQueue(eventQueue), "event " + key);
            jms.createProducer().send(new ForeignTopic("payments-reply"), "this publish fails");
        }
    }
}
