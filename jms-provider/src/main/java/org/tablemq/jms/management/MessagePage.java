package org.tablemq.jms.management;

import java.util.List;

/**
 * One page of a browse, oldest first.
 *
 * @param messages the messages of this page
 * @param nextAfter what to pass as {@code afterId} for the next page; -1 when this page is the last
 */
public record MessagePage(List<MessageView> messages, long nextAfter) {
}
