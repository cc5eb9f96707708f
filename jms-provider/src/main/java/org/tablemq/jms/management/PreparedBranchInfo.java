package org.tablemq.jms.management;

import java.time.Instant;
import javax.transaction.xa.Xid;

/**
 * A prepared XA branch whose transaction manager has not decided yet.
 *
 * @param xid        the branch's Xid, what {@link TableMQManagement#commitPrepared} and {@code rollbackPrepared} take
 * @param nodeId     the node that prepared it (it may be gone: any node can decide it)
 * @param preparedAt when it was prepared
 * @param messages   messages it sent (invisible until commit) or settled (held until the decision)
 */
public record PreparedBranchInfo(Xid xid, String nodeId, Instant preparedAt, long messages) {
}
