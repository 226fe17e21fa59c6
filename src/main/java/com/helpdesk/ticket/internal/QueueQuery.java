package com.helpdesk.ticket.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.helpdesk.directory.Person;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.QueueFilter;
import com.helpdesk.ticket.QueueView;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketPage;
import com.helpdesk.ticket.TicketRow;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.internal.QueueCursor.QueueOrder;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lists tickets for queues, searches and the requester's list in one statement each:
 * filters, full-text search and keyset pagination, reading only the columns a row shows.
 */
@Component
class QueueQuery {

	private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");

	private static final String SELECT = """
			select t.id, t.subject, t.type, t.status, t.priority, t.client_id, c.name as client_name,
			       r.name as requester_name, r.email as requester_email, a.name as assignee_name,
			       a.email as assignee_email, t.group_id, g.name as group_name, t.created_at, t.updated_at, t.version
			from ticket t
			join client c on c.id = t.client_id
			join app_user r on r.id = t.requester_id
			left join app_user a on a.id = t.assignee_id
			left join support_group g on g.id = t.group_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	QueueQuery(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	TicketPage find(Person viewer, QueueFilter filter, String cursor) {
		if (filter.view() == QueueView.BREACHING_SOON) {
			return dueSoonest(viewer, filter, cursor);
		}
		List<String> where = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (viewer.isRequester()) {
			where.add("t.client_id = :viewerClient");
			params.addValue("viewerClient", viewer.clientId());
		}
		viewConditions(filter, viewer, where, params);
		equal(where, params, "t.status", "status", (filter.status() != null) ? filter.status().name() : null);
		equal(where, params, "t.priority", "priority", (filter.priority() != null) ? filter.priority().name() : null);
		equal(where, params, "t.type", "type", (filter.type() != null) ? filter.type().name() : null);
		equal(where, params, "t.client_id", "client", filter.clientId());
		equal(where, params, "t.group_id", "group", filter.groupId());
		equal(where, params, "t.assignee_id", "assignee", filter.assigneeId());
		text(filter.text(), where, params);

		QueueOrder order = (filter.view() == QueueView.NEW) ? QueueOrder.CREATED_ASC : QueueOrder.UPDATED_DESC;
		String orderBy;
		if (order == QueueOrder.CREATED_ASC) {
			orderBy = " order by t.created_at asc, t.id asc";
			if (cursor != null && !cursor.isBlank()) {
				QueueCursor after = QueueCursor.decode(cursor, order);
				where.add("(t.created_at, t.id) > (:cursorAt, :cursorId)");
				params.addValue("cursorAt", Timestamp.from(after.instant())).addValue("cursorId", after.id());
			}
		}
		else {
			orderBy = " order by t.updated_at desc, t.id desc";
			if (cursor != null && !cursor.isBlank()) {
				QueueCursor after = QueueCursor.decode(cursor, order);
				where.add("(t.updated_at, t.id) < (:cursorAt, :cursorId)");
				params.addValue("cursorAt", Timestamp.from(after.instant())).addValue("cursorId", after.id());
			}
		}
		int size = filter.pageSize();
		String sql = SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + orderBy + limit(size);
		List<TicketRow> rows = this.jdbc.query(sql, params, QueueQuery::row);
		String next = null;
		if (rows.size() > size) {
			rows = rows.subList(0, size);
			TicketRow last = rows.get(size - 1);
			next = QueueCursor
				.after(order, (order == QueueOrder.CREATED_ASC) ? last.createdAt() : last.updatedAt(), last.id())
				.encode();
		}
		return new TicketPage(List.copyOf(rows), next);
	}

	/**
	 * Unsolved tickets by the next SLA due time, soonest first: the clocks' own table
	 * keeps that time per ticket (the SLA module writes it), so this stays one indexed
	 * statement.
	 */
	private TicketPage dueSoonest(Person viewer, QueueFilter filter, String cursor) {
		List<String> where = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		where.add("not s.solved and s.next_due_at is not null");
		if (viewer.isRequester()) {
			where.add("t.client_id = :viewerClient");
			params.addValue("viewerClient", viewer.clientId());
		}
		equal(where, params, "t.priority", "priority", (filter.priority() != null) ? filter.priority().name() : null);
		equal(where, params, "t.type", "type", (filter.type() != null) ? filter.type().name() : null);
		equal(where, params, "t.client_id", "client", filter.clientId());
		equal(where, params, "t.group_id", "group", filter.groupId());
		equal(where, params, "t.assignee_id", "assignee", filter.assigneeId());
		text(filter.text(), where, params);
		if (cursor != null && !cursor.isBlank()) {
			QueueCursor after = QueueCursor.decode(cursor, QueueOrder.DUE_ASC);
			where.add("(s.next_due_at, t.id) > (:cursorAt, :cursorId)");
			params.addValue("cursorAt", Timestamp.from(after.instant())).addValue("cursorId", after.id());
		}
		int size = filter.pageSize();
		String sql = SELECT.replace("select t.id,", "select s.next_due_at, t.id,")
				+ " join sla_ticket s on s.ticket_id = t.id where " + String.join(" and ", where)
				+ " order by s.next_due_at, t.id" + limit(size);
		List<Timestamp> dues = new ArrayList<>();
		List<TicketRow> rows = this.jdbc.query(sql, params, (rs, n) -> {
			dues.add(rs.getTimestamp("next_due_at"));
			return row(rs, n);
		});
		String next = null;
		if (rows.size() > size) {
			rows = rows.subList(0, size);
			next = QueueCursor.after(QueueOrder.DUE_ASC, dues.get(size - 1).toInstant(), rows.get(size - 1).id())
				.encode();
		}
		return new TicketPage(List.copyOf(rows), next);
	}

	/**
	 * One row more than the page, to know whether a next page exists. Written into the
	 * statement rather than bound: with the limit as a parameter PostgreSQL's generic
	 * plan looks costlier than one made for the actual limit, so it planned the query
	 * again on every page (about 1.3 ms of its CPU on a million tickets); with the limit
	 * written in, a prepared statement keeps its plan. The size is a bounded int, never
	 * text.
	 */
	private static String limit(int size) {
		return " limit " + (size + 1);
	}

	private static void viewConditions(QueueFilter filter, Person viewer, List<String> where,
			MapSqlParameterSource params) {
		if (filter.view() == null) {
			return;
		}
		switch (filter.view()) {
			case NEW -> where.add("t.status = 'NEW'");
			case OPEN -> where.add("t.status = 'OPEN'");
			case PENDING -> where.add("t.status = 'PENDING'");
			case SOLVED -> where.add("t.status = 'SOLVED'");
			case UNSOLVED -> where.add("t.status <> 'SOLVED'");
			case BREACHED -> where.add(
					"t.status <> 'SOLVED' and exists (select 1 from sla_ticket s where s.ticket_id = t.id and s.breached)");
			case BREACHING_SOON -> throw new IllegalStateException("listed by due time");
			case MINE -> {
				where.add("t.assignee_id = :me and t.status <> 'SOLVED'");
				params.addValue("me", viewer.id());
			}
			case UNASSIGNED -> where.add("t.assignee_id is null and t.status in ('NEW', 'OPEN')");
			case GROUP -> {
				where.add("t.group_id = :viewGroup and t.status <> 'SOLVED'");
				params.addValue("viewGroup", filter.viewGroupId());
			}
			case ALL -> {
			}
		}
	}

	private static void equal(List<String> where, MapSqlParameterSource params, String column, String name,
			Object value) {
		if (value != null) {
			where.add(column + " = :" + name);
			params.addValue(name, value);
		}
	}

	private static void text(String text, List<String> where, MapSqlParameterSource params) {
		if (text == null || text.isBlank()) {
			return;
		}
		var number = TICKET_NUMBER.matcher(text.trim());
		if (number.matches()) {
			where.add("(t.id = :number or t.search @@ websearch_to_tsquery('simple', :text))");
			params.addValue("number", Long.parseLong(number.group(1)));
		}
		else {
			where.add("t.search @@ websearch_to_tsquery('simple', :text)");
		}
		params.addValue("text", text.trim());
	}

	private static TicketRow row(ResultSet rs, int n) throws SQLException {
		return new TicketRow(rs.getLong("id"), rs.getString("subject"), RequestType.valueOf(rs.getString("type")),
				TicketStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
				rs.getLong("client_id"), rs.getString("client_name"), rs.getString("requester_name"),
				rs.getString("requester_email"), rs.getString("assignee_name"), rs.getString("assignee_email"),
				(Long) rs.getObject("group_id"), rs.getString("group_name"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}

}
