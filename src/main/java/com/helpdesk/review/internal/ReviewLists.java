package com.helpdesk.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.helpdesk.review.DailyReview.SolvingSoon;
import com.helpdesk.review.DailyReview.WaitingOnUs;
import com.helpdesk.review.FollowUp;
import com.helpdesk.review.WeeklyReview.Unresolved;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.TicketStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists the reviews show, read as small projections in one statement each. Every list
 * is cut at a limit and walks an index in its order, so a page costs the same with a
 * thousand tickets or a million; counts beyond the limit are only asked for when the
 * limit is reached, and only over an indexed status.
 */
@Component
public class ReviewLists {

	/**
	 * When an Open ticket began waiting on us: it became Open, or staff answered. One
	 * probe of {@code ticket_event_waiting_idx} a ticket.
	 */
	private static final String WAITING_SINCE = """
			select coalesce(max(e.at), t.created_at) as since from ticket_event e
			where e.ticket_id = t.id
			  and (e.kind = 'PUBLIC_REPLY' or (e.kind = 'STATUS_CHANGED' and e.to_value = 'OPEN'))
			""";

	private static final String FOLLOW_UP_COLUMNS = """
			f.id as f_id, f.ticket_id as f_ticket_id, t.subject as f_subject, t.status as f_status,
			f.next_action as f_next_action, f.due_on as f_due_on, f.specialist_id as f_specialist_id,
			sp.name as f_specialist, su.name as f_set_by, f.set_at as f_set_at, du.name as f_done_by,
			f.done_at as f_done_at, f.version as f_version
			""";

	private static final String FOLLOW_UP_JOINS = """
			left join app_user sp on sp.id = f.specialist_id
			left join app_user su on su.id = f.set_by
			left join app_user du on du.id = f.done_by
			""";

	private final JdbcClient jdbc;

	ReviewLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * New tickets, the first to arrive first (so the first to be due at the end of the
	 * day first).
	 */
	public List<Arrived> unacknowledged(int limit) {
		// the soonest due are among the oldest (due by the end of their day) and those
		// whose
		// own first reply is due soonest: both, for the caller to order by the sooner
		return this.jdbc.sql("""
				select t.id, t.subject, t.priority, t.created_at, c.name as client_name
				from ticket t join client c on c.id = t.client_id
				where t.id in (
				  (select n.id from ticket n where n.status = 'NEW' order by n.created_at, n.id limit :limit)
				  union
				  (select n.id from ticket n join sla_metric m on m.ticket_id = n.id
				   where n.status = 'NEW' and m.metric = 'FIRST_REPLY' and m.cycle = 1 and m.fulfilled_at is null
				     and m.due_at is not null
				   order by m.due_at, n.id limit :limit))
				order by t.created_at, t.id
				""")
			.param("limit", limit)
			.query((rs, n) -> new Arrived(rs.getLong("id"), rs.getString("subject"), rs.getString("client_name"),
					Priority.valueOf(rs.getString("priority")), instant(rs, "created_at")))
			.list();
	}

	public long countUnacknowledged() {
		return this.jdbc.sql("select count(*) from ticket where status = 'NEW'").query(Long.class).single();
	}

	/**
	 * Open tickets waiting on us since before {@code since}, the longest-waiting first,
	 * leaving some out.
	 * @return the rows, and how many there are in all
	 */
	public Counted<WaitingOnUs> waitingSince(Instant since, Collection<Long> leaveOut, int limit) {
		List<WaitingRow> rows = this.jdbc.sql("""
				select t.id, t.subject, t.priority, c.name as client_name, a.name as assignee_name, w.since,
				       count(*) over () as total
				from ticket t
				join client c on c.id = t.client_id
				left join app_user a on a.id = t.assignee_id
				cross join lateral (%s) w
				where t.status = 'OPEN' and w.since < ?
				  and t.id <> all(?)
				order by w.since, t.id limit ?
				""".formatted(WAITING_SINCE))
			.params(Timestamp.from(since), leaveOut.toArray(Long[]::new), limit)
			.query((rs,
					n) -> new WaitingRow(new WaitingOnUs(rs.getLong("id"), rs.getString("subject"),
							rs.getString("client_name"), Priority.valueOf(rs.getString("priority")),
							rs.getString("assignee_name"), instant(rs, "since")), rs.getLong("total")))
			.list();
		return new Counted<>(rows.stream().map(WaitingRow::row).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
	}

	/**
	 * Pending tickets quiet since before {@code pendingBefore}, the first to be solved
	 * first.
	 */
	public List<SolvingSoon> pendingSince(Instant pendingBefore, int limit, UnaryOperator<Instant> solvesAt) {
		return this.jdbc.sql("""
				select t.id, t.subject, t.pending_since, c.name as client_name
				from ticket t join client c on c.id = t.client_id
				where t.status = 'PENDING' and t.pending_since <= ?
				order by t.pending_since, t.id limit ?
				""")
			.params(Timestamp.from(pendingBefore), limit)
			.query((rs, n) -> new SolvingSoon(rs.getLong("id"), rs.getString("subject"), rs.getString("client_name"),
					instant(rs, "pending_since"), solvesAt.apply(instant(rs, "pending_since"))))
			.list();
	}

	public long countPendingSince(Instant pendingBefore) {
		return this.jdbc.sql("select count(*) from ticket where status = 'PENDING' and pending_since <= ?")
			.param(Timestamp.from(pendingBefore))
			.query(Long.class)
			.single();
	}

	/**
	 * Open follow-ups due on or before {@code day}, the longest overdue first.
	 */
	public List<FollowUp> followUpsDueBy(LocalDate day, int limit) {
		return this.jdbc.sql("""
				select %s
				from follow_up f join ticket t on t.id = f.ticket_id
				%s
				where f.done_at is null and f.due_on <= ?
				order by f.due_on, f.id limit ?
				""".formatted(FOLLOW_UP_COLUMNS, FOLLOW_UP_JOINS))
			.params(day, limit)
			.query((rs, n) -> followUp(rs))
			.list();
	}

	public long countFollowUpsDueBy(LocalDate day) {
		return this.jdbc.sql("select count(*) from follow_up where done_at is null and due_on <= ?")
			.param(day)
			.query(Long.class)
			.single();
	}

	/**
	 * The ticket's latest follow-up, open or done.
	 */
	public Optional<FollowUp> latestFollowUp(long ticketId) {
		return this.jdbc.sql("""
				select %s
				from follow_up f join ticket t on t.id = f.ticket_id
				%s
				where f.ticket_id = ?
				order by f.done_at is null desc, f.id desc limit 1
				""".formatted(FOLLOW_UP_COLUMNS, FOLLOW_UP_JOINS))
			.param(ticketId)
			.query((rs, n) -> followUp(rs))
			.optional();
	}

	/**
	 * Tickets not solved and raised before {@code createdBefore}, oldest first, each with
	 * its open follow-up.
	 */
	public List<Unresolved> unresolvedSince(Instant createdBefore, int limit) {
		return this.jdbc.sql("""
				select t.id, t.subject, t.status, t.priority, t.created_at, t.updated_at, c.name as client_name,
				       g.name as group_name, a.name as assignee_name, %s
				from ticket t
				join client c on c.id = t.client_id
				left join support_group g on g.id = t.group_id
				left join app_user a on a.id = t.assignee_id
				left join follow_up f on f.ticket_id = t.id and f.done_at is null
				%s
				where t.status <> 'SOLVED' and t.created_at < ?
				order by t.created_at, t.id limit ?
				""".formatted(FOLLOW_UP_COLUMNS, FOLLOW_UP_JOINS))
			.params(Timestamp.from(createdBefore), limit)
			.query((rs, n) -> new Unresolved(rs.getLong("id"), rs.getString("subject"),
					TicketStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
					rs.getString("client_name"), rs.getString("group_name"), rs.getString("assignee_name"),
					instant(rs, "created_at"), instant(rs, "updated_at"),
					(rs.getObject("f_id") != null) ? followUp(rs) : null))
			.list();
	}

	public long countUnresolvedSince(Instant createdBefore) {
		return this.jdbc.sql("select count(*) from ticket where status <> 'SOLVED' and created_at < ?")
			.param(Timestamp.from(createdBefore))
			.query(Long.class)
			.single();
	}

	/**
	 * A New ticket as it arrived.
	 */
	public record Arrived(long ticketId, String subject, String clientName, Priority priority, Instant arrivedAt) {

	}

	/**
	 * Some rows and how many there are in all.
	 */
	public record Counted<T>(List<T> rows, long total) {

	}

	private record WaitingRow(WaitingOnUs row, long total) {

	}

	private static FollowUp followUp(ResultSet rs) throws SQLException {
		return new FollowUp(rs.getLong("f_id"), rs.getLong("f_ticket_id"), rs.getString("f_subject"),
				TicketStatus.valueOf(rs.getString("f_status")), rs.getString("f_next_action"),
				rs.getObject("f_due_on", LocalDate.class), (Long) rs.getObject("f_specialist_id"),
				rs.getString("f_specialist"), rs.getString("f_set_by"), instant(rs, "f_set_at"),
				rs.getString("f_done_by"), instant(rs, "f_done_at"), rs.getLong("f_version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
