package com.helpdesk.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.helpdesk.delivery.Cadence;
import com.helpdesk.delivery.DeliveryTeam;
import com.helpdesk.delivery.TeamCommand;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Delivery teams in the database, with their people and the rotas that count against
 * them.
 */
@Repository
public class TeamStore {

	private final JdbcClient jdbc;

	TeamStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean nameTaken(String name, Long exceptId) {
		return this.jdbc.sql("select count(*) from delivery_team where lower(name) = lower(?) and id <> ?")
			.params(name, (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	public long insert(TeamCommand command, Instant now) {
		if (command.defaultTeam()) {
			this.jdbc.sql("update delivery_team set default_team = false where default_team").update();
		}
		long id = this.jdbc.sql("""
				insert into delivery_team (name, calendar_id, intake_group_id, delivery_manager_id, reserve_percent,
				                           period_weeks, periods_start_on, default_team, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(command.name().strip(), command.calendarId(), command.intakeGroupId(), command.deliveryManagerId(),
					command.reservePercent(), command.periodWeeks(), command.periodsStartOn(), command.defaultTeam(),
					Timestamp.from(now))
			.query(Long.class)
			.single();
		replaceLists(id, command);
		return id;
	}

	/**
	 * Answers whether the team was still at the version read.
	 */
	public boolean update(long id, long version, TeamCommand command) {
		if (command.defaultTeam()) {
			this.jdbc.sql("update delivery_team set default_team = false where default_team and id <> ?")
				.param(id)
				.update();
		}
		int changed = this.jdbc.sql("""
				update delivery_team set name = ?, calendar_id = ?, intake_group_id = ?, delivery_manager_id = ?,
				       reserve_percent = ?, period_weeks = ?, periods_start_on = ?, default_team = ?,
				       version = version + 1
				where id = ? and version = ?
				""")
			.params(command.name().strip(), command.calendarId(), command.intakeGroupId(), command.deliveryManagerId(),
					command.reservePercent(), command.periodWeeks(), command.periodsStartOn(), command.defaultTeam(),
					id, version)
			.update();
		if (changed == 0) {
			return false;
		}
		this.jdbc.sql("delete from delivery_team_member where team_id = ?").param(id).update();
		this.jdbc.sql("delete from delivery_team_rota where team_id = ?").param(id).update();
		replaceLists(id, command);
		return true;
	}

	private void replaceLists(long id, TeamCommand command) {
		for (Long member : command.memberIds()) {
			this.jdbc.sql("insert into delivery_team_member (team_id, user_id) values (?, ?)")
				.params(id, member)
				.update();
		}
		for (Long rota : command.rotaIds()) {
			this.jdbc.sql("insert into delivery_team_rota (team_id, rota_id) values (?, ?)").params(id, rota).update();
		}
	}

	public Optional<DeliveryTeam> find(long id) {
		return all().stream().filter((team) -> team.id() == id).findFirst();
	}

	/**
	 * Every team, by name; a helpdesk has a handful.
	 */
	public List<DeliveryTeam> all() {
		Map<Long, List<Long>> members = lists("select team_id, user_id from delivery_team_member order by user_id");
		Map<Long, List<Long>> rotas = lists("select team_id, rota_id from delivery_team_rota order by rota_id");
		return this.jdbc.sql("select * from delivery_team order by lower(name)")
			.query((rs, n) -> team(rs, members, rotas))
			.list();
	}

	private Map<Long, List<Long>> lists(String sql) {
		Map<Long, List<Long>> byTeam = new HashMap<>();
		this.jdbc.sql(sql).query((ResultSet rs) -> {
			byTeam.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2));
		});
		return byTeam;
	}

	private static DeliveryTeam team(ResultSet rs, Map<Long, List<Long>> members, Map<Long, List<Long>> rotas)
			throws SQLException {
		long id = rs.getLong("id");
		return new DeliveryTeam(id, rs.getString("name"), rs.getLong("calendar_id"),
				(Long) rs.getObject("intake_group_id"), rs.getLong("delivery_manager_id"), rs.getInt("reserve_percent"),
				new Cadence(rs.getInt("period_weeks"), rs.getObject("periods_start_on", LocalDate.class)),
				rs.getBoolean("default_team"), members.getOrDefault(id, List.of()), rotas.getOrDefault(id, List.of()),
				rs.getLong("version"));
	}

}
