package org.tablemq.jms.management.jmx;

/** A store as JMX shows it; every figure covers the whole store, all nodes. */
public interface StoreControlMBean {

    /** This store instance's node id. */
    String getNodeId();

    int getQueueCount();

    int getSubscriptionCount();

    /** Nodes as {@code id alive|dead lastHeartbeat}. */
    String[] getNodes();

    /** Prepared, undecided XA branches as {@code formatId:gtridHex:bqualHex node preparedAt messages}. */
    String[] getPreparedBranches();

    /** Commits a prepared branch given as {@code formatId:gtridHex:bqualHex}: an operator's heuristic decision. */
    void commitPrepared(String xid) throws Exception;

    /** Rolls back a prepared branch given as {@code formatId:gtridHex:bqualHex}: an operator's heuristic decision. */
    void rollbackPrepared(String xid) throws Exception;

    /** Registers MBeans for queues and subscriptions created since the last look, and removes those gone. */
    void refresh() throws Exception;
}
