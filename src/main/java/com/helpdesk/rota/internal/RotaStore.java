package com.helpdesk.rota.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.helpdesk.rota.Assignment;
import com.helpdesk.rota.Cover;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaPosition;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Roster;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rotas in the database: a few set-based reads assemble every rota (a team has a
 * handful), and writes that only ever add a roster or a change, never rewrite one that
 * has run.
 */
@Repository
public class RotaStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	RotaStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean nameTaken(String name) {
		return this.jdbc.sql("select count(*) from rota where lower(name) = lower(?)")
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	public long insert(RotaCommand command, Instant now, Long actorId) {
		long rotaId = this.jdbc.sql("""
				insert into rota (name, duty, template, time_zone, starts_on, handover_time, calendar_id, group_id,
				                  opt_in, swap_approval, created_at, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(command.name(), command.duty().name(), command.template().name(), command.timeZone(),
					command.startsOn(), command.handoverTime(), command.calendarId(), command.groupId(),
					command.optIn(), command.swapApproval(), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
		int ordinal = 0;
		for (PositionCommand position : command.positions()) {
			long positionId = this.jdbc.sql("""
					insert into rota_position (rota_id, ordinal, name, stint_weeks, every_weeks, offset_weeks)
					values (?, ?, ?, ?, ?, ?) returning id
					""")
				.params(rotaId, ordinal++, position.name(), position.stintWeeks(), position.everyWeeks(),
						position.offsetWeeks())
				.query(Long.class)
				.single();
			putRoster(positionId, command.startsOn(), position.memberIds(), now, actorId);
		}
		return rotaId;
	}

	/**
	 * Sets who takes the turns from a date, replacing a roster set for that same date.
	 */
	public void putRoster(long positionId, LocalDate from, List<Long> memberIds, Instant now, Long actorId) {
		this.jdbc.sql("delete from rota_roster where position_id = ? and effective_from = ?")
			.params(positionId, from)
			.update();
		long rosterId = this.jdbc.sql("""
				insert into rota_roster (position_id, effective_from, created_at, created_by)
				values (?, ?, ?, ?) returning id
				""").params(positionId, from, Timestamp.from(now), actorId).query(Long.class).single();
		for (int i = 0; i < memberIds.size(); i++) {
			this.jdbc.sql("insert into rota_roster_member (roster_id, ordinal, user_id) values (?, ?, ?)")
				.params(rosterId, i, memberIds.get(i))
				.update();
		}
	}

	public long insertCover(long positionId, long personId, Long coveredId, Instant start, Instant end, String reason,
			Instant now, Long actorId) {
		return this.jdbc.sql("""
				insert into rota_cover (position_id, user_id, covered_id, starts_at, ends_at, reason, created_at,
				                        created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(positionId, personId, coveredId, Timestamp.from(start), Timestamp.from(end), reason,
					Timestamp.from(now), actorId)
			.query(Long.class)
			.single();
	}

	/**
	 * Locks a rota for a change and answers its version, so two changes are made one
	 * after the other.
	 */
	public Optional<Long> lock(long rotaId) {
		return this.jdbc.sql("select version from rota where id = ? for update")
			.param(rotaId)
			.query(Long.class)
			.optional();
	}

	public void updateSettings(long rotaId, String name, Long calendarId, Long groupId, boolean optIn,
			boolean swapApproval) {
		this.jdbc.sql("""
				update rota set name = ?, calendar_id = ?, group_id = ?, opt_in = ?, swap_approval = ?,
				                version = version + 1, changed_at = ?
				where id = ?
				""")
			.params(name, calendarId, groupId, optIn, swapApproval, Timestamp.from(this.clock.instant()), rotaId)
			.update();
	}

	public void setAutoAssign(long rotaId, boolean enabled) {
		this.jdbc.sql("update rota set auto_assign = ?, version = version + 1 where id = ?")
			.params(enabled, rotaId)
			.update();
	}

	public boolean autoAssign(long rotaId) {
		return this.jdbc.sql("select auto_assign from rota where id = ?").param(rotaId).query(Boolean.class).single();
	}

	/**
	 * Marks a change of the rota's shifts (an order of people, a cover, a swap): a new
	 * version, and the time its calendar feeds say they last changed.
	 */
	public void touch(long rotaId) {
		this.jdbc.sql("update rota set version = version + 1, changed_at = ? where id = ?")
			.params(Timestamp.from(this.clock.instant()), rotaId)
			.update();
	}

	public Optional<Rota> find(long rotaId) {
		return load(rotaId).stream().findFirst();
	}

	public List<Rota> all() {
		return load(null);
	}

	private List<Rota> load(Long onlyId) {
		Map<Long, RotaRow> rotas = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, name, duty, template, time_zone, starts_on, handover_time, calendar_id, group_id, opt_in,
				       swap_approval, version
				from rota where (cast(:id as bigint) is null or id = :id) order by lower(name), id
				""").param("id", onlyId).query((rs, n) -> {
			rotas.put(rs.getLong("id"), new RotaRow(rs.getLong("id"), rs.getString("name"),
					RotaDuty.valueOf(rs.getString("duty")), RotaTemplate.valueOf(rs.getString("template")),
					ZoneId.of(rs.getString("time_zone")), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("handover_time", java.time.LocalTime.class), (Long) rs.getObject("calendar_id"),
					(Long) rs.getObject("group_id"), rs.getBoolean("opt_in"), rs.getBoolean("swap_approval"),
					rs.getLong("version"), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
			return null;
		}).list();
		if (rotas.isEmpty()) {
			return List.of();
		}
		Map<Long, Map<LocalDate, List<Long>>> rosters = new HashMap<>();
		this.jdbc.sql("""
				select r.position_id, r.effective_from, m.user_id
				from rota_roster r
				join rota_position p on p.id = r.position_id
				left join rota_roster_member m on m.roster_id = r.id
				where (cast(:id as bigint) is null or p.rota_id = :id)
				order by r.position_id, r.effective_from, m.ordinal
				""").param("id", onlyId).query((rs, n) -> {
			List<Long> members = rosters.computeIfAbsent(rs.getLong("position_id"), (k) -> new LinkedHashMap<>())
				.computeIfAbsent(rs.getObject("effective_from", LocalDate.class), (k) -> new ArrayList<>());
			Object userId = rs.getObject("user_id");
			if (userId != null) {
				members.add(((Number) userId).longValue());
			}
			return null;
		}).list();
		this.jdbc.sql("""
				select id, rota_id, name, stint_weeks, every_weeks, offset_weeks from rota_position
				where (cast(:id as bigint) is null or rota_id = :id) order by rota_id, ordinal
				""").param("id", onlyId).query((rs, n) -> {
			long positionId = rs.getLong("id");
			List<Roster> positionRosters = new ArrayList<>();
			rosters.getOrDefault(positionId, Map.of())
				.forEach((date, members) -> positionRosters.add(new Roster(date, members)));
			RotaRow rota = rotas.get(rs.getLong("rota_id"));
			if (rota != null) {
				rota.positions()
					.add(new RotaPosition(positionId, rs.getString("name"), rs.getInt("stint_weeks"),
							rs.getInt("every_weeks"), rs.getInt("offset_weeks"), positionRosters));
			}
			return null;
		}).list();
		this.jdbc.sql("""
				select a.position_id, a.stint, a.user_id, p.rota_id
				from rota_assignment a join rota_position p on p.id = a.position_id
				where (cast(:id as bigint) is null or p.rota_id = :id)
				""").param("id", onlyId).query((rs, n) -> {
			RotaRow rota = rotas.get(rs.getLong("rota_id"));
			if (rota != null) {
				rota.assignments()
					.add(new Assignment(rs.getLong("position_id"), rs.getInt("stint"), rs.getLong("user_id")));
			}
			return null;
		}).list();
		this.jdbc.sql("""
				select c.id, c.position_id, c.user_id, c.covered_id, c.starts_at, c.ends_at, c.reason, p.rota_id
				from rota_cover c join rota_position p on p.id = c.position_id
				where (cast(:id as bigint) is null or p.rota_id = :id)
				""").param("id", onlyId).query((rs, n) -> {
			RotaRow rota = rotas.get(rs.getLong("rota_id"));
			if (rota != null) {
				rota.covers()
					.add(new Cover(rs.getLong("id"), rs.getLong("position_id"), rs.getLong("user_id"),
							(Long) rs.getObject("covered_id"), rs.getTimestamp("starts_at").toInstant(),
							rs.getTimestamp("ends_at").toInstant(), rs.getString("reason")));
			}
			return null;
		}).list();
		return rotas.values().stream().map(RotaRow::toRota).toList();
	}

	private record RotaRow(long id, String name, RotaDuty duty, RotaTemplate template, ZoneId zone, LocalDate startsOn,
			java.time.LocalTime handoverTime, Long calendarId, Long groupId, boolean optIn, boolean swapApproval,
			long version, List<RotaPosition> positions, List<Assignment> assignments, List<Cover> covers) {

		Rota toRota() {
			return new Rota(this.id, this.name, this.duty, this.template, this.zone, this.startsOn, this.handoverTime,
					this.calendarId, this.groupId, this.optIn, this.swapApproval, this.version, this.positions,
					this.assignments, this.covers);
		}

	}

}
