package com.helpdesk.rota;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.helpdesk.directory.ClientSummary;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketEvents.PublicReplyAdded;
import com.helpdesk.ticket.TicketEvents.StatusChanged;
import com.helpdesk.ticket.TicketEvents.TicketCreated;
import com.helpdesk.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins rotas to the work. Out of hours, a CRITICAL ticket or an INCIDENT from a client
 * with 24/7 cover goes at once to whoever is on call (assigned and paged); unanswered
 * within the acknowledgement window (by the person paged, or a manager) it goes to the
 * secondary, then to the managers. Anything else waits for opening hours. In hours, a
 * first-line rota set to do so hands its group's new tickets round the people on shift.
 */
@Service
@Transactional
public class OnCallRouting {

	private static final Logger log = LoggerFactory.getLogger(OnCallRouting.class);

	private final Rotas rotas;

	private final TicketService tickets;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditLog audit;

	private final Duration acknowledgeWithin;

	OnCallRouting(Rotas rotas, TicketService tickets, Directory directory, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, AuditLog audit,
			@Value("${helpdesk.oncall.acknowledge-within:PT15M}") Duration acknowledgeWithin) {
		this.rotas = rotas;
		this.tickets = tickets;
		this.directory = directory;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.audit = audit;
		this.acknowledgeWithin = acknowledgeWithin;
	}

	/** The most time one person logs on one page: a long night, not a day. */
	public static final int MOST_MINUTES_LOGGED = 720;

	/**
	 * A page as the ticket page and the inbox show it.
	 *
	 * @param timeLogged the time each person logged on it, as their own
	 */
	public record Page(long id, long ticketId, long personId, String personName, int level, Instant pagedAt,
			Instant acknowledgedAt, Instant escalatedAt, Long acknowledgedById, List<TimeLogged> timeLogged) {

		/**
		 * The minutes someone logged on this page, if they did.
		 */
		public Integer minutesOf(long someoneId) {
			return this.timeLogged.stream()
				.filter((t) -> t.personId() == someoneId)
				.map(TimeLogged::minutes)
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * Time one person spent on a page, logged by themselves.
	 */
	public record TimeLogged(long personId, String personName, int minutes) {
	}

	@EventListener
	void on(TicketCreated created) {
		Instant now = created.createdAt();
		boolean critical = created.priority() == Priority.CRITICAL || created.type() == RequestType.INCIDENT;
		if (critical && hasAllHoursCover(created.clientId())) {
			Optional<Rota> onCall = onCallWorking(now, created.groupId());
			if (onCall.isPresent()) {
				List<Shift> on = onCall.get().shiftsAt(now);
				if (!on.isEmpty()) {
					page(created.ticketId(), onCall.get(), on.get(0).personId(), 0, now);
					return;
				}
			}
		}
		if (created.groupId() != null) {
			roundRobin(created.ticketId(), created.groupId(), now);
		}
	}

	@EventListener
	void on(PublicReplyAdded reply) {
		if (reply.byStaff() && reply.authorId() != null) {
			acknowledgeIfAllowed(reply.ticketId(), reply.authorId());
		}
	}

	@EventListener
	void on(StatusChanged change) {
		if (!change.automatic() && change.actorId() != null) {
			acknowledgeIfAllowed(change.ticketId(), change.actorId());
		}
	}

	/**
	 * A reply or a change by someone who may acknowledge the ticket's pages (someone
	 * paged for it, a manager or an administrator) acknowledges them; one statement, as
	 * every staff reply comes here and most tickets were never paged.
	 */
	private void acknowledgeIfAllowed(long ticketId, long personId) {
		this.jdbc.sql("""
				update oncall_page set acknowledged_at = ?, acknowledged_by = ?
				where ticket_id = ? and acknowledged_at is null and escalated_at is null
				  and (exists (select 1 from oncall_page mine where mine.ticket_id = ? and mine.person_id = ?)
				       or exists (select 1 from app_user u where u.id = ? and u.role in ('MANAGER', 'ADMIN')))
				""")
			.params(Timestamp.from(this.clock.instant()), personId, ticketId, ticketId, personId, personId)
			.update();
	}

	/**
	 * "I'm on it": the person paged for the ticket, or a manager or administrator, stops
	 * the escalation. Anyone else's answer would hide that the person paged has not
	 * answered.
	 */
	public void acknowledge(long ticketId, Person person) {
		if (!person.isStaff() || !mayAcknowledge(ticketId, person)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the person paged, or a manager, acknowledges a page");
		}
		acknowledgeAll(ticketId, person.id());
	}

	/**
	 * Whether someone may acknowledge a ticket's pages: they were paged for it, or they
	 * manage the team.
	 */
	@Transactional(readOnly = true)
	public boolean mayAcknowledge(long ticketId, Person person) {
		if (person.role() == Role.MANAGER || person.role() == Role.ADMIN) {
			return true;
		}
		return this.jdbc.sql("select count(*) > 0 from oncall_page where ticket_id = ? and person_id = ?")
			.params(ticketId, person.id())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Logs the time someone spent out of hours on a ticket they were paged for or
	 * acknowledged, as their own time, for the on-call hours report: at most
	 * {@link #MOST_MINUTES_LOGGED}, and no more than has passed since the page. Logging
	 * again changes it.
	 */
	public void logTime(long ticketId, Person person, Integer minutes) {
		if (minutes == null || minutes < 1 || minutes > MOST_MINUTES_LOGGED) {
			throw new com.helpdesk.shared.InvalidInputException("minutes", "rota.page.minutes.range");
		}
		record Paged(long id, Instant at) {
		}
		Paged page = this.jdbc.sql("""
				select id, paged_at from oncall_page where ticket_id = ? and level <= 1
				and (person_id = ? or acknowledged_by = ?)
				order by (person_id = ?) desc, level, id limit 1
				""")
			.params(ticketId, person.id(), person.id(), person.id())
			.query((rs, n) -> new Paged(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional()
			.orElseThrow(() -> new com.helpdesk.shared.InvalidInputException("minutes", "rota.page.minutes.notPaged"));
		Instant now = this.clock.instant();
		if (page.at().plus(Duration.ofMinutes(minutes)).isAfter(now.plus(Duration.ofMinutes(1)))) {
			throw new com.helpdesk.shared.InvalidInputException("minutes", "rota.page.minutes.sincePaged");
		}
		this.jdbc
			.sql("""
					insert into oncall_time (page_id, person_id, minutes, logged_at) values (?, ?, ?, ?)
					on conflict (page_id, person_id) do update set minutes = excluded.minutes, logged_at = excluded.logged_at
					""")
			.params(page.id(), person.id(), minutes, Timestamp.from(now))
			.update();
		this.audit.record(person.id(), "ONCALL_PAGE", page.id(), "TIME_LOGGED",
				"ticket " + ticketId + ": " + minutes + " minutes");
	}

	/**
	 * Who was paged for a ticket, with the time each person logged; the time is read only
	 * for a ticket that was paged (every ticket page asks).
	 */
	@Transactional(readOnly = true)
	public List<Page> pages(long ticketId) {
		List<Page> pages = this.jdbc.sql("""
				select p.id, p.ticket_id, p.person_id, u.name, p.level, p.paged_at, p.acknowledged_at, p.escalated_at,
				       p.acknowledged_by
				from oncall_page p join app_user u on u.id = p.person_id where p.ticket_id = ? order by p.level, p.id
				""")
			.param(ticketId)
			.query((rs, n) -> new Page(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
					rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
					(Long) rs.getObject(9), List.of()))
			.list();
		if (pages.isEmpty()) {
			return pages;
		}
		java.util.Map<Long, List<TimeLogged>> time = new java.util.HashMap<>();
		this.jdbc.sql("""
				select t.page_id, t.person_id, u.name, t.minutes
				from oncall_time t join oncall_page p on p.id = t.page_id join app_user u on u.id = t.person_id
				where p.ticket_id = ? order by t.logged_at
				""")
			.param(ticketId)
			.query((org.springframework.jdbc.core.RowCallbackHandler) (rs) -> time
				.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new TimeLogged(rs.getLong(2), rs.getString(3), rs.getInt(4))));
		return pages.stream()
			.map((p) -> new Page(p.id(), p.ticketId(), p.personId(), p.personName(), p.level(), p.pagedAt(),
					p.acknowledgedAt(), p.escalatedAt(), p.acknowledgedById(),
					List.copyOf(time.getOrDefault(p.id(), List.of()))))
			.toList();
	}

	/**
	 * Escalates every page not acknowledged within the window: on call to the secondary,
	 * the secondary to the managers. Each page is moved on once, however often or from
	 * however many instances this runs.
	 */
	public int escalateDue() {
		Instant now = this.clock.instant();
		List<Long> due = this.jdbc.sql("""
				select id from oncall_page
				where acknowledged_at is null and escalated_at is null and level < 2 and paged_at <= ?
				order by paged_at limit 200
				""").param(Timestamp.from(now.minus(this.acknowledgeWithin))).query(Long.class).list();
		int escalated = 0;
		for (long pageId : due) {
			if (escalate(pageId, now)) {
				escalated++;
			}
		}
		if (escalated > 0) {
			log.info("On call: {} unacknowledged pages escalated", escalated);
		}
		return escalated;
	}

	private boolean escalate(long pageId, Instant now) {
		record Waiting(long ticketId, long rotaId, long personId, int level) {
		}
		Waiting page = this.jdbc.sql("""
				update oncall_page set escalated_at = ?
				where id = ? and acknowledged_at is null and escalated_at is null
				returning ticket_id, rota_id, person_id, level
				""")
			.params(Timestamp.from(now), pageId)
			.query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
			.optional()
			.orElse(null);
		if (page == null) {
			return false;
		}
		Rota rota = this.rotas.get(page.rotaId());
		if (page.level() == 0) {
			Long secondary = secondary(rota, page.personId(), now);
			if (secondary != null) {
				page(page.ticketId(), rota, secondary, 1, now);
				return true;
			}
		}
		List<Person> managers = this.directory.staff().stream().filter((p) -> p.role() == Role.MANAGER).toList();
		for (Person manager : managers) {
			insertPage(page.ticketId(), rota.id(), manager.id(), 2, now)
				.ifPresent((id) -> this.events.publishEvent(new OnCallPaged(id, page.ticketId(), manager.id(), 2)));
		}
		return true;
	}

	/**
	 * Who backs the on-call engineer up: the holder of the rota's second position if it
	 * has one, otherwise whoever is on call next.
	 */
	private Long secondary(Rota rota, long primaryId, Instant now) {
		if (rota.positions().size() > 1) {
			return rota.shiftsAt(now)
				.stream()
				.filter((s) -> s.positionId() == rota.positions().get(1).id() && s.personId() != primaryId)
				.map(Shift::personId)
				.findFirst()
				.orElse(null);
		}
		RotaPosition position = rota.positions().get(0);
		int next = rota.nextStint(position, now);
		for (int k = next; k < next + 8; k++) {
			Optional<Shift> stint = rota.stint(position, k);
			if (stint.isPresent() && stint.get().personId() != primaryId) {
				return stint.get().personId();
			}
		}
		return null;
	}

	private void page(long ticketId, Rota rota, long personId, int level, Instant now) {
		Optional<Long> id = insertPage(ticketId, rota.id(), personId, level, now);
		if (id.isEmpty()) {
			return;
		}
		this.tickets.route(ticketId, personId,
				(level == 0) ? "Out of hours: on call (" + rota.name() + ")" : "Out of hours: not acknowledged within "
						+ this.acknowledgeWithin.toMinutes() + " minutes, escalated to the secondary");
		this.events.publishEvent(new OnCallPaged(id.get(), ticketId, personId, level));
	}

	private Optional<Long> insertPage(long ticketId, long rotaId, long personId, int level, Instant now) {
		return this.jdbc.sql("""
				insert into oncall_page (ticket_id, rota_id, person_id, level, paged_at) values (?, ?, ?, ?, ?)
				on conflict (ticket_id, level, person_id) do nothing returning id
				""").params(ticketId, rotaId, personId, level, Timestamp.from(now)).query(Long.class).optional();
	}

	private void acknowledgeAll(long ticketId, long personId) {
		this.jdbc.sql("""
				update oncall_page set acknowledged_at = ?, acknowledged_by = ?
				where ticket_id = ? and acknowledged_at is null and escalated_at is null
				""").params(Timestamp.from(this.clock.instant()), personId, ticketId).update();
	}

	private boolean hasAllHoursCover(long clientId) {
		try {
			ClientSummary client = this.directory.client(clientId);
			return client.outOfHoursCritical();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The on-call rota working now that fits the ticket best: one for the ticket's group
	 * before one for no group in particular, and the newest of those.
	 */
	private Optional<Rota> onCallWorking(Instant now, Long groupId) {
		return this.rotas.list()
			.stream()
			.filter((r) -> r.duty() == RotaDuty.ON_CALL && r.calendarId() != null)
			.filter((r) -> r.groupId() == null || r.groupId().equals(groupId))
			.filter((r) -> this.rotas.working(r, now))
			.filter((r) -> !r.shiftsAt(now).isEmpty())
			.max(Comparator.comparing((Rota r) -> r.groupId() != null).thenComparingLong(Rota::id));
	}

	/**
	 * In hours, the next of the first-line people on shift takes the group's new ticket.
	 */
	private void roundRobin(long ticketId, long groupId, Instant now) {
		record Setting(long rotaId, Long lastAssigned) {
		}
		List<Setting> settings = this.jdbc.sql("""
				select id, last_assigned_id from rota
				where auto_assign and group_id = ? and duty = 'FIRST_LINE' order by lower(name) for update
				""").param(groupId).query((rs, n) -> new Setting(rs.getLong(1), (Long) rs.getObject(2))).list();
		for (Setting setting : settings) {
			Rota rota = this.rotas.get(setting.rotaId());
			if (!this.rotas.working(rota, now)) {
				continue;
			}
			List<Long> onShift = new ArrayList<>(
					rota.shiftsAt(now).stream().map(Shift::personId).distinct().sorted().toList());
			if (onShift.isEmpty()) {
				continue;
			}
			long next = onShift.stream()
				.filter((id) -> setting.lastAssigned() == null || id > setting.lastAssigned())
				.findFirst()
				.orElse(onShift.get(0));
			// a ticket someone already has (in-depth work with its delivery manager)
			// keeps them
			if (this.tickets.routeUnassigned(ticketId, next,
					"In hours: next on first-line support (" + rota.name() + ")")) {
				this.jdbc.sql("update rota set last_assigned_id = ? where id = ?").params(next, rota.id()).update();
			}
			return;
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
