package com.helpdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

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

	/**
	 * The latest items, newest first; {@code beforeId} pages back.
	 */
	@Transactional(readOnly = true)
	public List<InboxItem> items(long userId, Long beforeId) {
		return this.jdbc.sql("""
				select id, at, ticket_id, kind, text, read_at from inbox_item
				where user_id = ? and (cast(? as bigint) is null or id < ?)
				order by id desc limit ?
				""")
			.params(userId, beforeId, beforeId, PAGE + 1)
			.query((rs, n) -> new InboxItem(rs.getLong(1), rs.getTimestamp(2).toInstant(), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5),
					(rs.getTimestamp(6) != null) ? rs.getTimestamp(6).toInstant() : null))
			.list();
	}

	public static int pageSize() {
		return PAGE;
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
