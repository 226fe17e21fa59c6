package com.helpdesk.ticket;

import java.util.List;
import java.util.Map;

/**
 * How many tickets each view of the sidebar holds for one person, counted exactly up to
 * {@link #CAP} and as "more" above it, so a count never reads a million rows; and the
 * groups the person belongs to.
 *
 * @param views per view, at most {@code CAP + 1}
 * @param groups per group (its group view), at most {@code CAP + 1}
 */
public record QueueCounts(Map<QueueView, Integer> views, Map<Long, Integer> groups, List<Long> myGroupIds) {

	public static final int CAP = 1000;

	/** Whether the person belongs to a group, and so lands on My groups. */
	public boolean inAGroup() {
		return !this.myGroupIds.isEmpty();
	}

	public Integer of(QueueView view) {
		return this.views.get(view);
	}

	public Integer ofGroup(long groupId) {
		return this.groups.get(groupId);
	}

}
