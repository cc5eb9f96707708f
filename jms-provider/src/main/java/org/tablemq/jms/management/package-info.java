/**
 * The operator's view of a TableMQ store and the tools to correct what it holds, for the command line, JMX and the
 * resource adapter alike. Everything here reads the shared database, so any node (or a tool with only the JDBC URL)
 * sees every node's queues, subscriptions and prepared XA branches. Start at {@link org.tablemq.jms.management.TableMQManagement}.
 * <p>
 * Figures are taken at one instant and are not transactional across calls. Operations only touch messages nobody is
 * working on: a message claimed by a consumer or held by a prepared XA branch is never purged, deleted or moved.
 */
package org.tablemq.jms.management;
