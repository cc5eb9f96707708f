package org.tablemq.arquillian.container;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Writes a row, then marks the transaction rollback-only and returns normally. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ItResources.ROLLBACK_ONLY_QUEUE),
        @ActivationConfigProperty(propertyName = "maxDeliveryAttempts", propertyValue = "3"),
        @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "100"),
        @ActivationConfigProperty(propertyName = "deadLetterQueue", propertyValue = ItResources.DEAD_LETTERS)
})
public class RollbackOnlyListener implements MessageListener {

    @Resource
    private MessageDrivenContext context;
    @Resource(lookup = ItResources.DATASOURCE)
    private DataSource ds;

    @Override
    public void onMessage(Message message) {
        try {
            Attempts.record("rollback-only", message);
            ItResources.insertWrite(ds, message.getStringProperty(ItResources.KEY), "written before setRollbackOnly");
        } catch (Exception e) {
            throw new IllegalStateException("Test listener could not write", e);
        }
        context.setRollbackOnly();
    }
}
