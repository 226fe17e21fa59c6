package com.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.TestData;

/**
 * The calendars and plans the SLA tests measure against, made once per test run with
 * unique names (the database is shared, so nothing here is anyone else's).
 * <ul>
 * <li>London: Mon–Fri 10:00–18:00 Europe/London, England and Wales bank holidays.</li>
 * <li>Sydney: Mon–Fri 09:00–17:00 Australia/Sydney, no holidays.</li>
 * </ul>
 * Plans ({@link Plan}): STANDARD and SYDNEY have the same targets ({@link #standard()}),
 * FAST is quicker and has a target for LOW; OWN is a fresh copy of STANDARD for one
 * scenario, so that changing its targets touches nobody else.
 */
final class SlaFixture {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	enum Plan {

		/** London calendar, {@link SlaFixture#standard()} targets, shared. */
		STANDARD,
		/** London calendar, {@link SlaFixture#fast()} targets, shared. */
		FAST,
		/** Sydney calendar, {@link SlaFixture#standard()} targets, shared. */
		SYDNEY,
		/**
		 * London calendar, {@link SlaFixture#standard()} targets, made for one scenario.
		 */
		OWN

	}

	private static Long londonCalendar;

	private static Long sydneyCalendar;

	private static final Map<Plan, Long> sharedPlans = new EnumMap<>(Plan.class);

	private final Calendars calendars;

	private final SlaPolicies policies;

	private final DirectoryAdmin admin;

	private final Directory directory;

	SlaFixture(Calendars calendars, SlaPolicies policies, DirectoryAdmin admin, Directory directory) {
		this.calendars = calendars;
		this.policies = policies;
		this.admin = admin;
		this.directory = directory;
	}

	/**
	 * Standard targets. CRITICAL: 30m / 1h / 4h, 24/7. HIGH: 2h / 2h / 8h business.
	 * NORMAL: end of business day / 4h / 16h business. LOW: none.
	 */
	static List<SlaTarget> standard() {
		return List.of(always(Priority.CRITICAL, SlaMetric.FIRST_REPLY, "PT30M"),
				always(Priority.CRITICAL, SlaMetric.NEXT_REPLY, "PT1H"),
				always(Priority.CRITICAL, SlaMetric.RESOLUTION, "PT4H"),
				business(Priority.HIGH, SlaMetric.FIRST_REPLY, "PT2H"),
				business(Priority.HIGH, SlaMetric.NEXT_REPLY, "PT2H"),
				business(Priority.HIGH, SlaMetric.RESOLUTION, "PT8H"), endOfDay(Priority.NORMAL, SlaMetric.FIRST_REPLY),
				business(Priority.NORMAL, SlaMetric.NEXT_REPLY, "PT4H"),
				business(Priority.NORMAL, SlaMetric.RESOLUTION, "PT16H"));
	}

	/**
	 * Fast targets. CRITICAL: 15m / 30m / 2h, 24/7. HIGH: 1h / 1h / 4h business. NORMAL:
	 * 4h / 2h / 8h business. LOW: first reply 8h business.
	 */
	static List<SlaTarget> fast() {
		return List.of(always(Priority.CRITICAL, SlaMetric.FIRST_REPLY, "PT15M"),
				always(Priority.CRITICAL, SlaMetric.NEXT_REPLY, "PT30M"),
				always(Priority.CRITICAL, SlaMetric.RESOLUTION, "PT2H"),
				business(Priority.HIGH, SlaMetric.FIRST_REPLY, "PT1H"),
				business(Priority.HIGH, SlaMetric.NEXT_REPLY, "PT1H"),
				business(Priority.HIGH, SlaMetric.RESOLUTION, "PT4H"),
				business(Priority.NORMAL, SlaMetric.FIRST_REPLY, "PT4H"),
				business(Priority.NORMAL, SlaMetric.NEXT_REPLY, "PT2H"),
				business(Priority.NORMAL, SlaMetric.RESOLUTION, "PT8H"),
				business(Priority.LOW, SlaMetric.FIRST_REPLY, "PT8H"));
	}

	/**
	 * The standard targets with some replaced (same priority and metric).
	 */
	static List<SlaTarget> standardWith(SlaTarget... changes) {
		List<SlaTarget> targets = new ArrayList<>(standard());
		for (SlaTarget change : changes) {
			targets.removeIf((t) -> t.priority() == change.priority() && t.metric() == change.metric());
			targets.add(change);
		}
		return targets;
	}

	/**
	 * The standard targets without the one for this priority and metric.
	 */
	static List<SlaTarget> standardWithout(Priority priority, SlaMetric metric) {
		List<SlaTarget> targets = new ArrayList<>(standard());
		targets.removeIf((t) -> t.priority() == priority && t.metric() == metric);
		return targets;
	}

	static SlaTarget business(Priority priority, SlaMetric metric, String within) {
		return new SlaTarget(priority, metric, Duration.parse(within), false, SlaClock.BUSINESS);
	}

	static SlaTarget always(Priority priority, SlaMetric metric, String within) {
		return new SlaTarget(priority, metric, Duration.parse(within), false, SlaClock.ALWAYS);
	}

	static SlaTarget endOfDay(Priority priority, SlaMetric metric) {
		return new SlaTarget(priority, metric, null, true, SlaClock.BUSINESS);
	}

	synchronized long londonCalendar() {
		if (londonCalendar == null) {
			londonCalendar = this.calendars.create(new CalendarCommand(TestData.unique("SLA London"), LONDON.getId(),
					weekdays(LocalTime.of(10, 0), LocalTime.of(18, 0)), Calendars.englandAndWalesBankHolidays()), null);
		}
		return londonCalendar;
	}

	synchronized long sydneyCalendar() {
		if (sydneyCalendar == null) {
			sydneyCalendar = this.calendars.create(new CalendarCommand(TestData.unique("SLA Sydney"), SYDNEY.getId(),
					weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)), List.of()), null);
		}
		return sydneyCalendar;
	}

	/**
	 * The plan's id; a shared plan is made on first use, OWN is made anew each time.
	 */
	synchronized long plan(Plan plan) {
		if (plan == Plan.OWN) {
			return newPlan("SLA own", londonCalendar(), standard());
		}
		Long id = sharedPlans.get(plan);
		if (id == null) {
			id = switch (plan) {
				case STANDARD -> newPlan("SLA standard", londonCalendar(), standard());
				case FAST -> newPlan("SLA fast", londonCalendar(), fast());
				case SYDNEY -> newPlan("SLA Sydney", sydneyCalendar(), standard());
				case OWN -> throw new IllegalStateException();
			};
			sharedPlans.put(plan, id);
		}
		return id;
	}

	long newPlan(String name, long calendarId, List<SlaTarget> targets) {
		return this.policies.createPlan(new PlanCommand(TestData.unique(name), null, false, calendarId, 0.25, targets),
				null);
	}

	/**
	 * Changes a plan's targets (and calendar) from now, as an administrator would.
	 */
	void changePlan(long planId, long calendarId, List<SlaTarget> targets) {
		PlanSla current = this.policies.plan(planId).orElseThrow();
		String name = this.directory.plan(planId).name();
		this.policies.updatePlan(planId, current.version(),
				new PlanCommand(name, null, false, calendarId, 0.25, targets), null);
	}

	/**
	 * A fresh client on the plan.
	 */
	long client(long planId) {
		return this.admin.createClient(new ClientCommand(TestData.unique("SLA client"), planId, null, true), null);
	}

	/**
	 * Moves a client to another plan from now.
	 */
	void moveClient(long clientId, long planId) {
		var client = this.directory.client(clientId);
		this.admin.updateClient(clientId, client.version(),
				new ClientCommand(client.name(), planId, client.deliveryManagerId(), client.active()), null);
	}

	private static List<OpeningHours> weekdays(LocalTime open, LocalTime close) {
		List<OpeningHours> hours = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.add(new OpeningHours(day, open, close));
		}
		return hours;
	}

}
