package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;

/**
 * Which tickets a list shows. {@code null} fields do not filter.
 *
 * @param view a ready-made view, or {@code null} for all tickets
 * @param viewGroupId the group of a {@link QueueView#GROUP} view
 * @param text what to find: words (PostgreSQL full-text search), a requester's name or
 * email, a client's name or a ticket number, and the terms {@code requester:},
 * {@code client:}, {@code status:} and {@code #123}
 * @param withinView whether a search keeps to the view; otherwise searching looks through
 * every ticket, whatever the view's status
 */
public record QueueFilter(QueueView view, Long viewGroupId, TicketStatus status, Priority priority, RequestType type,
		Long clientId, Long groupId, Long assigneeId, String text, int pageSize, boolean withinView) {

	public static final int DEFAULT_PAGE_SIZE = 25;

	public static final int MAX_PAGE_SIZE = 100;

	public QueueFilter(QueueView view, Long viewGroupId, TicketStatus status, Priority priority, RequestType type,
			Long clientId, Long groupId, Long assigneeId, String text, int pageSize) {
		this(view, viewGroupId, status, priority, type, clientId, groupId, assigneeId, text, pageSize, false);
	}

	public static QueueFilter of(QueueView view) {
		return new QueueFilter(view, null, null, null, null, null, null, null, null, DEFAULT_PAGE_SIZE);
	}

	public QueueFilter withPageSize(int size) {
		return new QueueFilter(this.view, this.viewGroupId, this.status, this.priority, this.type, this.clientId,
				this.groupId, this.assigneeId, this.text, Math.max(1, Math.min(size, MAX_PAGE_SIZE)), this.withinView);
	}

	public boolean searching() {
		return this.text != null && !this.text.isBlank();
	}

	/**
	 * The view whose limits apply: none while searching, unless the search keeps to it.
	 */
	public QueueView effectiveView() {
		return (searching() && !this.withinView) ? null : this.view;
	}

}
