package com.helpdesk.rota;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.Handover.Kind;
import com.helpdesk.rota.Handover.Status;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;
import com.helpdesk.sla.SlaBreach;
import com.helpdesk.sla.SlaService;
import com.helpdesk.ticket.TicketBrief;
import com.helpdesk.ticket.TicketQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handovers: each business day of an on-call rota's calendar, on call hands over to the
 * day team when it opens and the day team hands back before it closes. A handover is
 * pre-filled with what happened in the shift (tickets raised, urgent ones still open,
 * out-of-hours pages, SLA breaches), the writer adds notes, and someone coming on
 * acknowledges it. Missing and unacknowledged ones show up.
 */
@Service
@Transactional
public class Handovers {

	/** How long after it is due a handover counts as missing. */
	static final Duration GRACE = Duration.ofHours(1);

	/** How early before it is due a handover may be written. */
	static final Duration EARLY = Duration.ofHours(3);

	private static final int DAYS_SHOWN = 7;

	private static final int MAX_NOTES = 10_000;

	private static final int LIST_LIMIT = 50;

	private final Rotas rotas;

	private final Calendars calendars;

	private final TicketQueries tickets;

	private final SlaService sla;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Handovers(Rotas rotas, Calendars calendars, TicketQueries tickets, SlaService sla, Directory directory,
			JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.rotas = rotas;
		this.calendars = calendars;
		this.tickets = tickets;
		this.sla = sla;
		this.directory = directory;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Every handover of the last week and today, newest first, across on-call rotas.
	 */
	@Transactional(readOnly = true)
	public List<Handover> recent() {
		return recent(DAYS_SHOWN);
	}

	private List<Handover> recent(int days) {
		Instant now = this.clock.instant();
		List<Handover> all = new ArrayList<>();
		List<Rota> everyRota = this.rotas.list();
		List<Rota> onCall = everyRota.stream()
			.filter((r) -> r.duty() == RotaDuty.ON_CALL && r.calendarId() != null)
			.toList();
		for (Rota rota : onCall) {
			BusinessCalendar calendar = this.calendars.businessCalendar(rota.calendarId());
			LocalDate today = LocalDate.ofInstant(now, calendar.zone());
			for (LocalDate day = today.minusDays(days); !day.isAfter(today); day = day.plusDays(1)) {
				for (Kind kind : Kind.values()) {
					expected(rota, everyRota, calendar, kind, day, false).ifPresent(all::add);
				}
			}
		}
		all.sort(Comparator.comparing(Handover::dueAt).reversed());
		return all;
	}

	/**
	 * The handovers that need someone now: due, missing or waiting to be acknowledged.
	 */
	@Transactional(readOnly = true)
	public List<Handover> needingAttention() {
		return needingAttention(this.rotas.list(), new HashMap<>(), null);
	}

	/**
	 * What the strip on every staff page shows: who every rota has on now, and the
	 * handovers that need this person (those handing over, those taking over, and
	 * managers). Rotas and calendars are read once for both.
	 */
	@Transactional(readOnly = true)
	public OnDutyNow onDutyNow(Person viewer) {
		List<Rota> everyRota = this.rotas.list();
		Map<Long, BusinessCalendar> calendarsById = new HashMap<>();
		List<OnDuty> onDuty = this.rotas.now(everyRota, calendarsById);
		return new OnDutyNow(onDuty, needingAttention(everyRota, calendarsById, viewer));
	}

	/**
	 * @param viewer only the handovers that concern this person; {@code null} for all
	 */
	private List<Handover> needingAttention(List<Rota> everyRota, Map<Long, BusinessCalendar> calendarsById,
			Person viewer) {
		Instant now = this.clock.instant();
		Instant dayAgo = now.minus(Duration.ofHours(24));
		List<Handover> found = new ArrayList<>();
		Map<String, Stored> stored = null;
		for (Rota rota : everyRota) {
			if (rota.duty() != RotaDuty.ON_CALL || rota.calendarId() == null) {
				continue;
			}
			BusinessCalendar calendar = calendarsById.computeIfAbsent(rota.calendarId(),
					this.calendars::businessCalendar);
			LocalDate today = LocalDate.ofInstant(now, calendar.zone());
			if (stored == null) {
				stored = storedSince(today.minusDays(3));
			}
			// a handover due in the last day belongs to today or the two days before
			for (LocalDate day = today.minusDays(2); !day.isAfter(today); day = day.plusDays(1)) {
				for (Kind kind : Kind.values()) {
					Optional<Window> window = window(rota, calendar, kind, day);
					if (window.isEmpty() || !window.get().due().isAfter(dayAgo)) {
						continue;
					}
					Instant due = window.get().due();
					Stored written = stored.get(rota.id() + "/" + kind + "/" + day);
					Status status = status(written, due, now);
					if (status.needsAttention()
							&& (viewer == null || concerns(viewer, rota, everyRota, kind, due, status, written))) {
						found.add(new Handover((written != null) ? written.id() : null, rota.id(), rota.name(), kind,
								day, due, window.get().from(), due, null, null, null, null, null, null, null, null,
								status, (written != null) ? written.writerId() : null));
					}
				}
			}
		}
		found.sort(Comparator.comparing(Handover::dueAt).reversed());
		return found;
	}

	/**
	 * Whether a handover needing attention is this person's business: managers see every
	 * one; one to write concerns the people going off duty and those coming on; one to
	 * acknowledge concerns those coming on (else the writer's colleagues), never its
	 * writer.
	 */
	private static boolean concerns(Person viewer, Rota rota, List<Rota> everyRota, Kind kind, Instant due,
			Status status, Stored written) {
		if (viewer.role() == Role.MANAGER || viewer.role() == Role.ADMIN) {
			return true;
		}
		Instant before = due.minusSeconds(60);
		Instant after = due.plusSeconds(60);
		Set<Long> leaving = personIds(
				(kind == Kind.MORNING) ? rota.shiftsAt(before) : firstLineShifts(everyRota, rota, before));
		Set<Long> coming = personIds(
				(kind == Kind.MORNING) ? firstLineShifts(everyRota, rota, after) : rota.shiftsAt(after));
		if (status == Status.UNACKNOWLEDGED) {
			Set<Long> readers = coming.isEmpty() ? leaving : coming;
			return readers.contains(viewer.id()) && (written == null || written.writerId() != viewer.id());
		}
		return leaving.contains(viewer.id()) || coming.contains(viewer.id());
	}

	private static Set<Long> personIds(List<Shift> shifts) {
		Set<Long> ids = new HashSet<>();
		shifts.forEach((s) -> ids.add(s.personId()));
		return ids;
	}

	/**
	 * The day team of an on-call rota at an instant: who is on the first-line rotas that
	 * keep its calendar's hours, or on every first-line rota when none does.
	 */
	private static List<Shift> firstLineShifts(List<Rota> everyRota, Rota onCall, Instant at) {
		List<Rota> firstLine = everyRota.stream().filter((r) -> r.duty() == RotaDuty.FIRST_LINE).toList();
		List<Rota> sameHours = firstLine.stream()
			.filter((r) -> r.calendarId() != null && r.calendarId().equals(onCall.calendarId()))
			.toList();
		List<Shift> shifts = new ArrayList<>();
		(sameHours.isEmpty() ? firstLine : sameHours).forEach((r) -> shifts.addAll(r.shiftsAt(at)));
		return shifts;
	}

	/**
	 * A handover as it is, or as it would be written now, pre-filled.
	 */
	@Transactional(readOnly = true)
	public Handover get(long rotaId, Kind kind, LocalDate day) {
		Rota rota = this.rotas.get(rotaId);
		if (rota.duty() != RotaDuty.ON_CALL || rota.calendarId() == null) {
			throw new NotFoundException("handover", rotaId);
		}
		return expected(rota, this.rotas.list(), this.calendars.businessCalendar(rota.calendarId()), kind, day, true)
			.orElseThrow(() -> new NotFoundException("handover", rotaId));
	}

	/**
	 * Writes a handover: the shift's summary as it stands now, and the writer's notes.
	 */
	public long write(long rotaId, Kind kind, LocalDate day, String notes, Person writer) {
		if (!writer.isStaff()) {
			throw new AccessDeniedException("Staff write handovers");
		}
		Handover due = get(rotaId, kind, day);
		String text = (notes != null) ? notes.trim() : "";
		if (text.isEmpty()) {
			throw new InvalidInputException("notes", "rota.handover.notes.required");
		}
		TextRules.requireText("notes", text, MAX_NOTES, "rota.handover.notes.tooLong");
		Instant now = this.clock.instant();
		if (now.isBefore(due.dueAt().minus(EARLY))) {
			throw new InvalidInputException("notes", "rota.handover.tooEarly");
		}
		Long id = this.jdbc.sql("""
				insert into handover (rota_id, kind, business_date, period_from, period_to, summary, notes,
				                      written_by, written_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (rota_id, kind, business_date) do nothing returning id
				""")
			.params(rotaId, kind.name(), day, Timestamp.from(due.periodFrom()), Timestamp.from(due.periodTo()),
					due.summary(), text, writer.id(), Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			throw new ConflictException("rota.handover.written");
		}
		this.audit.record(writer.id(), "HANDOVER", id, "WRITTEN", due.rotaName() + " " + kind + " " + day);
		return id;
	}

	/**
	 * Someone coming on has read it. The writer cannot acknowledge their own.
	 */
	public void acknowledge(long handoverId, Person reader) {
		if (!reader.isStaff()) {
			throw new AccessDeniedException("Staff acknowledge handovers");
		}
		Long writer = this.jdbc.sql("select written_by from handover where id = ?")
			.param(handoverId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("handover", handoverId));
		if (writer == reader.id()) {
			throw new InvalidInputException("acknowledge", "rota.handover.ownAcknowledge");
		}
		int changed = this.jdbc.sql("""
				update handover set acknowledged_by = ?, acknowledged_at = ? where id = ? and acknowledged_at is null
				""").params(reader.id(), Timestamp.from(this.clock.instant()), handoverId).update();
		if (changed == 0) {
			throw new ConflictException("rota.handover.acknowledged");
		}
		this.audit.record(reader.id(), "HANDOVER", handoverId, "ACKNOWLEDGED", null);
	}

	/**
	 * @param everyRota all rotas, read once by the caller: first-line ones give the day
	 * team
	 */
	private Optional<Handover> expected(Rota rota, List<Rota> everyRota, BusinessCalendar calendar, Kind kind,
			LocalDate day, boolean withSummary) {
		Optional<Window> window = window(rota, calendar, kind, day);
		if (window.isEmpty()) {
			return Optional.empty();
		}
		Instant due = window.get().due();
		Instant from = window.get().from();
		Instant to = due;
		Stored stored = stored(rota.id(), kind, day);
		Instant now = this.clock.instant();
		String leaving = (kind == Kind.MORNING) ? names(rota.shiftsAt(due.minusSeconds(60)))
				: firstLineNames(everyRota, rota, due.minusSeconds(60));
		String coming = (kind == Kind.MORNING) ? firstLineNames(everyRota, rota, due.plusSeconds(60))
				: names(rota.shiftsAt(due.plusSeconds(60)));
		Status status = status(stored, due, now);
		if (stored != null) {
			return Optional.of(new Handover(stored.id(), rota.id(), rota.name(), kind, day, due, stored.from(),
					stored.to(), leaving, coming, stored.summary(), stored.notes(), stored.writtenBy(),
					stored.writtenAt(), stored.acknowledgedBy(), stored.acknowledgedAt(), status, stored.writerId()));
		}
		String summary = status == Status.UPCOMING ? ""
				: summary(rota, from, (now.isBefore(to) ? now : to), calendar.zone());
		return Optional.of(new Handover(null, rota.id(), rota.name(), kind, day, due, from, to, leaving, coming,
				summary, null, null, null, null, null, status, null));
	}

	/**
	 * When a handover is due: it covers the shift from {@code from} to then.
	 */
	private record Window(Instant due, Instant from) {
	}

	/**
	 * When a handover of the day is due and the shift it covers, unless the calendar is
	 * closed that day or the rota had not started.
	 */
	private Optional<Window> window(Rota rota, BusinessCalendar calendar, Kind kind, LocalDate day) {
		Optional<Instant> opens = calendar.opening(day);
		Optional<Instant> closes = calendar.closing(day);
		if (opens.isEmpty() || closes.isEmpty() || opens.get().isBefore(rota.at(rota.startsOn()))) {
			return Optional.empty();
		}
		Instant due = (kind == Kind.MORNING) ? opens.get() : closes.get();
		Instant from = (kind == Kind.MORNING) ? previousClose(calendar, day).orElse(due.minus(Duration.ofHours(16)))
				: opens.get();
		return Optional.of(new Window(due, from));
	}

	private static Status status(Stored stored, Instant due, Instant now) {
		if (stored != null) {
			return (stored.acknowledgedAt() != null) ? Status.ACKNOWLEDGED : Status.UNACKNOWLEDGED;
		}
		return now.isBefore(due.minus(EARLY)) ? Status.UPCOMING
				: now.isAfter(due.plus(GRACE)) ? Status.MISSING : Status.DUE;
	}

	private Optional<Instant> previousClose(BusinessCalendar calendar, LocalDate day) {
		for (LocalDate before = day.minusDays(1); before.isAfter(day.minusDays(15)); before = before.minusDays(1)) {
			Optional<Instant> closes = calendar.closing(before);
			if (closes.isPresent()) {
				return closes;
			}
		}
		return Optional.empty();
	}

	/**
	 * What happened in the shift, as plain text: what the writer starts from.
	 */
	private String summary(Rota rota, Instant from, Instant to, ZoneId zone) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK).withZone(zone);
		StringBuilder text = new StringBuilder();
		List<TicketBrief> raised = this.tickets.raisedBetween(from, to, LIST_LIMIT);
		text.append("Tickets raised ")
			.append(time.format(from))
			.append(" – ")
			.append(time.format(to))
			.append(": ")
			.append(raised.size())
			.append(raised.size() == LIST_LIMIT ? "+" : "")
			.append('\n');
		raised.forEach((t) -> text.append(line(t, t.clientName(), t.priority(), t.status())));
		List<TicketBrief> urgent = this.tickets.openUrgent(LIST_LIMIT);
		text.append("Critical tickets and incidents still open: ").append(urgent.size()).append('\n');
		urgent.forEach((t) -> text.append(line(t, t.clientName(), t.status())));
		List<Long> paged = this.jdbc.sql("""
				select distinct ticket_id from oncall_page where paged_at >= ? and paged_at < ? order by ticket_id
				""").params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).list();
		text.append("Out-of-hours pages: ").append(paged.size()).append('\n');
		this.tickets.briefs(paged).forEach((t) -> text.append(line(t)));
		List<SlaBreach> breaches = this.sla.breachesBetween(from, to, LIST_LIMIT);
		text.append("SLA breaches: ")
			.append(breaches.size())
			.append(breaches.size() == LIST_LIMIT ? "+" : "")
			.append('\n');
		for (SlaBreach breach : breaches) {
			text.append("  #")
				.append(breach.ticketId())
				.append(' ')
				.append(breach.metric())
				.append(" at ")
				.append(time.format(breach.breachedAt()))
				.append('\n');
		}
		return text.toString();
	}

	/** " #12 Subject (detail, detail)", a line of the summary. */
	private static String line(TicketBrief ticket, Object... details) {
		String more = (details.length == 0) ? ""
				: " (" + String.join(", ", java.util.Arrays.stream(details).map(String::valueOf).toList()) + ")";
		return "  #" + ticket.id() + " " + ticket.subject() + more + "\n";
	}

	private String names(List<Shift> shifts) {
		Set<Long> ids = new LinkedHashSet<>();
		shifts.forEach((s) -> ids.add(s.personId()));
		Map<Long, Person> people = this.directory.peopleById(ids);
		return String.join(", ",
				ids.stream().map((id) -> people.containsKey(id) ? people.get(id).name() : "#" + id).toList());
	}

	private String firstLineNames(List<Rota> everyRota, Rota onCall, Instant at) {
		return names(firstLineShifts(everyRota, onCall, at));
	}

	private record Stored(long id, Instant from, Instant to, String summary, String notes, String writtenBy,
			Instant writtenAt, String acknowledgedBy, Instant acknowledgedAt, Long writerId) {
	}

	/**
	 * Every handover written for a business date on or after {@code since}, by rota, kind
	 * and date ("12/MORNING/2026-11-24"), in one statement.
	 */
	private Map<String, Stored> storedSince(LocalDate since) {
		Map<String, Stored> found = new HashMap<>();
		this.jdbc.sql("""
				select h.id, h.rota_id, h.kind, h.business_date, h.period_from, h.period_to, h.acknowledged_at,
				       h.written_by
				from handover h where h.business_date >= ?
				""").param(since).query((rs) -> {
			found
				.put(rs.getLong("rota_id") + "/" + rs.getString("kind") + "/"
						+ rs.getObject("business_date", LocalDate.class),
						new Stored(rs.getLong("id"), rs.getTimestamp("period_from").toInstant(),
								rs.getTimestamp("period_to").toInstant(), null, null, null, null, null,
								(rs.getTimestamp("acknowledged_at") != null)
										? rs.getTimestamp("acknowledged_at").toInstant() : null,
								rs.getLong("written_by")));
		});
		return found;
	}

	private Stored stored(long rotaId, Kind kind, LocalDate day) {
		return this.jdbc.sql("""
				select h.id, h.period_from, h.period_to, h.summary, h.notes, w.name as writer, h.written_at,
				       a.name as reader, h.acknowledged_at, h.written_by
				from handover h join app_user w on w.id = h.written_by left join app_user a on a.id = h.acknowledged_by
				where h.rota_id = ? and h.kind = ? and h.business_date = ?
				""")
			.params(rotaId, kind.name(), day)
			.query((rs, n) -> new Stored(rs.getLong("id"), rs.getTimestamp("period_from").toInstant(),
					rs.getTimestamp("period_to").toInstant(), rs.getString("summary"), rs.getString("notes"),
					rs.getString("writer"), rs.getTimestamp("written_at").toInstant(), rs.getString("reader"),
					(rs.getTimestamp("acknowledged_at") != null) ? rs.getTimestamp("acknowledged_at").toInstant()
							: null,
					rs.getLong("written_by")))
			.optional()
			.orElse(null);
	}

}
