package com.helpdesk.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.delivery.DeliveryTeams;
import com.helpdesk.delivery.ScopeCommand;
import com.helpdesk.delivery.TeamCommand;
import com.helpdesk.directory.GroupCommand;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.UserCommand;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.SlaTarget;
import com.helpdesk.ticket.NewAttachment;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestDetails.ServerSpec;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TriageChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo data through the app's own services, so it obeys every rule real data
 * does. Never into a database that already holds people.
 */
@Component
@ConditionalOnBooleanProperty(name = "helpdesk.demo-data", matchIfMissing = true)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo-pass-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Directory directory;

	private final DirectoryAdmin admin;

	private final TicketService tickets;

	private final Calendars calendars;

	private final SlaPolicies policies;

	private final Rotas rotas;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DeliveryTeams deliveryTeams;

	private final DeliveryRequests deliveryRequests;

	DemoData(Directory directory, DirectoryAdmin admin, TicketService tickets, Calendars calendars,
			SlaPolicies policies, Rotas rotas, DeliveryTeams deliveryTeams, DeliveryRequests deliveryRequests,
			JdbcClient jdbc, Clock clock) {
		this.deliveryTeams = deliveryTeams;
		this.deliveryRequests = deliveryRequests;
		this.directory = directory;
		this.admin = admin;
		this.tickets = tickets;
		this.calendars = calendars;
		this.policies = policies;
		this.rotas = rotas;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// two instances starting on one empty database must not both load it
		this.jdbc.sql("select pg_advisory_xact_lock(4242)").query().singleValue();
		if (this.directory.hasAnyone()) {
			return;
		}
		load();
		log.info("Demo data loaded: sign in as admin@helpdesk.test, agent@helpdesk.test or alice@client-a.test "
				+ "with password {}", PASSWORD);
	}

	private void load() {
		long defaultPlan = this.admin.createPlan("Default",
				"Fully managed: code, maintenance, updates, uptime and security monitoring, helpdesk.", false, null);
		long managedPlus = this.admin.createPlan("Managed Plus",
				"Everything in Default, plus a quarterly site review, a named delivery manager, "
						+ "faster response targets and 24/7 cover for critical issues.",
				true, null);
		long supportHours = this.calendars.create(
				new CalendarCommand("UK support hours", "Europe/London",
						weekdays(LocalTime.of(10, 0), LocalTime.of(18, 0)), Calendars.englandAndWalesBankHolidays()),
				null);
		this.policies.setUp(defaultPlan, supportHours, 0.25,
				List.of(business(Priority.CRITICAL, SlaMetric.FIRST_REPLY, "PT1H"),
						business(Priority.CRITICAL, SlaMetric.NEXT_REPLY, "PT2H"),
						business(Priority.CRITICAL, SlaMetric.RESOLUTION, "PT8H"),
						business(Priority.HIGH, SlaMetric.FIRST_REPLY, "PT4H"),
						business(Priority.HIGH, SlaMetric.NEXT_REPLY, "PT4H"),
						business(Priority.HIGH, SlaMetric.RESOLUTION, "PT16H"), endOfDay(Priority.NORMAL),
						business(Priority.NORMAL, SlaMetric.NEXT_REPLY, "PT8H"),
						business(Priority.NORMAL, SlaMetric.RESOLUTION, "PT40H"), endOfDay(Priority.LOW),
						business(Priority.LOW, SlaMetric.NEXT_REPLY, "PT16H"),
						business(Priority.LOW, SlaMetric.RESOLUTION, "PT80H")),
				null, null);
		this.policies.setUp(managedPlus, supportHours, 0.25,
				List.of(always(Priority.CRITICAL, SlaMetric.FIRST_REPLY, "PT30M"),
						always(Priority.CRITICAL, SlaMetric.NEXT_REPLY, "PT1H"),
						always(Priority.CRITICAL, SlaMetric.RESOLUTION, "PT4H"),
						business(Priority.HIGH, SlaMetric.FIRST_REPLY, "PT2H"),
						business(Priority.HIGH, SlaMetric.NEXT_REPLY, "PT2H"),
						business(Priority.HIGH, SlaMetric.RESOLUTION, "PT8H"),
						business(Priority.NORMAL, SlaMetric.FIRST_REPLY, "PT4H"),
						business(Priority.NORMAL, SlaMetric.NEXT_REPLY, "PT4H"),
						business(Priority.NORMAL, SlaMetric.RESOLUTION, "PT24H"), endOfDay(Priority.LOW),
						business(Priority.LOW, SlaMetric.NEXT_REPLY, "PT8H"),
						business(Priority.LOW, SlaMetric.RESOLUTION, "PT40H")),
				null, null);

		long adminId = user("admin@helpdesk.test", "Ada Admin", Role.ADMIN, null);
		user("manager@helpdesk.test", "Morgan Manager", Role.MANAGER, null);
		long dm = user("dm@helpdesk.test", "Dana Delivery", Role.DELIVERY_MANAGER, null);
		long agent = user("agent@helpdesk.test", "Alex Agent", Role.AGENT, null);
		long expert = user("expert@helpdesk.test", "Erin Expert", Role.AGENT, null);
		long security = user("security@helpdesk.test", "Sam Specialist", Role.AGENT, null);

		long clientA = this.admin.createClient(new ClientCommand("Client A", defaultPlan, null, true), adminId);
		long clientB = this.admin.createClient(new ClientCommand("Client B", managedPlus, dm, true), adminId);
		user("alice@client-a.test", "Alice Archer", Role.REQUESTER, clientA);
		user("bob@client-b.test", "Bob Baker", Role.REQUESTER, clientB);

		long tier1 = this.admin.createGroup(new GroupCommand("Tier 1",
				"Everyone on first-line support. New requests land here.", true, Set.of(agent)), adminId);
		long experts = this.admin.createGroup(
				new GroupCommand("Platform experts",
						"Platform engineers on the support rotation; Tier 1 escalates here.", false, Set.of(expert)),
				adminId);
		this.admin.createGroup(new GroupCommand("Security specialists",
				"Security and compliance tickets, with follow-up.", false, Set.of(security)), adminId);

		tickets(agent, experts);
		List<Long> counted = rotas(supportHours, tier1, experts, agent, expert, security);
		delivery(supportHours, dm, adminId, counted);
	}

	/**
	 * The platform team's delivery planning: weeks from Wednesday, a fifth kept for
	 * unplanned support, first-line support and on call taking people off; a deployment
	 * waiting in the intake and some development support already planned.
	 */
	private void delivery(long calendar, long dm, long adminId, List<Long> rotaIds) {
		long group = this.admin.createGroup(new GroupCommand("Delivery",
				"Delivery managers: deployments and in-depth work, scoped and scheduled.", false, Set.of(dm)), adminId);
		List<Long> engineers = java.util.stream.Stream
			.of("agent", "expert", "priya", "tom", "jo", "kim", "ravi", "lena")
			.map((name) -> this.directory.findPersonByEmail(name + "@helpdesk.test").orElseThrow().id())
			.toList();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Europe/London")));
		LocalDate wednesday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
		this.deliveryTeams.create(
				new TeamCommand("Platform team", calendar, group, dm, 20, 1, wednesday, true, engineers, rotaIds),
				adminId);
		Person alice = this.directory.findPersonByEmail("alice@client-a.test").orElseThrow();
		Person bob = this.directory.findPersonByEmail("bob@client-b.test").orElseThrow();
		this.tickets.create(bob,
				new NewTicket(RequestType.DEPLOYMENT, "Deploy the new booking application",
						"We have a new booking application from our vendor to go live next month.",
						"Read the deployment guide; the vendor has a Docker image ready.", Priority.NORMAL,
						new RequestDetails(null, null, null, "Bookings", "Production",
								new ServerSpec("2 vCPU", "4 GB", "40 GB", "Ubuntu 24.04"), today.plusWeeks(4), null,
								null, null, null, null, null, null),
						null),
				List.of());

		long support = this.tickets.create(alice, new NewTicket(RequestType.DEVELOPMENT_SUPPORT,
				"Help moving our nightly jobs to scheduled tasks",
				"Our site runs three cron jobs on the web server; we would like them to run as scheduled tasks.",
				"Read the scheduled tasks guide; not sure how to pass our secrets to them.", Priority.NORMAL,
				new RequestDetails(null, null, null, null, null, null, null,
						"The three nightly jobs run as scheduled tasks, with their secrets from the secret store.",
						null, null, null, null, null, null),
				null), List.of());
		Person dana = this.directory.person(dm);
		DeliveryRequest request = this.deliveryRequests.forTicket(support).orElseThrow();
		this.deliveryRequests.scope(dana, request.id(), request.version(),
				new ScopeCommand(request.desiredOutcome(), new BigDecimal("2"), false, null, null));
		this.deliveryRequests.schedule(dana, request.id(), request.version() + 1, wednesday.plusWeeks(1),
				"Agreed with the client as this month's priority");
	}

	/**
	 * The four patterns of the seeds, started eight weeks ago so each has a past to look
	 * back on.
	 */
	private List<Long> rotas(long calendar, long tier1, long experts, long agent, long expert, long security) {
		long priya = user("priya@helpdesk.test", "Priya Patel", Role.AGENT, null);
		long tom = user("tom@helpdesk.test", "Tom Okafor", Role.AGENT, null);
		long jo = user("jo@helpdesk.test", "Jo Lee", Role.AGENT, null);
		long kim = user("kim@helpdesk.test", "Kim Novak", Role.AGENT, null);
		long ravi = user("ravi@helpdesk.test", "Ravi Shah", Role.AGENT, null);
		long lena = user("lena@helpdesk.test", "Lena Berg", Role.AGENT, null);
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Europe/London")));
		LocalDate wednesday = today.minusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
		LocalDate monday = today.minusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		long firstLine = this.rotas.create(new RotaCommand("First-line support", RotaTemplate.WEEKLY_PAIR,
				RotaTemplate.WEEKLY_PAIR.duty(), "Europe/London", wednesday, LocalTime.of(10, 0), calendar, tier1,
				false, false, List.of(new PositionCommand("Developer", 1, 1, 0, List.of(agent, priya, jo)),
						new PositionCommand("Ops engineer", 1, 1, 0, List.of(tom, kim)))),
				null);
		long onCall = this.rotas.create(new RotaCommand("Out-of-hours on call", RotaTemplate.OUT_OF_HOURS,
				RotaTemplate.OUT_OF_HOURS.duty(), "Europe/London", wednesday, LocalTime.of(10, 0), calendar, null, true,
				false, List.of(new PositionCommand("On call", 1, 1, 0, List.of(tom, agent, expert)))), null);
		this.rotas.create(new RotaCommand("Platform experts pairs", RotaTemplate.STAGGERED_PAIRS,
				RotaTemplate.STAGGERED_PAIRS.duty(), "Europe/London", monday, LocalTime.of(9, 0), calendar, experts,
				false, false, List.of(new PositionCommand("Support pair", 2, 1, 0, List.of(expert, ravi, lena, kim)))),
				null);
		this.rotas
			.create(new RotaCommand("Cloud platform sub-team", RotaTemplate.TWO_IN_SIX, RotaTemplate.TWO_IN_SIX.duty(),
					"Europe/London", monday, LocalTime.of(9, 0), calendar, null, false, false,
					List.of(new PositionCommand("Engineer 1", 2, 2, 0, List.of(ravi, jo, lena)),
							new PositionCommand("Engineer 2", 2, 2, 0, List.of(tom, kim, priya)),
							new PositionCommand("Engineer 3", 2, 2, 0, List.of(expert, agent, security)))),
					null);
		return List.of(firstLine, onCall);
	}

	private void tickets(long agentId, long expertsGroup) {
		Person alice = this.directory.findPersonByEmail("alice@client-a.test").orElseThrow();
		Person bob = this.directory.findPersonByEmail("bob@client-b.test").orElseThrow();
		Person agent = this.directory.person(agentId);
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Europe/London")));

		this.tickets.create(alice,
				new NewTicket(RequestType.BUG, "Contact form returns a 500 error",
						"Submitting the contact form on the live site shows an error page.",
						"Cleared the cache and tried two browsers.", Priority.HIGH,
						new RequestDetails("1. Open /contact\n2. Fill in every field\n3. Press Send",
								"A thank-you page and an email to the team", "An error page with status 500", null,
								null, null, null, null, null, null, null, null, null, null),
						null),
				List.<NewAttachment>of());

		long question = this.tickets.create(alice,
				new NewTicket(RequestType.QUESTION, "How do we add a new editor account?",
						"A new colleague needs to edit pages on our site.",
						"Looked in the admin screens but could not find user management.", Priority.LOW,
						RequestDetails.none(), null),
				List.of());
		this.tickets.reply(agent, question, null,
				"You can add editors under Users › Add new. Could you tell us which site it is for, so we can check "
						+ "your account has that permission?",
				TicketStatus.PENDING, List.of());

		long incident = this.tickets.create(bob,
				new NewTicket(RequestType.INCIDENT, "Checkout pages are very slow",
						"Customers report the checkout takes over 30 seconds to load.", null, Priority.HIGH,
						new RequestDetails(null, null, null, null, null, null, null, null,
								"Most purchases are abandoned; about 200 customers an hour affected.",
								this.clock.instant().minusSeconds(5400), "Shop checkout", null, null, null),
						null),
				List.of());
		this.tickets.triage(agent, incident, 0, TriageChange.take(agentId));
		this.tickets.addNote(agent, incident, "Database CPU at 95% since the 09:00 deploy. Looking at slow queries.",
				List.of());

		long access = this.tickets.create(bob,
				new NewTicket(RequestType.ACCESS, "Read access to production logs",
						"Our new developer needs to read production logs.", "None yet.", Priority.NORMAL,
						new RequestDetails(null, null, null, null, null, null, null, null, null, null, null,
								"Log viewer", "Read only", "Investigating support issues for the shop."),
						null),
				List.of());
		this.tickets.reply(agent, access, null, "Done: read-only access is now granted.", TicketStatus.SOLVED,
				List.of());
		this.tickets.triage(agent, access, currentVersion(access), new TriageChange(null, null, List.of("logs"),
				expertsGroup, false, null, false, null, "Platform experts look after the log platform."));
	}

	private static List<OpeningHours> weekdays(LocalTime open, LocalTime close) {
		return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
			.stream()
			.map((day) -> new OpeningHours(day, open, close))
			.toList();
	}

	private static SlaTarget business(Priority priority, SlaMetric metric, String within) {
		return new SlaTarget(priority, metric, Duration.parse(within), false, SlaClock.BUSINESS);
	}

	private static SlaTarget always(Priority priority, SlaMetric metric, String within) {
		return new SlaTarget(priority, metric, Duration.parse(within), false, SlaClock.ALWAYS);
	}

	private static SlaTarget endOfDay(Priority priority) {
		return new SlaTarget(priority, SlaMetric.FIRST_REPLY, null, true, SlaClock.BUSINESS);
	}

	private long currentVersion(long ticketId) {
		return this.jdbc.sql("select version from ticket where id = ?").param(ticketId).query(Long.class).single();
	}

	private long user(String email, String name, Role role, Long clientId) {
		return this.admin
			.createUser(new UserCommand(email, name, role, clientId, "Europe/London", PASSWORD, true, Set.of()), null);
	}

}
