package com.helpdesk.rota.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.helpdesk.rota.SwapStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Swap requests in the database. A status only ever moves on from the one it was read in
 * ({@link #move}), so two people acting on one request at once cannot both succeed.
 */
@Repository
public class SwapStore {

	private final JdbcClient jdbc;

	SwapStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param colleagueId {@code null} for a request anyone on the position may take
	 */
	public record SwapRow(long id, long rotaId, long positionId, long requesterId, int requesterStint, Long colleagueId,
			Integer colleagueStint, SwapStatus status, String note, Long takenBy, Long decidedBy, Instant createdAt,
			Instant decidedAt) {
	}

	public long insert(long rotaId, long positionId, long requesterId, int requesterStint, Long colleagueId,
			Integer colleagueStint, String note, Instant now) {
		return this.jdbc.sql("""
				insert into rota_swap (rota_id, position_id, requester_id, requester_stint, colleague_id,
				                       colleague_stint, status, note, created_at)
				values (?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?) returning id
				""")
			.params(rotaId, positionId, requesterId, requesterStint, colleagueId, colleagueStint, note,
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	public Optional<SwapRow> find(long id) {
		return this.jdbc.sql("select * from rota_swap where id = ?").param(id).query(SwapStore::row).optional();
	}

	/**
	 * Moves a request on from the status it is in; {@code false} when someone else moved
	 * it first.
	 */
	public boolean move(long id, SwapStatus from, SwapStatus to, Long actorId, Long takenBy, Instant now) {
		return this.jdbc.sql("""
				update rota_swap set status = ?, decided_by = ?, decided_at = ?,
				                     taken_by = coalesce(?, taken_by)
				where id = ? and status = ?
				""").params(to.name(), actorId, Timestamp.from(now), takenBy, id, from.name()).update() == 1;
	}

	/**
	 * Open requests on a stint, to refuse asking twice.
	 */
	public boolean openFor(long positionId, int stint) {
		return this.jdbc.sql("""
				select count(*) from rota_swap
				where position_id = ? and status in ('REQUESTED', 'AWAITING_APPROVAL')
				  and (requester_stint = ? or colleague_stint = ?)
				""").params(positionId, stint, stint).query(Long.class).single() > 0;
	}

	/**
	 * Requests that concern someone: theirs, asked of them, open to a position they are
	 * on, and (for approvers) awaiting approval; open ones and those decided since a
	 * moment.
	 */
	public List<SwapRow> concerning(long personId, List<Long> positionIds, boolean approver, Instant decidedSince) {
		return this.jdbc.sql("""
				select * from rota_swap
				where (requester_id = :person or colleague_id = :person or taken_by = :person
				       or (colleague_id is null and position_id = any(:positions) and status = 'REQUESTED')
				       or (:approver and status = 'AWAITING_APPROVAL'))
				  and (status in ('REQUESTED', 'AWAITING_APPROVAL') or decided_at >= :since)
				order by created_at desc, id desc
				limit 200
				""")
			.param("person", personId)
			.param("positions", positionIds.toArray(Long[]::new))
			.param("approver", approver)
			.param("since", Timestamp.from(decidedSince))
			.query(SwapStore::row)
			.list();
	}

	/**
	 * Gives whole stints to people, replacing what a swap gave them before.
	 */
	public void assign(long positionId, int stint, long personId) {
		this.jdbc.sql("""
				insert into rota_assignment (position_id, stint, user_id) values (?, ?, ?)
				on conflict (position_id, stint) do update set user_id = excluded.user_id
				""").params(positionId, stint, personId).update();
	}

	private static SwapRow row(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new SwapRow(rs.getLong("id"), rs.getLong("rota_id"), rs.getLong("position_id"),
				rs.getLong("requester_id"), rs.getInt("requester_stint"), (Long) rs.getObject("colleague_id"),
				(Integer) rs.getObject("colleague_stint"), SwapStatus.valueOf(rs.getString("status")),
				rs.getString("note"), (Long) rs.getObject("taken_by"), (Long) rs.getObject("decided_by"),
				rs.getTimestamp("created_at").toInstant(), (decided != null) ? decided.toInstant() : null);
	}

}
