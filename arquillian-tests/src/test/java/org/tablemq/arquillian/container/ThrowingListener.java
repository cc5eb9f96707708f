package org.tablemq.arquillian.container;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Writes a row, then throws: the container rolls back the write and the consumption together. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ItResources.THROWING_QUEUE),
        @ActivationConfigProperty(propertyName = "maxDeliveryAttempts", propertyValue = "3"),
        @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "100"),
        @ActivationConfigProperty(propertyName = "deadLetterQueue", propertyValue = ItResources.DEAD_LETTERS)
})
public class ThrowingListener implements MessageListener {

    @Resource(lookup = ItResources.DATASOURCE)
    private DataSource ds;

    @Override
    public void onMessage(Message message) {
        try {
            Attempts.record("throwing", message);
            ItResources.insertWrite(ds, message.getStringProperty(ItResources.KEY), "written before the failure");
        } catch (Exception e) {
            throw new IllegalStateException("Test listener could not write", e);
        }
        throw new IllegalStateException("Handler fails after writing (deliberate, for the test)");
    }
}
