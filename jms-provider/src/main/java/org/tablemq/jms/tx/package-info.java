/**
 * Transaction work of a session. {@link org.tablemq.jms.tx.TransactionContext} is a null object: the send path
 * and the acknowledgement code always call {@code send}/{@code acknowledge} on the session's context and never
 * ask whether the session is transacted.
 * <ul>
 *   <li>{@link org.tablemq.jms.tx.NoTransactionContext}: each call is one store call;</li>
 *   <li>{@link org.tablemq.jms.tx.LocalTransactionContext}: buffered, applied by one store commit;</li>
 *   <li>an XA context (added by the XA work) buffers into the enlisted branch and prepares/commits it through
 *       its XAResource.</li>
 * </ul>
 * <h2>How XA plugs in without editing the session</h2>
 * A session never constructs its context: it asks its connection through the one overridable factory method
 * {@code TableMQConnection.createTransactionContext(String owner, boolean transacted)}. An XA connection
 * subclass overrides that method (and, if it needs an XASession type, {@code TableMQConnection.newSession}) to
 * return its XA context; the session, the ack tracker and the send path stay as they are.
 * <p>
 * {@link org.tablemq.jms.tx.RedeliveryPolicy} decides what a failed delivery becomes (a delayed redelivery or a
 * dead letter); {@link org.tablemq.jms.tx.StoreGateway} is the facade's one door to the store and its error
 * conversion.
 */
package org.tablemq.jms.tx;
