package org.tablemq.jms.client;

import jakarta.jms.ConnectionMetaData;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** What a TableMQ connection says about itself: Jakarta Messaging 3.1, and the JMSX properties it supports. */
public final class TableMQConnectionMetaData implements ConnectionMetaData {

    public static final TableMQConnectionMetaData INSTANCE = new TableMQConnectionMetaData();

    /** JMSX properties TableMQ supports: the delivery count it sets, and the group properties applications set. */
    public static final List<String> JMSX_PROPERTIES = List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");

    private static final String PROVIDER_VERSION = "0.1.0";

    private TableMQConnectionMetaData() {
    }

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return "TableMQ";
    }

    @Override
    public String getProviderVersion() {
        return PROVIDER_VERSION;
    }

    @Override
    public int getProviderMajorVersion() {
        return 0;
    }

    @Override
    public int getProviderMinorVersion() {
        return 1;
    }

    @Override
    public Enumeration<?> getJMSXPropertyNames() {
        return Collections.enumeration(JMSX_PROPERTIES);
    }
}
