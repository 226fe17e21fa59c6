package com.helpdesk.ticket;

import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.ticket.internal.TicketReader;
import com.helpdesk.ticket.internal.AttachmentStore;
import com.helpdesk.ticket.internal.QueueCounter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tickets for pages and the API, always as a given person: a requester only ever
 * gets their client's tickets and never internal notes.
 */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

	private final TicketReader reader;

	private final AttachmentStore files;

	private final QueueCounter counter;

	TicketQueries(TicketReader reader, AttachmentStore files, QueueCounter counter) {
		this.reader = reader;
		this.files = files;
		this.counter = counter;
	}

	public TicketView ticket(Person viewer, long id) {
		return this.reader.ticket(viewer, id).orElseThrow(() -> new NotFoundException("ticket", id));
	}

	/**
	 * What happened to the ticket after the version the person read.
	 */
	public List<TimelineEntry> changesSince(Person viewer, long id, long readVersion) {
		return this.reader.ticket(viewer, id, readVersion)
			.orElseThrow(() -> new NotFoundException("ticket", id))
			.timeline();
	}

	/**
	 * The ticket's main facts, for modules acting on the helpdesk's own behalf (not for a
	 * person's eyes).
	 */
	public TicketSummary summary(long id) {
		return this.reader.summary(id).orElseThrow(() -> new NotFoundException("ticket", id));
	}

	public TicketPage page(Person viewer, QueueFilter filter, String cursor) {
		return this.reader.page(viewer, filter, cursor);
	}

	/**
	 * How many tickets each of the sidebar's views holds for the person, counted up to
	 * {@link QueueCounts#CAP} and kept for a short while, and the groups they belong to.
	 */
	public QueueCounts counts(Person viewer) {
		return this.counter.counts(viewer);
	}

	public AttachmentDownload download(Person viewer, long attachmentId) {
		AttachmentInfo info = this.reader.attachment(viewer, attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		byte[] content = this.files.content(attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		return new AttachmentDownload(info.filename(), info.contentType(), info.size(), content);
	}

	/**
	 * Tickets raised in {@code [from, to)}, oldest first, at most {@code limit}.
	 */
	public java.util.List<TicketBrief> raisedBetween(java.time.Instant from, java.time.Instant to, int limit) {
		return this.reader.briefs("t.created_at >= ? and t.created_at < ?", "t.created_at, t.id", limit,
				java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
	}

	/**
	 * Unsolved CRITICAL tickets and incidents, oldest first, at most {@code limit}.
	 */
	public java.util.List<TicketBrief> openUrgent(int limit) {
		return this.reader.briefs("t.status <> 'SOLVED' and (t.priority = 'CRITICAL' or t.type = 'INCIDENT')",
				"t.created_at, t.id", limit);
	}

	/**
	 * Some tickets by id, in the order asked.
	 */
	public java.util.List<TicketBrief> briefs(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.List.of();
		}
		return this.reader.briefs("t.id = any(?)", "t.id", ids.size(), (Object) ids.toArray(Long[]::new));
	}

	/**
	 * Some tickets by id as this person may see them: a requester only their client's.
	 */
	public java.util.List<TicketBrief> briefs(Person viewer, java.util.Collection<Long> ids) {
		if (!viewer.isRequester()) {
			return briefs(ids);
		}
		if (ids.isEmpty() || viewer.clientId() == null) {
			return java.util.List.of();
		}
		return this.reader.briefs("t.id = any(?) and t.client_id = ?", "t.id", ids.size(),
				(Object) ids.toArray(Long[]::new), viewer.clientId());
	}

}
