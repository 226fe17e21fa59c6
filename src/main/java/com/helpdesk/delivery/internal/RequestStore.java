package com.helpdesk.delivery.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.DeliveryState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Delivery requests in the database. Every change names the version it was read at and
 * answers whether it still was, so two managers never overwrite each other unseen.
 */
@Repository
public class RequestStore {

	private final JdbcClient jdbc;

	RequestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long ticketId, long teamId, long deliveryManagerId, String desiredOutcome, Long sentBy,
			String sentReason, Instant now) {
		return this.jdbc.sql("""
				insert into delivery_request (ticket_id, team_id, delivery_manager_id, state, desired_outcome, sent_by,
				                              sent_reason, created_at, updated_at)
				values (?, ?, ?, 'INTAKE', ?, ?, ?, ?, ?) returning id
				""")
			.params(ticketId, teamId, deliveryManagerId, desiredOutcome, sentBy, sentReason, Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	public Optional<DeliveryRequest> find(long id) {
		return this.jdbc.sql("select * from delivery_request where id = ?")
			.param(id)
			.query(RequestStore::row)
			.optional();
	}

	/**
	 * The ticket's latest request: a ticket reopened after its work was closed may have
	 * been sent again.
	 */
	public Optional<DeliveryRequest> findByTicket(long ticketId) {
		return this.jdbc.sql("select * from delivery_request where ticket_id = ? order by id desc limit 1")
			.param(ticketId)
			.query(RequestStore::row)
			.optional();
	}

	/**
	 * The ticket's request still being scoped or scheduled, if any (at most one).
	 */
	public Optional<DeliveryRequest> findOpenByTicket(long ticketId) {
		return this.jdbc.sql("select * from delivery_request where ticket_id = ? and state in ('INTAKE', 'SCHEDULED')")
			.param(ticketId)
			.query(RequestStore::row)
			.optional();
	}

	/**
	 * Requests waiting to be scoped and decided on, oldest first: one manager's, or
	 * everyone's.
	 */
	public List<DeliveryRequest> intake(Long deliveryManagerId, int limit) {
		return this.jdbc.sql("""
				select * from delivery_request
				where state = 'INTAKE' and (cast(? as bigint) is null or delivery_manager_id = ?)
				order by created_at, id limit ?
				""").params(deliveryManagerId, deliveryManagerId, limit).query(RequestStore::row).list();
	}

	/**
	 * A team's scheduled and delivered work in periods starting in {@code [from, to)}, by
	 * period then rank.
	 */
	public List<DeliveryRequest> planned(long teamId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select * from delivery_request
				where team_id = ? and state in ('SCHEDULED', 'DELIVERED') and period_start >= ? and period_start < ?
				order by period_start, rank, id
				""").params(teamId, from, to).query(RequestStore::row).list();
	}

	/**
	 * A team's scheduled work planned before a day and not yet delivered: overdue.
	 */
	public List<DeliveryRequest> overdue(long teamId, LocalDate before) {
		return this.jdbc.sql("""
				select * from delivery_request
				where team_id = ? and state = 'SCHEDULED' and period_start < ?
				order by period_start, rank, id
				""").params(teamId, before).query(RequestStore::row).list();
	}

	/**
	 * The requests that asked for a backlog item, oldest first.
	 */
	public List<DeliveryRequest> ofFeature(long featureId) {
		return this.jdbc.sql("select * from delivery_request where feature_request_id = ? order by created_at, id")
			.param(featureId)
			.query(RequestStore::row)
			.list();
	}

	/**
	 * The first days of the periods a team's scheduled work is planned in.
	 */
	public List<LocalDate> scheduledPeriods(long teamId) {
		return this.jdbc.sql("""
				select distinct period_start from delivery_request where team_id = ? and state = 'SCHEDULED'
				""").param(teamId).query(LocalDate.class).list();
	}

	public List<Long> scheduledTicketIds() {
		return this.jdbc.sql("select ticket_id from delivery_request where state = 'SCHEDULED'")
			.query(Long.class)
			.list();
	}

	public int nextRank(long teamId, LocalDate periodStart) {
		return this.jdbc.sql("""
				select coalesce(max(rank), 0) + 1 from delivery_request
				where team_id = ? and period_start = ? and state in ('SCHEDULED', 'DELIVERED')
				""").params(teamId, periodStart).query(Integer.class).single();
	}

	public boolean scope(long id, long version, String desiredOutcome, BigDecimal estimate, boolean meetingNeeded,
			Instant meetingAt, String dependencies, Instant now) {
		return this.jdbc.sql("""
				update delivery_request set desired_outcome = ?, estimate_days = ?, meeting_needed = ?, meeting_at = ?,
				       dependencies = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(desiredOutcome, estimate, meetingNeeded, (meetingAt != null) ? Timestamp.from(meetingAt) : null,
					dependencies, Timestamp.from(now), id, version)
			.update() == 1;
	}

	public boolean plan(long id, long version, LocalDate periodStart, int rank, String overcommitReason, Instant now) {
		return this.jdbc.sql("""
				update delivery_request set state = 'SCHEDULED', period_start = ?, rank = ?, overcommit_reason = ?,
				       updated_at = ?, version = version + 1
				where id = ? and version = ?
				""").params(periodStart, rank, overcommitReason, Timestamp.from(now), id, version).update() == 1;
	}

	/**
	 * Scheduled work back to the intake, off any week.
	 */
	public boolean unplan(long id, long version, Instant now) {
		return this.jdbc
			.sql("""
					update delivery_request set state = 'INTAKE', period_start = null, rank = null, overcommit_reason = null,
					       updated_at = ?, version = version + 1
					where id = ? and version = ? and state = 'SCHEDULED'
					""")
			.params(Timestamp.from(now), id, version)
			.update() == 1;
	}

	public boolean rank(long id, long version, int rank, Instant now) {
		return this.jdbc.sql("""
				update delivery_request set rank = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?
				""").params(rank, Timestamp.from(now), id, version).update() == 1;
	}

	public boolean close(long id, long version, DeliveryState state, String note, Long featureRequestId, Instant now) {
		return this.jdbc.sql("""
				update delivery_request set state = ?, decision_note = ?, feature_request_id = ?, updated_at = ?,
				       version = version + 1
				where id = ? and version = ?
				""").params(state.name(), note, featureRequestId, Timestamp.from(now), id, version).update() == 1;
	}

	private static DeliveryRequest row(ResultSet rs, int n) throws SQLException {
		Timestamp meeting = rs.getTimestamp("meeting_at");
		return new DeliveryRequest(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("team_id"),
				rs.getLong("delivery_manager_id"), DeliveryState.valueOf(rs.getString("state")),
				rs.getString("desired_outcome"), rs.getBigDecimal("estimate_days"), rs.getBoolean("meeting_needed"),
				(meeting != null) ? meeting.toInstant() : null, rs.getString("dependencies"),
				rs.getObject("period_start", LocalDate.class), (Integer) rs.getObject("rank"),
				rs.getString("overcommit_reason"), rs.getString("decision_note"),
				(Long) rs.getObject("feature_request_id"), (Long) rs.getObject("sent_by"), rs.getString("sent_reason"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

}
