package com.helpdesk.rota.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.helpdesk.rota.Leave;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leave in the database, read with each person's time zone so days become instants.
 */
@Repository
public class LeaveStore {

	private static final String SELECT = """
			select l.id, l.user_id, l.first_day, l.last_day, l.note, u.time_zone
			from rota_leave l join app_user u on u.id = l.user_id
			""";

	private final JdbcClient jdbc;

	LeaveStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long personId, LocalDate firstDay, LocalDate lastDay, String note, Instant now) {
		return this.jdbc.sql("""
				insert into rota_leave (user_id, first_day, last_day, note, created_at)
				values (?, ?, ?, ?, ?) returning id
				""").params(personId, firstDay, lastDay, note, Timestamp.from(now)).query(Long.class).single();
	}

	public boolean overlapping(long personId, LocalDate firstDay, LocalDate lastDay) {
		return this.jdbc.sql("""
				select count(*) from rota_leave where user_id = ? and first_day <= ? and last_day >= ?
				""").params(personId, lastDay, firstDay).query(Long.class).single() > 0;
	}

	public Optional<Leave> find(long id) {
		return this.jdbc.sql(SELECT + " where l.id = ?").param(id).query(LeaveStore::row).optional();
	}

	public void delete(long id) {
		this.jdbc.sql("delete from rota_leave where id = ?").param(id).update();
	}

	public List<Leave> of(long personId) {
		return this.jdbc.sql(SELECT + " where l.user_id = ? order by l.first_day")
			.param(personId)
			.query(LeaveStore::row)
			.list();
	}

	/**
	 * Everyone's leave that may touch a period, by person (days widened by a day each
	 * side for time zones).
	 */
	public Map<Long, List<Leave>> during(Collection<Long> personIds, Instant from, Instant to) {
		Map<Long, List<Leave>> byPerson = new HashMap<>();
		if (personIds.isEmpty()) {
			return byPerson;
		}
		LocalDate first = LocalDate.ofInstant(from, ZoneId.of("UTC")).minusDays(1);
		LocalDate last = LocalDate.ofInstant(to, ZoneId.of("UTC")).plusDays(1);
		this.jdbc.sql(SELECT + " where l.user_id = any(?) and l.first_day <= ? and l.last_day >= ?")
			.params(personIds.toArray(Long[]::new), last, first)
			.query(LeaveStore::row)
			.list()
			.forEach((leave) -> byPerson.computeIfAbsent(leave.personId(), (k) -> new java.util.ArrayList<>())
				.add(leave));
		return byPerson;
	}

	private static Leave row(ResultSet rs, int n) throws SQLException {
		return new Leave(rs.getLong("id"), rs.getLong("user_id"), rs.getObject("first_day", LocalDate.class),
				rs.getObject("last_day", LocalDate.class), rs.getString("note"), ZoneId.of(rs.getString("time_zone")));
	}

}
