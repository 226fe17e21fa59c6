package com.helpdesk.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.helpdesk.directory.Person;
import com.helpdesk.review.DailyReview.Breach;
import com.helpdesk.review.DailyReview.WaitingOnUs;
import com.helpdesk.review.TeamCalendar.Team;
import com.helpdesk.review.WeeklyReview.Section;
import com.helpdesk.review.WeeklyReview.Unresolved;
import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.review.internal.ReviewLists;
import com.helpdesk.review.internal.ReviewLists.Arrived;
import com.helpdesk.review.internal.ReviewLists.Counted;
import com.helpdesk.review.internal.ReviewRecords;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.sla.SlaBreach;
import com.helpdesk.sla.SlaService;
import com.helpdesk.ticket.TicketBrief;
import com.helpdesk.ticket.TicketLifecycle;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily and weekly reviews of the team: what each lists, and who marked each done.
 * "Today" is the team's day in the zone of its calendar ({@link TeamCalendar}).
 */
@Service
@Transactional
public class Reviews {

	/** The most rows a list of a review shows. */
	static final int LIST_LIMIT = 200;

	/** An Open ticket should not wait on us for longer. */
	static final Duration OPEN_AT_MOST = Duration.ofHours(24);

	/** How far ahead the daily review looks for Pending tickets about to be solved. */
	static final Duration SOLVING_WITHIN = Duration.ofHours(24);

	/** Unresolved for longer than this, a ticket is on the weekly review. */
	static final Duration WEEK = Duration.ofDays(7);

	private static final int RECENT = 7;

	private final ReviewLists lists;

	private final ReviewRecords records;

	private final TeamCalendar team;

	private final SlaService sla;

	private final TicketQueries tickets;

	private final AuditLog audit;

	private final Clock clock;

	private final AcknowledgeDeadline deadline;

	private final Duration autoSolveAfter;

	private final DeliveryRequests delivery;

	Reviews(ReviewLists lists, ReviewRecords records, TeamCalendar team, SlaService sla, TicketQueries tickets,
			DeliveryRequests delivery, AuditLog audit, Clock clock,
			@Value("${helpdesk.review.acknowledge-by}") String acknowledgeBy,
			@Value("${helpdesk.pending.auto-solve-after}") Duration autoSolveAfter) {
		this.lists = lists;
		this.delivery = delivery;
		this.records = records;
		this.team = team;
		this.sla = sla;
		this.tickets = tickets;
		this.audit = audit;
		this.clock = clock;
		this.deadline = new AcknowledgeDeadline(LocalTime.parse(acknowledgeBy));
		this.autoSolveAfter = autoSolveAfter;
	}

	@Transactional(readOnly = true)
	public DailyReview daily() {
		Instant now = this.clock.instant();
		Team team = this.team.get();
		LocalDate today = LocalDate.ofInstant(now, team.zone());
		Shown<DailyReview.Unacknowledged> unacknowledged = Shown.of(unacknowledged(team), LIST_LIMIT,
				this.lists::countUnacknowledged);
		// work a delivery manager has scheduled is not waiting on a reply: the requester
		// knows its week
		Counted<WaitingOnUs> waiting = this.lists.waitingSince(now.minus(OPEN_AT_MOST),
				this.delivery.scheduledTicketIds(), LIST_LIMIT);
		// about to be solved: the auto-solve rule would be due at the end of the window
		Instant pendingBefore = now.plus(SOLVING_WITHIN).minus(this.autoSolveAfter);
		Shown<DailyReview.SolvingSoon> solving = Shown
			.of(this.lists.pendingSince(pendingBefore, LIST_LIMIT, (since) -> since.plus(this.autoSolveAfter))
				.stream()
				.filter((p) -> TicketLifecycle.autoSolveDue(TicketStatus.PENDING, p.pendingSince(), this.autoSolveAfter,
						now.plus(SOLVING_WITHIN)))
				.toList(), LIST_LIMIT, () -> this.lists.countPendingSince(pendingBefore));
		Instant sinceYesterday = today.minusDays(1).atStartOfDay(team.zone()).toInstant();
		Shown<Breach> breaches = Shown.uncounted(breaches(sinceYesterday, now), LIST_LIMIT);
		Shown<FollowUp> followUps = Shown.of(this.lists.followUpsDueBy(today, LIST_LIMIT), LIST_LIMIT,
				() -> this.lists.countFollowUpsDueBy(today));
		return new DailyReview(today, team.name(), team.zone(), this.deadline.by(), now, unacknowledged,
				new Shown<>(waiting.rows(), LIST_LIMIT, waiting.total() - waiting.rows().size()), solving, breaches,
				followUps, this.records.find(ReviewKind.DAILY, today).orElse(null),
				this.records.recent(ReviewKind.DAILY, RECENT));
	}

	@Transactional(readOnly = true)
	public WeeklyReview weekly() {
		Instant now = this.clock.instant();
		Team team = this.team.get();
		LocalDate weekOf = ReviewKind.WEEKLY.period(LocalDate.ofInstant(now, team.zone()));
		Instant createdBefore = now.minus(WEEK);
		List<Unresolved> unresolved = this.lists.unresolvedSince(createdBefore, LIST_LIMIT);
		long more = (unresolved.size() < LIST_LIMIT) ? 0
				: Math.max(0, this.lists.countUnresolvedSince(createdBefore) - unresolved.size());
		return new WeeklyReview(weekOf, team.name(), team.zone(), now, sections(unresolved, Unresolved::clientName),
				sections(unresolved, Unresolved::groupName), unresolved.size(), more,
				this.records.find(ReviewKind.WEEKLY, weekOf).orElse(null),
				this.records.recent(ReviewKind.WEEKLY, RECENT));
	}

	/**
	 * Marks the review of the current team day (or week) done.
	 * @param shownFor the day (or the Monday of the week) the person reviewed, from the
	 * page they read
	 * @throws ConflictException when the day has moved on since, or someone already
	 * marked it done: their name and time are in the message
	 */
	public ReviewDone markDone(ReviewKind kind, LocalDate shownFor, Person by) {
		if (!by.isStaff()) {
			throw new AccessDeniedException("Staff review tickets");
		}
		Instant now = this.clock.instant();
		LocalDate period = kind.period(LocalDate.ofInstant(now, this.team.get().zone()));
		if (!period.equals(shownFor)) {
			throw new ConflictException("review.done.periodChanged." + kind);
		}
		long id = this.records.insert(kind, period, by.id(), now).orElseThrow(() -> {
			ReviewDone first = this.records.find(kind, period).orElseThrow();
			DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(by.zone());
			return new ConflictException("review.done.already." + kind, first.doneBy(),
					time.format(first.doneAt()) + " (" + by.zone().getId() + ")");
		});
		this.audit.record(by.id(), "REVIEW", id, kind + "_DONE", kind + " review of " + period);
		return this.records.find(kind, period).orElseThrow();
	}

	/**
	 * New tickets with their deadline: the end of the team's day, or sooner where the
	 * ticket's own first reply is due sooner; the soonest due first.
	 */
	private List<DailyReview.Unacknowledged> unacknowledged(Team team) {
		List<Arrived> arrived = this.lists.unacknowledged(LIST_LIMIT);
		Map<Long, Instant> firstReplyDue = this.sla.firstReplyDue(arrived.stream().map(Arrived::ticketId).toList());
		return arrived.stream().map((t) -> {
			AcknowledgeDeadline.Due due = this.deadline.due(t.arrivedAt(), team.calendar(),
					firstReplyDue.get(t.ticketId()));
			return new DailyReview.Unacknowledged(t.ticketId(), t.subject(), t.clientName(), t.priority(),
					t.arrivedAt(), due.at(), due.reason());
		})
			.sorted(Comparator.comparing(DailyReview.Unacknowledged::dueAt)
				.thenComparing(DailyReview.Unacknowledged::arrivedAt)
				.thenComparingLong(DailyReview.Unacknowledged::ticketId))
			.limit(LIST_LIMIT)
			.toList();
	}

	private List<Breach> breaches(Instant from, Instant to) {
		List<SlaBreach> breaches = this.sla.breachesBetween(from, to, LIST_LIMIT);
		Map<Long, TicketBrief> briefs = this.tickets
			.briefs(breaches.stream().map(SlaBreach::ticketId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(TicketBrief::id, Function.identity()));
		return breaches.stream().filter((b) -> briefs.containsKey(b.ticketId())).map((b) -> {
			TicketBrief ticket = briefs.get(b.ticketId());
			return new Breach(b.ticketId(), ticket.subject(), ticket.clientName(), b.metric(), b.breachedAt());
		}).toList();
	}

	/**
	 * The tickets in sections by a name, in order of name; those with no name last.
	 */
	private static List<Section> sections(List<Unresolved> tickets, Function<Unresolved, String> name) {
		Map<String, List<Unresolved>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		List<Unresolved> unnamed = new ArrayList<>();
		for (Unresolved ticket : tickets) {
			String key = name.apply(ticket);
			if (key == null) {
				unnamed.add(ticket);
			}
			else {
				named.computeIfAbsent(key, (k) -> new ArrayList<>()).add(ticket);
			}
		}
		List<Section> sections = new ArrayList<>();
		named.forEach((key, section) -> sections.add(new Section(key, section)));
		if (!unnamed.isEmpty()) {
			sections.add(new Section(null, unnamed));
		}
		return List.copyOf(sections);
	}

}
