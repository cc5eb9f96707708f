package org.tablemq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/** A message whose body is a String (null for none). */
public class TableMQTextMessage extends TableMQMessage implements TextMessage {

    private String text;

    public TableMQTextMessage() {
    }

    public TableMQTextMessage(String text) {
        this.text = text;
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText() {
        return text;
    }

    /** Sets the text of a decoded message, whose body is about to become read-only. */
    void restoreText(String text) {
        this.text = text;
    }

    @Override
    protected boolean hasBody() {
        return text != null;
    }

    @Override
    protected Object bodyValue() {
        return text;
    }

    @Override
    protected void clearBodyContent() {
        text = null;
    }

    @Override
    protected TableMQMessage newEmpty() {
        return new TableMQTextMessage();
    }

    @Override
    protected void copyBodyTo(TableMQMessage target) {
        ((TableMQTextMessage) target).text = text;
    }

    @Override
    protected String kindName() {
        return "TextMessage";
    }
}
