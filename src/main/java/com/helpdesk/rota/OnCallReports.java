package com.helpdesk.rota;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.internal.RotaStore;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-call hours report: every on-call rota's shifts in a month, counted in the closed
 * hours of its calendar and split into weekday, weekend and bank holiday; a manager signs
 * a finished month off, which freezes its figures.
 */
@Service
@Transactional
public class OnCallReports {

	private final RotaStore rotas;

	private final Calendars calendars;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	OnCallReports(RotaStore rotas, Calendars calendars, Directory directory, JdbcClient jdbc, AuditLog audit,
			Clock clock) {
		this.rotas = rotas;
		this.calendars = calendars;
		this.directory = directory;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public HoursReport report(YearMonth month) {
		HoursReport signed = signed(month);
		return (signed != null) ? signed : live(month, null, null);
	}

	/**
	 * Signs a finished month off: its figures are kept as they are now.
	 */
	public HoursReport signOff(YearMonth month, Person manager) {
		if (manager.role() != Role.MANAGER && manager.role() != Role.ADMIN) {
			throw new AccessDeniedException("Managers sign hours off");
		}
		// the month must be over everywhere: after its end in the zone furthest west
		Instant over = month.plusMonths(1).atDay(1).atStartOfDay(ZoneId.of("Etc/GMT+12")).toInstant();
		if (this.clock.instant().isBefore(over)) {
			throw new InvalidInputException("month", "rota.hours.notOver");
		}
		Instant now = this.clock.instant();
		Long id = this.jdbc.sql("""
				insert into oncall_signoff (month, signed_by, signed_at) values (?, ?, ?)
				on conflict (month) do nothing returning id
				""")
			.params(month.atDay(1), manager.id(), Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			throw new ConflictException("rota.hours.signed");
		}
		HoursReport report = live(month, manager.name(), now);
		for (HoursReport.Line line : report.lines()) {
			this.jdbc.sql("""
					insert into oncall_signoff_line (signoff_id, user_id, weekday_minutes, weekend_minutes,
					                                 holiday_minutes, incidents, incident_minutes)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(id, line.personId(), line.weekday().toMinutes(), line.weekend().toMinutes(),
						line.bankHoliday().toMinutes(), line.incidents(), line.timeSpent().toMinutes())
				.update();
		}
		this.audit.record(manager.id(), "ONCALL_HOURS", id, "SIGNED_OFF", month + ": " + report.lines().size()
				+ " people, "
				+ report.lines().stream().map(HoursReport.Line::total).reduce(Duration.ZERO, Duration::plus).toMinutes()
						/ 60.0
				+ " hours");
		return new HoursReport(month, report.lines(), true, manager.name(), now);
	}

	private HoursReport live(YearMonth month, String signedBy, Instant signedAt) {
		Map<Long, OnCallHours> hours = new HashMap<>();
		Map<Long, int[]> incidents = new HashMap<>();
		for (Rota rota : this.rotas.all()) {
			if (rota.duty() != RotaDuty.ON_CALL) {
				continue;
			}
			BusinessCalendar calendar = (rota.calendarId() != null) ? this.calendars.businessCalendar(rota.calendarId())
					: new BusinessCalendar(rota.zone(), List.of(), List.of());
			Instant from = month.atDay(1).atStartOfDay(calendar.zone()).toInstant();
			Instant to = month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant();
			OnCallHours.of(rota.shifts(from, to), calendar, from, to)
				.forEach((id, h) -> hours.merge(id, h, OnCallHours::plus));
			// incidents count for whoever acknowledged them; time for whoever logged it
			this.jdbc.sql("""
					select person_id, sum(incidents), sum(minutes) from (
					    select acknowledged_by as person_id, count(distinct ticket_id) as incidents, 0 as minutes
					    from oncall_page
					    where rota_id = :rota and level <= 1 and acknowledged_by is not null
					      and paged_at >= :from and paged_at < :to
					    group by acknowledged_by
					    union all
					    select t.person_id, 0, sum(t.minutes)
					    from oncall_time t join oncall_page p on p.id = t.page_id
					    where p.rota_id = :rota and p.level <= 1 and p.paged_at >= :from and p.paged_at < :to
					    group by t.person_id
					) handled group by person_id
					""")
				.param("rota", rota.id())
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query((rs, n) -> {
					int[] counts = incidents.computeIfAbsent(rs.getLong(1), (k) -> new int[2]);
					counts[0] += rs.getInt(2);
					counts[1] += rs.getInt(3);
					return counts;
				})
				.list();
		}
		incidents.keySet()
			.forEach((id) -> hours.putIfAbsent(id, new OnCallHours(id, Duration.ZERO, Duration.ZERO, Duration.ZERO)));
		Map<Long, Person> people = this.directory.peopleById(hours.keySet());
		List<HoursReport.Line> lines = new ArrayList<>();
		hours.forEach((id, h) -> {
			Person person = people.get(id);
			int[] handled = incidents.getOrDefault(id, new int[2]);
			lines.add(new HoursReport.Line(id, (person != null) ? person.name() : "#" + id,
					(person != null) ? person.email() : "", h.weekday(), h.weekend(), h.bankHoliday(), handled[0],
					Duration.ofMinutes(handled[1])));
		});
		lines.sort(Comparator.comparing(HoursReport.Line::name, String.CASE_INSENSITIVE_ORDER));
		return new HoursReport(month, lines, signedBy != null, signedBy, signedAt);
	}

	private HoursReport signed(YearMonth month) {
		record SignOff(long id, long signedBy, Instant at) {
		}
		SignOff signOff = this.jdbc.sql("select id, signed_by, signed_at from oncall_signoff where month = ?")
			.param(month.atDay(1))
			.query((rs, n) -> new SignOff(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
			.optional()
			.orElse(null);
		if (signOff == null) {
			return null;
		}
		List<HoursReport.Line> lines = this.jdbc.sql("""
				select l.user_id, u.name, u.email, l.weekday_minutes, l.weekend_minutes, l.holiday_minutes,
				       l.incidents, l.incident_minutes
				from oncall_signoff_line l join app_user u on u.id = l.user_id
				where l.signoff_id = ? order by lower(u.name)
				""")
			.param(signOff.id())
			.query((rs, n) -> new HoursReport.Line(rs.getLong(1), rs.getString(2), rs.getString(3),
					Duration.ofMinutes(rs.getInt(4)), Duration.ofMinutes(rs.getInt(5)),
					Duration.ofMinutes(rs.getInt(6)), rs.getInt(7), Duration.ofMinutes(rs.getInt(8))))
			.list();
		return new HoursReport(month, lines, true, this.directory.person(signOff.signedBy()).name(), signOff.at());
	}

}
