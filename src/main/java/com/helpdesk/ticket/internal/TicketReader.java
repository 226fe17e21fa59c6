package com.helpdesk.ticket.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.helpdesk.directory.Person;
import com.helpdesk.ticket.AttachmentInfo;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.QueueFilter;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestDetails.ServerSpec;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketPage;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketSummary;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TimelineEntry;
import com.helpdesk.ticket.TimelineKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads tickets as people see them, in three statements for a whole ticket page: the
 * ticket with the names it shows, its timeline, its files. A requester's reads are
 * limited to their client's tickets in the SQL itself, so another client's ticket is
 * simply not found.
 */
@Component
public class TicketReader {

	private static final String VISIBLE_TO_REQUESTER = "('CREATED', 'PUBLIC_REPLY', 'REQUESTER_REPLY', "
			+ "'STATUS_CHANGED', 'PENDING_REMINDER')";

	private final JdbcClient jdbc;

	private final QueueQuery queue;

	TicketReader(JdbcClient jdbc, QueueQuery queue) {
		this.jdbc = jdbc;
		this.queue = queue;
	}

	public TicketPage page(Person viewer, QueueFilter filter, String cursor) {
		return this.queue.find(viewer, filter, cursor);
	}

	/**
	 * One-line tickets matching a fixed condition written by the ticket module itself.
	 */
	public java.util.List<com.helpdesk.ticket.TicketBrief> briefs(String where, String orderBy, int limit,
			Object... params) {
		Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
		all[params.length] = limit;
		return this.jdbc.sql("""
				select t.id, t.subject, t.status, t.priority, t.type, t.created_at, c.name as client_name
				from ticket t join client c on c.id = t.client_id
				where %s order by %s limit ?
				""".formatted(where, orderBy))
			.params(all)
			.query((rs, n) -> new com.helpdesk.ticket.TicketBrief(rs.getLong("id"), rs.getString("subject"),
					TicketStatus.valueOf(rs.getString("status")),
					com.helpdesk.shared.Priority.valueOf(rs.getString("priority")),
					com.helpdesk.ticket.RequestType.valueOf(rs.getString("type")),
					rs.getTimestamp("created_at").toInstant(), rs.getString("client_name")))
			.list();
	}

	public Optional<TicketSummary> summary(long id) {
		return this.jdbc.sql("""
				select id, subject, status, client_id, requester_id, assignee_id, group_id from ticket where id = ?
				""")
			.param(id)
			.query((rs, n) -> new TicketSummary(rs.getLong("id"), rs.getString("subject"),
					TicketStatus.valueOf(rs.getString("status")), rs.getLong("client_id"), rs.getLong("requester_id"),
					(Long) rs.getObject("assignee_id"), (Long) rs.getObject("group_id")))
			.optional();
	}

	public Optional<TicketView> ticket(Person viewer, long id) {
		return ticket(viewer, id, -1);
	}

	/**
	 * The ticket, with only the timeline entries after version {@code sinceVersion}.
	 */
	public Optional<TicketView> ticket(Person viewer, long id, long sinceVersion) {
		Optional<TicketView> head = this.jdbc.sql("""
				select t.*, c.name as client_name, p.name as plan_name, p.out_of_hours_critical,
				       r.name as requester_name, r.email as requester_email,
				       a.name as assignee_name, a.email as assignee_email, g.name as group_name
				from ticket t
				join client c on c.id = t.client_id
				join support_plan p on p.id = c.plan_id
				join app_user r on r.id = t.requester_id
				left join app_user a on a.id = t.assignee_id
				left join support_group g on g.id = t.group_id
				where t.id = :id and (cast(:client as bigint) is null or t.client_id = :client)
				""")
			.param("id", id)
			.param("client", viewer.isRequester() ? viewer.clientId() : null)
			.query((rs, n) -> head(rs))
			.optional();
		if (head.isEmpty()) {
			return head;
		}
		List<AttachmentInfo> files = attachments(id, viewer.isRequester());
		Map<Long, List<AttachmentInfo>> byComment = files.stream()
			.filter((f) -> f.commentId() != null)
			.collect(Collectors.groupingBy(AttachmentInfo::commentId));
		List<AttachmentInfo> requestFiles = files.stream().filter((f) -> f.commentId() == null).toList();
		List<TimelineEntry> timeline = timeline(id, viewer.isRequester(), sinceVersion, byComment);
		TicketView view = head.get();
		return Optional.of(new TicketView(view.id(), view.subject(), view.description(), view.alreadyTried(),
				view.type(), view.status(), view.priority(), view.clientId(), view.clientName(), view.planName(),
				view.outOfHoursCritical(), view.requesterId(), view.requesterName(), view.requesterEmail(),
				view.assigneeId(), view.assigneeName(), view.assigneeEmail(), view.groupId(), view.groupName(),
				view.tags(), view.details(), view.createdAt(), view.updatedAt(), view.firstStaffReplyAt(),
				view.pendingSince(), view.solvedAt(), view.version(), requestFiles, timeline));
	}

	/**
	 * A file's description, if the viewer may see the ticket and the comment it belongs
	 * to.
	 */
	public Optional<AttachmentInfo> attachment(Person viewer, long attachmentId) {
		return this.jdbc.sql("""
				select f.id, f.comment_id, f.filename, f.content_type, f.size_bytes
				from attachment f
				join ticket t on t.id = f.ticket_id
				left join ticket_comment cm on cm.id = f.comment_id
				where f.id = :id
				  and (cast(:client as bigint) is null or (t.client_id = :client and (cm.id is null or cm.public)))
				""")
			.param("id", attachmentId)
			.param("client", viewer.isRequester() ? viewer.clientId() : null)
			.query((rs, n) -> attachmentInfo(rs))
			.optional();
	}

	private List<AttachmentInfo> attachments(long ticketId, boolean requester) {
		return this.jdbc.sql("""
				select f.id, f.comment_id, f.filename, f.content_type, f.size_bytes
				from attachment f left join ticket_comment cm on cm.id = f.comment_id
				where f.ticket_id = :id and (not :requester or cm.id is null or cm.public)
				order by f.id
				""").param("id", ticketId).param("requester", requester).query((rs, n) -> attachmentInfo(rs)).list();
	}

	private List<TimelineEntry> timeline(long ticketId, boolean requester, long sinceVersion,
			Map<Long, List<AttachmentInfo>> files) {
		String visibility = requester ? " and e.kind in " + VISIBLE_TO_REQUESTER : "";
		return this.jdbc.sql("""
				select e.id, e.at, e.kind, e.actor_id, u.name as actor_name, u.role as actor_role, e.from_value,
				       e.to_value, e.detail, e.comment_id, cm.body, e.ticket_version
				from ticket_event e
				left join app_user u on u.id = e.actor_id
				left join ticket_comment cm on cm.id = e.comment_id
				where e.ticket_id = :id and e.ticket_version > :since
				""" + visibility + " order by e.id")
			.param("id", ticketId)
			.param("since", sinceVersion)
			.query((rs, n) -> {
				Long commentId = (Long) rs.getObject("comment_id");
				String role = rs.getString("actor_role");
				return new TimelineEntry(rs.getLong("id"), instant(rs.getTimestamp("at")),
						TimelineKind.valueOf(rs.getString("kind")), (Long) rs.getObject("actor_id"),
						rs.getString("actor_name"), role == null || !"REQUESTER".equals(role),
						rs.getString("from_value"), rs.getString("to_value"), rs.getString("detail"), commentId,
						rs.getString("body"),
						(commentId != null) ? files.getOrDefault(commentId, List.of()) : List.of(),
						rs.getLong("ticket_version"));
			})
			.list();
	}

	private static TicketView head(ResultSet rs) throws SQLException {
		ServerSpec spec = (rs.getString("server_cpu") == null && rs.getString("server_memory") == null
				&& rs.getString("server_disk") == null && rs.getString("server_os") == null) ? null
						: new ServerSpec(rs.getString("server_cpu"), rs.getString("server_memory"),
								rs.getString("server_disk"), rs.getString("server_os"));
		RequestDetails details = new RequestDetails(rs.getString("steps_to_reproduce"),
				rs.getString("expected_outcome"), rs.getString("actual_outcome"), rs.getString("application"),
				rs.getString("environment"), spec, rs.getObject("wanted_by", java.time.LocalDate.class),
				rs.getString("desired_outcome"), rs.getString("impact"),
				instant(rs.getTimestamp("incident_started_at")), rs.getString("service"), rs.getString("access_system"),
				rs.getString("access_level"), rs.getString("access_reason"));
		return new TicketView(rs.getLong("id"), rs.getString("subject"), rs.getString("description"),
				rs.getString("already_tried"), RequestType.valueOf(rs.getString("type")),
				TicketStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
				rs.getLong("client_id"), rs.getString("client_name"), rs.getString("plan_name"),
				rs.getBoolean("out_of_hours_critical"), rs.getLong("requester_id"), rs.getString("requester_name"),
				rs.getString("requester_email"), (Long) rs.getObject("assignee_id"), rs.getString("assignee_name"),
				rs.getString("assignee_email"), (Long) rs.getObject("group_id"), rs.getString("group_name"),
				tags(rs.getArray("tags")), details, instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("first_staff_reply_at")),
				instant(rs.getTimestamp("pending_since")), instant(rs.getTimestamp("solved_at")), rs.getLong("version"),
				List.of(), List.of());
	}

	private static List<String> tags(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		String[] values = (String[]) array.getArray();
		List<String> tags = new ArrayList<>(values.length);
		Collections.addAll(tags, values);
		return List.copyOf(tags);
	}

	private static AttachmentInfo attachmentInfo(ResultSet rs) throws SQLException {
		return new AttachmentInfo(rs.getLong("id"), (Long) rs.getObject("comment_id"), rs.getString("filename"),
				rs.getString("content_type"), rs.getLong("size_bytes"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
