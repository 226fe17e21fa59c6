package com.helpdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications, per person.
 */
@Service
@Transactional
public class Inbox {

	private static final int PAGE = 50;

	/**
	 * How many notices of one ticket the list shows; the count says how many there are.
	 */
	static final int SHOWN_PER_GROUP = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void add(long userId, Long ticketId, String kind, String text) {
		this.jdbc.sql("insert into inbox_item (user_id, at, ticket_id, kind, text) values (?, ?, ?, ?, ?)")
			.params(userId, Timestamp.from(this.clock.instant()), ticketId, kind,
					(text.length() > 300) ? text.substring(0, 300) : text)
			.update();
	}

	@Transactional(readOnly = true)
	public long unread(long userId) {
		return this.jdbc.sql("select count(*) from inbox_item where user_id = ? and read_at is null")
			.param(userId)
			.query(Long.class)
			.single();
	}

	public static int pageSize() {
		return PAGE;
	}

	/**
	 * The latest notices, newest first, those of one ticket together: each group at the
	 * place of its latest notice, with its latest {@link #SHOWN_PER_GROUP} notices;
	 * {@code beforeId} (a group's latest notice) pages back.
	 */
	@Transactional(readOnly = true)
	public List<InboxGroup> groups(long userId, Long beforeId) {
		List<long[]> keys = this.jdbc.sql("""
				select key, latest, n, unread from (
				  select coalesce(ticket_id, -id) as key, max(id) as latest, count(*) as n,
				         count(*) filter (where read_at is null) as unread
				  from inbox_item where user_id = ? group by coalesce(ticket_id, -id)
				) g
				where cast(? as bigint) is null or latest < ?
				order by latest desc limit ?
				""")
			.params(userId, beforeId, beforeId, PAGE + 1)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.list();
		if (keys.isEmpty()) {
			return List.of();
		}
		Map<Long, List<InboxItem>> items = new HashMap<>();
		this.jdbc.sql("""
				select id, at, ticket_id, kind, text, read_at from (
				  select i.*, row_number() over (partition by coalesce(ticket_id, -id) order by id desc) as nth
				  from inbox_item i where user_id = ? and coalesce(ticket_id, -id) = any(?)
				) i where nth <= ? order by id desc
				""")
			.params(userId, keys.stream().map((k) -> k[0]).toArray(Long[]::new), SHOWN_PER_GROUP)
			.query((rs, n) -> item(rs))
			.list()
			.forEach((item) -> items
				.computeIfAbsent((item.ticketId() != null) ? item.ticketId() : -item.id(), (k) -> new ArrayList<>())
				.add(item));
		List<InboxGroup> groups = new ArrayList<>();
		for (long[] key : keys) {
			List<InboxItem> shown = items.getOrDefault(key[0], List.of());
			groups.add(new InboxGroup((key[0] > 0) ? key[0] : null, key[1], (int) key[2], key[3] > 0, shown));
		}
		return groups;
	}

	/**
	 * Marks every notice of a ticket read.
	 */
	public void readTicket(long userId, long ticketId) {
		this.jdbc.sql("update inbox_item set read_at = ? where user_id = ? and ticket_id = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), userId, ticketId)
			.update();
	}

	/**
	 * One notice of this person, or {@code null}.
	 */
	@Transactional(readOnly = true)
	public InboxItem item(long userId, long itemId) {
		return this.jdbc
			.sql("select id, at, ticket_id, kind, text, read_at from inbox_item where id = ? and user_id = ?")
			.params(itemId, userId)
			.query((rs, n) -> item(rs))
			.optional()
			.orElse(null);
	}

	private static InboxItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new InboxItem(rs.getLong("id"), rs.getTimestamp("at").toInstant(), (Long) rs.getObject("ticket_id"),
				rs.getString("kind"), rs.getString("text"),
				(rs.getTimestamp("read_at") != null) ? rs.getTimestamp("read_at").toInstant() : null);
	}

	public void read(long userId, long itemId) {
		int changed = this.jdbc.sql("update inbox_item set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
			.params(Timestamp.from(this.clock.instant()), itemId, userId)
			.update();
		if (changed == 0) {
			throw new NotFoundException("notification", itemId);
		}
	}

	public void readAll(long userId) {
		this.jdbc.sql("update inbox_item set read_at = ? where user_id = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), userId)
			.update();
	}

}
