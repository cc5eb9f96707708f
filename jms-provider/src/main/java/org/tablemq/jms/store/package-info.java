/**
 * The store SPI: what the JMS facade needs from where messages live, with no JDBC and no facade types in it.
 * {@link org.tablemq.jms.store.MessageStore} is the entry point; the JDBC implementation is in
 * {@code org.tablemq.jms.store.jdbc}.
 */
package org.tablemq.jms.store;
