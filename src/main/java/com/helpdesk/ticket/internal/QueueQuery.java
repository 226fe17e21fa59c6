package com.helpdesk.ticket.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
 * filters, search and keyset pagination, reading only the columns a row shows.
 */
@Component
class QueueQuery {

	private static final String COLUMNS = """
			t.id, t.subject, t.type, t.status, t.priority, t.client_id, c.name as client_name,
			       r.name as requester_name, r.email as requester_email, a.name as assignee_name,
			       a.email as assignee_email, t.group_id, g.name as group_name, t.created_at, t.updated_at, t.version
			""";

	/** What a row shows besides the ticket's own columns. */
	private static final String JOINS = """
			join client c on c.id = t.client_id
			join app_user r on r.id = t.requester_id
			left join app_user a on a.id = t.assignee_id
			left join support_group g on g.id = t.group_id
			""";

	private static final String FROM = " from ticket t\n" + JOINS;

	private static final String SELECT = "select " + COLUMNS + FROM;

	/** The viewer's groups, for the views that follow them. */
	static final String MY_GROUPS = "(select gm.group_id from group_member gm where gm.user_id = :me)";

	/**
	 * A first reply still to give, with its due time (the SLA module keeps it, and
	 * {@code sla_metric_first_reply_due_idx} lists them in due order).
	 */
	private static final String FIRST_REPLY_OWED = "m.metric = 'FIRST_REPLY' and m.fulfilled_at is null and m.due_at is not null";

	/**
	 * A group member acknowledges their groups' new work and what no group has yet; work
	 * sent to another group or to delivery is that group's. Someone in no group sees all.
	 */
	static final String NEW_SCOPE = "(t.group_id is null or t.group_id in " + MY_GROUPS
			+ " or not exists (select 1 from group_member gm where gm.user_id = :me))";

	/** A clock at risk or past due on an unsolved ticket ({@code s} its SLA row). */
	static final String AT_RISK = "not s.solved and s.next_due_at is not null and s.at_risk_at <= :now";

	/**
	 * Up to this many tickets with the search's words are sorted by time as found; beyond
	 * it the words are common enough to walk the tickets by time.
	 */
	static final int FEW_HITS = 2000;

	/**
	 * Up to this many requesters or clients named by a search are each read by their own
	 * index; more are common enough to walk the tickets by time.
	 */
	static final int FEW_NAMED = 50;

	/** People whose name or email has the text (a {@code like} pattern). */
	private static final String PEOPLE = "select u.id from app_user u where lower(u.name) like :%s or lower(u.email) like :%s";

	private static final String CLIENTS = "select cl.id from client cl where lower(cl.name) like :%s";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	QueueQuery(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	TicketPage find(Person viewer, QueueFilter filter, String cursor) {
		QueueView view = filter.effectiveView();
		List<String> where = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("me", viewer.id());
		if (viewer.isRequester()) {
			where.add("t.client_id = :viewerClient");
			params.addValue("viewerClient", viewer.clientId());
		}
		equal(where, params, "t.status", "status", (filter.status() != null) ? filter.status().name() : null);
		equal(where, params, "t.priority", "priority", (filter.priority() != null) ? filter.priority().name() : null);
		equal(where, params, "t.type", "type", (filter.type() != null) ? filter.type().name() : null);
		equal(where, params, "t.client_id", "client", filter.clientId());
		equal(where, params, "t.group_id", "group", filter.groupId());
		equal(where, params, "t.assignee_id", "assignee", filter.assigneeId());
		SearchTerms terms = SearchTerms.parse(filter.text());
		if (view == QueueView.BREACHING_SOON || view == QueueView.NEW) {
			// lists of at most the unsolved tickets: the search's terms as plain
			// conditions
			text(terms, where, params);
			return (view == QueueView.NEW) ? firstReplyDueFirst(filter, where, params, cursor)
					: dueSoonest(filter, where, params, cursor);
		}
		viewConditions(view, filter, where, params);
		String orderBy = " order by t.updated_at desc, t.id desc";
		if (cursor != null && !cursor.isBlank()) {
			QueueCursor after = QueueCursor.decode(cursor, QueueOrder.UPDATED_DESC);
			where.add("(t.updated_at, t.id) < (:cursorAt, :cursorId)");
			params.addValue("cursorAt", Timestamp.from(after.instant())).addValue("cursorId", after.id());
		}
		int size = filter.pageSize();
		Search search = searchBranches(terms, where, params, orderBy + limit(size));
		String sql = search.branches().isEmpty() ? SELECT + whereClause(where) + orderBy + limit(size)
				: search.withClause() + SELECT + " where t.id in (" + String.join(" union all ", search.branches())
						+ ")" + orderBy + limit(size);
		List<TicketRow> rows = this.jdbc.query(sql, params, QueueQuery::row);
		String next = null;
		if (rows.size() > size) {
			rows = rows.subList(0, size);
			TicketRow last = rows.get(size - 1);
			next = QueueCursor.after(QueueOrder.UPDATED_DESC, last.updatedAt(), last.id()).encode();
		}
		return new TicketPage(List.copyOf(rows), next);
	}

	/**
	 * New tickets by when their first reply is due, so a 30-minute critical heads the
	 * list and a breached one stays on top until someone answers; tickets with no
	 * first-reply target follow, oldest first. One statement: the tickets with a due time
	 * walk {@code sla_metric_first_reply_due_idx} in due order, and the others are read
	 * only when those run out before the page is full (the union's second part is gated
	 * on the first's count, so PostgreSQL does not start it otherwise).
	 */
	private TicketPage firstReplyDueFirst(QueueFilter filter, List<String> where, MapSqlParameterSource params,
			String cursor) {
		// a group asked for by the filters shows that group's new work instead
		if (filter.groupId() == null) {
			where.add(NEW_SCOPE);
		}
		int size = filter.pageSize();
		QueueCursor after = (cursor != null && !cursor.isBlank())
				? QueueCursor.decode(cursor, QueueOrder.FIRST_REPLY_DUE_ASC, QueueOrder.CREATED_ASC) : null;
		boolean untimedOnly = after != null && after.order() == QueueOrder.CREATED_ASC;
		if (after != null) {
			params.addValue("cursorAt", Timestamp.from(after.instant())).addValue("cursorId", after.id());
		}
		// New tickets without a first reply owed, oldest first, from the index on
		// (status,
		// created_at) alone: each is checked against the owed replies hashed once, and
		// the fence keeps that scan in index order so it stops when the page is full
		List<String> untimedWhere = new ArrayList<>(where);
		untimedWhere.add("t.status = 'NEW'");
		if (!untimedOnly) {
			untimedWhere.add("(select count(*) from timed) <= " + size);
		}
		String untimed = "select 1 as part, u.created_at as sort_at, " + COLUMNS
				+ " from (select n.id, n.created_at from ticket n where n.status = 'NEW'"
				+ " and n.id not in (select m.ticket_id from sla_metric m where " + FIRST_REPLY_OWED + ")"
				+ (untimedOnly ? " and (n.created_at, n.id) > (:cursorAt, :cursorId)" : "")
				+ " order by n.created_at, n.id offset 0) u join ticket t on t.id = u.id " + JOINS
				+ whereClause(untimedWhere) + " order by u.created_at, u.id" + limit(size);
		String sql;
		if (untimedOnly) {
			sql = untimed;
		}
		else {
			List<String> timedWhere = new ArrayList<>(where);
			// written so that PostgreSQL does not count on a few percent of tickets being
			// new (it cannot know that a first reply still owed means a new ticket): with
			// that estimate it planned this short walk of the index as a parallel scan
			timedWhere.add("coalesce(t.status = 'NEW', false)");
			if (after != null) {
				// on the index's own columns, so the next page starts where the last
				// ended
				timedWhere.add("(m.due_at, m.ticket_id) > (:cursorAt, :cursorId)");
			}
			String timed = "select 0 as part, m.due_at as sort_at, " + COLUMNS + FROM
					+ " join sla_metric m on m.ticket_id = t.id and " + FIRST_REPLY_OWED + whereClause(timedWhere)
					+ " order by m.due_at, m.ticket_id" + limit(size);
			sql = "with timed as materialized (" + timed + ") select * from timed union all (" + untimed + ")";
		}
		List<Ranked> ranked = new ArrayList<>(this.jdbc.query(sql, params,
				(rs, n) -> new Ranked(rs.getInt("part"), rs.getTimestamp("sort_at").toInstant(), row(rs, n))));
		ranked.sort(Comparator.comparingInt(Ranked::part)
			.thenComparing(Ranked::sortAt)
			.thenComparingLong((r) -> r.row().id()));
		String next = null;
		if (ranked.size() > size) {
			ranked = ranked.subList(0, size);
			Ranked last = ranked.get(size - 1);
			next = QueueCursor
				.after((last.part() == 0) ? QueueOrder.FIRST_REPLY_DUE_ASC : QueueOrder.CREATED_ASC, last.sortAt(),
						last.row().id())
				.encode();
		}
		return new TicketPage(ranked.stream().map(Ranked::row).toList(), next);
	}

	/**
	 * Tickets at risk of breaching (less of a target left than its plan's at-risk share,
	 * or already past due and not yet marked) by the next SLA due time, soonest first:
	 * the clocks' own table keeps both times per ticket (the SLA module writes them), so
	 * this stays one indexed statement.
	 */
	private TicketPage dueSoonest(QueueFilter filter, List<String> where, MapSqlParameterSource params, String cursor) {
		where.add(AT_RISK);
		params.addValue("now", Timestamp.from(this.clock.instant()));
		if (cursor != null && !cursor.isBlank()) {
			QueueCursor after = QueueCursor.decode(cursor, QueueOrder.DUE_ASC);
			// on the index's own columns, so the next page starts where the last ended
			where.add("(s.next_due_at, s.ticket_id) > (:cursorAt, :cursorId)");
			params.addValue("cursorAt", Timestamp.from(after.instant())).addValue("cursorId", after.id());
		}
		int size = filter.pageSize();
		String sql = "select s.next_due_at, " + COLUMNS + FROM + " join sla_ticket s on s.ticket_id = t.id"
				+ whereClause(where) + " order by s.next_due_at, s.ticket_id" + limit(size);
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

	private static String whereClause(List<String> where) {
		return where.isEmpty() ? "" : " where " + String.join(" and ", where);
	}

	private static void viewConditions(QueueView view, QueueFilter filter, List<String> where,
			MapSqlParameterSource params) {
		if (view == null || view == QueueView.ALL) {
			return;
		}
		where.add(condition(view));
		if (view == QueueView.GROUP) {
			params.addValue("viewGroup", filter.viewGroupId());
		}
	}

	/**
	 * What puts a ticket {@code t} in a view (the counts use the same), with the viewer
	 * as {@code :me}, a group view's group as {@code :viewGroup}; Breaching soon reads
	 * {@code s}, the ticket's SLA row, and {@code :now}.
	 */
	static String condition(QueueView view) {
		return switch (view) {
			case NEW -> "t.status = 'NEW' and " + NEW_SCOPE;
			case OPEN -> "t.status = 'OPEN'";
			case PENDING -> "t.status = 'PENDING'";
			case SOLVED -> "t.status = 'SOLVED'";
			case UNSOLVED -> "t.status <> 'SOLVED'";
			case BREACHED ->
				"t.status <> 'SOLVED' and exists (select 1 from sla_ticket s where s.ticket_id = t.id and s.breached)";
			case BREACHING_SOON -> AT_RISK;
			case MINE -> "t.assignee_id = :me and t.status <> 'SOLVED'";
			case MY_GROUPS -> "t.status in ('NEW', 'OPEN') and t.group_id in " + MY_GROUPS;
			case UNASSIGNED -> "t.assignee_id is null and t.status in ('NEW', 'OPEN')";
			case GROUP -> "t.group_id = :viewGroup and t.status <> 'SOLVED'";
			case ALL -> "true";
		};
	}

	private static void equal(List<String> where, MapSqlParameterSource params, String column, String name,
			Object value) {
		if (value != null) {
			where.add(column + " = :" + name);
			params.addValue(name, value);
		}
	}

	/**
	 * The search's terms as conditions. People and clients are looked up by name or email
	 * in their own (small) tables, and their tickets found through the indexes on
	 * requester and client, alongside the full-text index.
	 */
	private static void text(SearchTerms terms, List<String> where, MapSqlParameterSource params) {
		plainTerms(terms, where, params);
		if (terms.requester() != null) {
			where.add("t.requester_id = any(" + people("requesterLike") + ")");
		}
		if (terms.words() == null) {
			return;
		}
		List<String> any = new ArrayList<>();
		any.add(words(terms, params));
		if (terms.wordsMayNameSomeone()) {
			any.add("t.requester_id = any(" + people("wordsLike") + ")");
			any.add("t.client_id = any(" + clients("wordsLike") + ")");
		}
		where.add("(" + String.join(" or ", any) + ")");
	}

	/**
	 * A search of a list in update order, as the ids of each way a ticket can match, each
	 * read in that order up to the page from its own index and merged by the page:
	 * matching words (the full-text index) and, when the words may name someone, the
	 * tickets of each requester (by requester and time) and client (by client and time)
	 * they name. One plain condition with {@code or} would have PostgreSQL walk every
	 * ticket by time, checking each, reading thousands to find one requester's page.
	 * Nothing to merge (no search) gives no parts.
	 */
	private static Search searchBranches(SearchTerms terms, List<String> where, MapSqlParameterSource params,
			String orderAndLimit) {
		plainTerms(terms, where, params);
		List<String> with = new ArrayList<>();
		List<String> branches = new ArrayList<>();
		boolean byRequester = terms.requester() != null;
		if (byRequester) {
			with.add("requesters as materialized (" + PEOPLE.formatted("requesterLike", "requesterLike") + ")");
		}
		if (terms.words() == null) {
			if (byRequester) {
				branches.addAll(each("requesters", "t.requester_id", where, orderAndLimit));
			}
			return new Search(with, branches);
		}
		List<String> matching = new ArrayList<>(where);
		matching.add(words(terms, params));
		if (byRequester) {
			branches.addAll(each("requesters", "t.requester_id", matching, orderAndLimit));
		}
		else {
			with.add("hits as materialized (select t.id, t.updated_at from ticket t where "
					+ matching.get(matching.size() - 1) + " limit " + FEW_HITS + ")");
			branches.addAll(wordBranches(where, matching, orderAndLimit));
		}
		if (terms.wordsMayNameSomeone()) {
			List<String> named = new ArrayList<>(where);
			if (byRequester) {
				named.add("t.requester_id in (select id from requesters)");
			}
			with.add("named as materialized (" + PEOPLE.formatted("wordsLike", "wordsLike") + ")");
			with.add("named_clients as materialized (" + CLIENTS.formatted("wordsLike") + ")");
			branches.addAll(each("named", "t.requester_id", named, orderAndLimit));
			branches.addAll(each("named_clients", "t.client_id", named, orderAndLimit));
		}
		return new Search(with, branches);
	}

	/**
	 * Tickets with the words, newest first, whether the words are rare or common. Walking
	 * the tickets by time and checking each suits common words, but PostgreSQL takes a
	 * word it has no figures for to be in one ticket in 200 and walks all million for a
	 * word in none (3 s). So the full-text index first finds up to {@link #FEW_HITS}
	 * tickets with the words ({@code hits}): when that is all of them, they are sorted as
	 * they are; when there are more, the words are common and the walk by time is short.
	 */
	private static List<String> wordBranches(List<String> where, List<String> matching, String orderAndLimit) {
		List<String> rest = new ArrayList<>(where);
		rest.add("(select count(*) from hits) < " + FEW_HITS);
		String few = "(select h.id from hits h join ticket t on t.id = h.id where " + String.join(" and ", rest)
				+ orderAndLimit.replace("t.updated_at", "h.updated_at").replace("t.id", "h.id") + ")";
		List<String> common = new ArrayList<>(matching);
		common.add("(select count(*) from hits) >= " + FEW_HITS);
		String many = "(select t.id from ticket t where " + String.join(" and ", common) + orderAndLimit + ")";
		return List.of(few, many);
	}

	/**
	 * The tickets of some requesters or clients (the ids in {@code named}), newest first:
	 * a few are each read a page at a time from the index on that column and time; many
	 * (a word in most names) are found walking the tickets by time, as they are common.
	 */
	private static List<String> each(String named, String column, List<String> where, String orderAndLimit) {
		List<String> few = new ArrayList<>(where);
		few.add(column + " = d.id");
		String fewIds = "(select x.id from " + named + " d cross join lateral (select t.id from ticket t where "
				+ String.join(" and ", few) + orderAndLimit + ") x where (select count(*) from " + named + ") <= "
				+ FEW_NAMED + ")";
		List<String> many = new ArrayList<>(where);
		// an array, not a join: PostgreSQL takes a common table to hold a row or so, and
		// would read each one's tickets in full
		many.add(column + " = any(array(select id from " + named + "))");
		many.add("(select count(*) from " + named + ") > " + FEW_NAMED);
		String manyIds = "(select t.id from ticket t where " + String.join(" and ", many) + orderAndLimit + ")";
		return List.of(fewIds, manyIds);
	}

	/** The terms that narrow by the ticket alone: status, numbers and client. */
	private static void plainTerms(SearchTerms terms, List<String> where, MapSqlParameterSource params) {
		if (terms.status() != null) {
			equal(where, params, "t.status", "termStatus", terms.status().name());
		}
		if (!terms.numbers().isEmpty()) {
			where.add("t.id in (:termNumbers)");
			params.addValue("termNumbers", terms.numbers());
		}
		if (terms.requester() != null) {
			params.addValue("requesterLike", SearchTerms.containing(terms.requester()));
		}
		if (terms.client() != null) {
			where.add("t.client_id = any(" + clients("clientLike") + ")");
			params.addValue("clientLike", SearchTerms.containing(terms.client()));
		}
		if (terms.wordsMayNameSomeone()) {
			params.addValue("wordsLike", SearchTerms.containing(terms.words()));
		}
	}

	/** The words in the full-text index, or as the ticket's number. */
	private static String words(SearchTerms terms, MapSqlParameterSource params) {
		params.addValue("text", terms.words());
		Long number = terms.wordsAsNumber();
		if (number != null) {
			params.addValue("number", number);
			return "(t.id = :number or t.search @@ websearch_to_tsquery('simple', :text))";
		}
		return "t.search @@ websearch_to_tsquery('simple', :text)";
	}

	private static String people(String pattern) {
		return "array(" + PEOPLE.formatted(pattern, pattern) + ")";
	}

	private static String clients(String pattern) {
		return "array(" + CLIENTS.formatted(pattern) + ")";
	}

	private static TicketRow row(ResultSet rs, int n) throws SQLException {
		return new TicketRow(rs.getLong("id"), rs.getString("subject"), RequestType.valueOf(rs.getString("type")),
				TicketStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
				rs.getLong("client_id"), rs.getString("client_name"), rs.getString("requester_name"),
				rs.getString("requester_email"), rs.getString("assignee_name"), rs.getString("assignee_email"),
				(Long) rs.getObject("group_id"), rs.getString("group_name"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}

	/** The parts of a search to merge, and the common tables they read. */
	private record Search(List<String> with, List<String> branches) {

		String withClause() {
			return this.with.isEmpty() ? "" : "with " + String.join(", ", this.with) + " ";
		}

	}

	/** A New row with the part of the list it belongs to and its sort time. */
	private record Ranked(int part, Instant sortAt, TicketRow row) {
	}

}
