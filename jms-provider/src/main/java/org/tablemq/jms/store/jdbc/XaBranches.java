package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tablemq.jms.store.DuplicateXidException;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.UnknownXidException;
import org.tablemq.jms.store.XidKey;

/**
 * Prepared XA branches: a row per branch (its Xid), the branch's sends as invisible rows ({@code P}), its acked
 * and released messages held ({@code H}) with the branch's id, and its releases' details in a side table. Any
 * node can decide a branch, also after the preparing node died, because everything is in the database.
 */
final class XaBranches {

    private record PreparedRelease(long messageId, boolean delivered, long redeliverAt, Long deadLetterEndpoint,
                                   String reason) {
    }

    private final Jdbc jdbc;
    private final Dialect sql;
    private final String nodeId;
    private final Notifier notifier;

    XaBranches(Jdbc jdbc, Dialect sql, String nodeId, Notifier notifier) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.nodeId = nodeId;
        this.notifier = notifier;
    }

    /** Inserts the branch row inside the prepare transaction and returns its id. */
    long insert(Connection c, XidKey xid) throws SQLException, StoreException {
        if (find(c, xid) != null) {
            throw new DuplicateXidException("Cannot prepare " + xid + ": a branch with this Xid is already prepared");
        }
        try {
            return jdbc.insert(c, sql.insertBranch, ps -> {
                ps.setInt(1, xid.formatId());
                ps.setBytes(2, xid.globalTransactionId());
                ps.setBytes(3, xid.branchQualifier());
                ps.setString(4, nodeId);
                ps.setLong(5, System.currentTimeMillis());
            });
        } catch (SQLException e) {
            if (SqlErrors.classify(e) == SqlErrors.Kind.UNIQUE_VIOLATION) {
                throw new DuplicateXidException("Cannot prepare " + xid + ": a branch with this Xid was prepared concurrently");
            }
            throw e;
        }
    }

    /** Applies the branch: held acks deleted, held releases applied, prepared sends made visible. */
    Touched commit(XidKey xid) throws StoreException {
        return jdbc.inTransaction("commit prepared " + xid, c -> {
            long branch = require(c, xid, "commit");
            Touched touched = endpoints(c, branch);
            Jdbc.update(c, sql.deleteHeldAcks, ps -> {
                ps.setLong(1, branch);
                ps.setLong(2, branch);
            });
            for (PreparedRelease r : releases(c, branch)) {
                if (r.deadLetterEndpoint() == null) {
                    Jdbc.update(c, sql.releaseHeldRow, ps -> {
                        ps.setLong(1, r.redeliverAt());
                        ps.setInt(2, r.delivered() ? 0 : 1);
                        ps.setLong(3, r.messageId());
                        ps.setLong(4, branch);
                    });
                } else {
                    Jdbc.update(c, sql.deadLetterHeldRow, ps -> {
                        ps.setString(1, r.reason());
                        ps.setLong(2, r.deadLetterEndpoint());
                        ps.setLong(3, r.messageId());
                        ps.setLong(4, branch);
                    });
                    touched.add(r.deadLetterEndpoint(), 0);
                }
            }
            Jdbc.update(c, sql.publishPrepared, ps -> ps.setLong(1, branch));
            forget(c, branch);
            notifier.announce(c, touched);
            return touched;
        });
    }

    /** Discards the branch: its sends deleted, its held messages deliverable again with their count kept. */
    Touched rollback(XidKey xid) throws StoreException {
        return jdbc.inTransaction("roll back prepared " + xid, c -> {
            long branch = require(c, xid, "roll back");
            Touched touched = endpoints(c, branch);
            Jdbc.update(c, sql.deletePrepared, ps -> ps.setLong(1, branch));
            Jdbc.update(c, sql.unholdRows, ps -> ps.setLong(1, branch));
            forget(c, branch);
            notifier.announce(c, touched);
            return touched;
        });
    }

    List<XidKey> recover() throws StoreException {
        return jdbc.autoCommit("list prepared XA branches", c -> Jdbc.query(c, sql.listBranches, ps -> { },
                rs -> new XidKey(rs.getInt(1), rs.getBytes(2), rs.getBytes(3))));
    }

    private long require(Connection c, XidKey xid, String verb) throws SQLException, UnknownXidException {
        Long branch = find(c, xid);
        if (branch == null) {
            throw new UnknownXidException("Cannot " + verb + " " + xid + ": no branch with this Xid is prepared");
        }
        return branch;
    }

    private Long find(Connection c, XidKey xid) throws SQLException {
        return Jdbc.queryOne(c, sql.selectBranch, ps -> {
            ps.setInt(1, xid.formatId());
            ps.setBytes(2, xid.globalTransactionId());
            ps.setBytes(3, xid.branchQualifier());
        }, rs -> rs.getLong(1)).orElse(null);
    }

    private Touched endpoints(Connection c, long branch) throws SQLException {
        Touched touched = new Touched();
        for (long endpoint : Jdbc.query(c, sql.endpointsOfBranch, ps -> ps.setLong(1, branch), rs -> rs.getLong(1))) {
            touched.addEndpoint(endpoint);
        }
        return touched;
    }

    private List<PreparedRelease> releases(Connection c, long branch) throws SQLException {
        return Jdbc.query(c, sql.branchReleases, ps -> ps.setLong(1, branch), rs -> {
            long dl = rs.getLong(4);
            Long deadLetter = rs.wasNull() ? null : dl;
            return new PreparedRelease(rs.getLong(1), rs.getBoolean(2), rs.getLong(3), deadLetter, rs.getString(5));
        });
    }

    private void forget(Connection c, long branch) throws SQLException {
        Jdbc.update(c, sql.deleteBranchReleases, ps -> ps.setLong(1, branch));
        Jdbc.update(c, sql.deleteBranch, ps -> ps.setLong(1, branch));
    }
}
