package com.helpdesk.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.helpdesk.review.ReviewDone;
import com.helpdesk.review.ReviewKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who marked which review done: one row per kind and team period, so two people marking
 * it at once leave one record.
 */
@Component
public class ReviewRecords {

	private final JdbcClient jdbc;

	ReviewRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the review as done, unless someone already has: answers the new row's id,
	 * or nothing.
	 */
	public Optional<Long> insert(ReviewKind kind, LocalDate period, long personId, Instant at) {
		return this.jdbc.sql("""
				insert into review_done (kind, team_date, done_by, done_at) values (?, ?, ?, ?)
				on conflict (kind, team_date) do nothing returning id
				""").params(kind.name(), period, personId, Timestamp.from(at)).query(Long.class).optional();
	}

	public Optional<ReviewDone> find(ReviewKind kind, LocalDate period) {
		return this.jdbc.sql("""
				select r.id, r.kind, r.team_date, r.done_by, u.name, r.done_at
				from review_done r join app_user u on u.id = r.done_by
				where r.kind = ? and r.team_date = ?
				""").params(kind.name(), period).query(this::row).optional();
	}

	/**
	 * The latest reviews of a kind, newest first.
	 */
	public List<ReviewDone> recent(ReviewKind kind, int limit) {
		return this.jdbc.sql("""
				select r.id, r.kind, r.team_date, r.done_by, u.name, r.done_at
				from review_done r join app_user u on u.id = r.done_by
				where r.kind = ? order by r.team_date desc limit ?
				""").params(kind.name(), limit).query(this::row).list();
	}

	private ReviewDone row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ReviewDone(rs.getLong(1), ReviewKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
				rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant());
	}

}
