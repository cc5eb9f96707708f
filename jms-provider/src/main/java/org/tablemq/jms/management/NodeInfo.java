package org.tablemq.jms.management;

import java.time.Instant;

/**
 * A node (a store opened by some JVM) as the shared database knows it.
 *
 * @param nodeId        its id, part of every claim it holds
 * @param lastHeartbeat when it last said it is alive
 * @param alive         whether its heartbeat is still fresh; a node that stopped is removed by the others later
 */
public record NodeInfo(String nodeId, Instant lastHeartbeat, boolean alive) {
}
