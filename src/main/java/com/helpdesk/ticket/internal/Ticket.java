package com.helpdesk.ticket.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketLifecycle;
import com.helpdesk.ticket.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A request for help and where it stands. Status changes go through
 * {@link TicketLifecycle}; people and groups are referred to by id, as they belong to the
 * directory.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String subject;

	private String description;

	private String alreadyTried;

	@Enumerated(EnumType.STRING)
	private RequestType type;

	@Enumerated(EnumType.STRING)
	private TicketStatus status;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	private long clientId;

	private long requesterId;

	private Long assigneeId;

	private Long groupId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private String[] tags = new String[0];

	@Embedded
	private TicketDetails details;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant firstStaffReplyAt;

	private Instant pendingSince;

	private Instant pendingReminderAt;

	private Instant solvedAt;

	@Version
	private long version;

	protected Ticket() {
	}

	public Ticket(RequestType type, String subject, String description, String alreadyTried, Priority priority,
			RequestDetails details, long clientId, long requesterId, Long groupId, Instant now) {
		this.type = type;
		this.subject = subject;
		this.description = description;
		this.alreadyTried = alreadyTried;
		this.priority = priority;
		this.details = TicketDetails.of(details);
		this.clientId = clientId;
		this.requesterId = requesterId;
		this.groupId = groupId;
		this.status = TicketStatus.NEW;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A ticket brought from another helpdesk, raised at {@code createdAt}; its history is
	 * then applied in order.
	 */
	public static Ticket imported(RequestType type, String subject, String description, String alreadyTried,
			Priority priority, RequestDetails details, long clientId, long requesterId, Long groupId, List<String> tags,
			Instant createdAt) {
		Ticket ticket = new Ticket(type, subject, description, alreadyTried, priority, details, clientId, requesterId,
				groupId, createdAt);
		ticket.changeTags(tags);
		return ticket;
	}

	/**
	 * Moves the ticket to {@code next}, keeping the dates that depend on the status in
	 * step. Answers the status it had before.
	 */
	public TicketStatus moveTo(TicketStatus next, Instant now) {
		TicketStatus before = this.status;
		if (next != before) {
			this.status = next;
			if (next == TicketStatus.PENDING) {
				startPending(now);
			}
			else {
				this.pendingSince = null;
				this.pendingReminderAt = null;
			}
			this.solvedAt = (next == TicketStatus.SOLVED) ? now : null;
		}
		touch(now);
		return before;
	}

	public void staffRepliedPublicly(Instant now) {
		if (this.firstStaffReplyAt == null) {
			this.firstStaffReplyAt = now;
		}
		if (this.status == TicketStatus.PENDING) {
			startPending(now);
		}
	}

	private void startPending(Instant now) {
		this.pendingSince = now;
		this.pendingReminderAt = null;
	}

	public void reminded(Instant now) {
		this.pendingReminderAt = now;
		touch(now);
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

	public void changeType(RequestType type) {
		this.type = type;
	}

	public void changePriority(Priority priority) {
		this.priority = priority;
	}

	public void changeGroup(Long groupId) {
		this.groupId = groupId;
	}

	public void changeAssignee(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public void changeTags(List<String> tags) {
		this.tags = tags.toArray(String[]::new);
	}

	public Long getId() {
		return this.id;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getDescription() {
		return this.description;
	}

	public String getAlreadyTried() {
		return this.alreadyTried;
	}

	public RequestType getType() {
		return this.type;
	}

	public TicketStatus getStatus() {
		return this.status;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public long getClientId() {
		return this.clientId;
	}

	public long getRequesterId() {
		return this.requesterId;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public List<String> getTags() {
		return new ArrayList<>(List.of(this.tags));
	}

	public RequestDetails getDetails() {
		return (this.details != null) ? this.details.toRecord() : RequestDetails.none();
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getFirstStaffReplyAt() {
		return this.firstStaffReplyAt;
	}

	public Instant getPendingSince() {
		return this.pendingSince;
	}

	public Instant getPendingReminderAt() {
		return this.pendingReminderAt;
	}

	public Instant getSolvedAt() {
		return this.solvedAt;
	}

	public long getVersion() {
		return this.version;
	}

	public boolean staffHaveReplied() {
		return this.firstStaffReplyAt != null;
	}

}
