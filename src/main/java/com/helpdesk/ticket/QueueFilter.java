package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;

/**
 * Which tickets a list shows. {@code null} fields do not filter.
 *
 * @param view a ready-made view, or {@code null} for all tickets
 * @param viewGroupId the group of a {@link QueueView#GROUP} view
 * @param text words to find (PostgreSQL full-text search), or a ticket number
 */
public record QueueFilter(QueueView view, Long viewGroupId, TicketStatus status, Priority priority, RequestType type,
		Long clientId, Long groupId, Long assigneeId, String text, int pageSize) {

	public static final int DEFAULT_PAGE_SIZE = 25;

	public static final int MAX_PAGE_SIZE = 100;

	public static QueueFilter of(QueueView view) {
		return new QueueFilter(view, null, null, null, null, null, null, null, null, DEFAULT_PAGE_SIZE);
	}

	public QueueFilter withPageSize(int size) {
		return new QueueFilter(this.view, this.viewGroupId, this.status, this.priority, this.type, this.clientId,
				this.groupId, this.assigneeId, this.text, Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
	}

}
