package com.helpdesk.ticket.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.helpdesk.ticket.TimelineEntry;

/**
 * A ticket's timeline as the agent reads it: newest first, and everything one person
 * saved in one submit (a reply with its status, priority and assignee changes) as one
 * change.
 */
final class Conversation {

	private Conversation() {
	}

	/**
	 * One submit: who, when, the message if there was one, and the changes made with it.
	 *
	 * @param message the reply, note or request written, or {@code null}
	 * @param changes the other entries, in the order they were saved
	 */
	record Change(long id, Instant at, String actorName, TimelineEntry message, List<TimelineEntry> changes) {

		/** The entry that names this change: its message, else its first change. */
		public TimelineEntry lead() {
			return (this.message != null) ? this.message : this.changes.get(0);
		}

		/** The changes listed under the lead. */
		public List<TimelineEntry> rest() {
			return (this.message != null) ? this.changes : this.changes.subList(1, this.changes.size());
		}

	}

	static List<Change> of(List<TimelineEntry> timeline) {
		List<List<TimelineEntry>> runs = new ArrayList<>();
		TimelineEntry previous = null;
		boolean runHasMessage = false;
		for (TimelineEntry entry : timeline) {
			if (previous == null || !sameSubmit(previous, entry) || (entry.isComment() && runHasMessage)) {
				runs.add(new ArrayList<>());
				runHasMessage = false;
			}
			runs.get(runs.size() - 1).add(entry);
			runHasMessage |= entry.isComment();
			previous = entry;
		}
		List<Change> changes = new ArrayList<>();
		for (List<TimelineEntry> run : runs) {
			TimelineEntry message = run.stream().filter(TimelineEntry::isComment).findFirst().orElse(null);
			List<TimelineEntry> rest = run.stream().filter((e) -> e != message).toList();
			TimelineEntry first = run.get(0);
			changes.add(0, new Change(first.id(), first.at(), first.actorName(), message, rest));
		}
		return changes;
	}

	/**
	 * Saved by the same person at the same moment into the same version of the ticket.
	 */
	private static boolean sameSubmit(TimelineEntry a, TimelineEntry b) {
		return a.ticketVersion() == b.ticketVersion() && a.at().equals(b.at())
				&& Objects.equals(a.actorId(), b.actorId());
	}

}
