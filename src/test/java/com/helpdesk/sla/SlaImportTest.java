package com.helpdesk.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaScenario.Clock;
import com.helpdesk.sla.SlaScenario.InternalNote;
import com.helpdesk.sla.SlaScenario.RequesterReply;
import com.helpdesk.sla.SlaScenario.SetOpen;
import com.helpdesk.sla.SlaScenario.SolveByRequester;
import com.helpdesk.sla.SlaScenario.StaffReply;
import com.helpdesk.sla.SlaScenario.Step;
import com.helpdesk.sla.SlaScenario.TriagePriority;
import com.helpdesk.sla.SlaNotices.SlaBreached;
import com.helpdesk.sla.SlaScenarioRunner.Lived;
import com.helpdesk.sla.internal.SlaSweep;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketLifecycle;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The import API replays a ticket's history as if it had lived here: for every scenario
 * an import can tell, the {@code sla} list of the 201 answer equals the one of the same
 * history lived through the services (and the one worked out by hand). Bad imports are
 * refused whole.
 */
@IntegrationTest
class SlaImportTest {

	static final String ADMIN = "admin@helpdesk.test";

	static final String DEMO_PASSWORD = "demo-pass-2026";

	static final String IMPORTS = "/api/v1/imports/tickets";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	SlaService sla;

	@Autowired
	SlaPolicies policies;

	@Autowired
	Calendars calendars;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	Directory directory;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SlaSweep sweep;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	MeterRegistry meters;

	SlaScenarioRunner runner;

	@BeforeEach
	void runner() {
		this.runner = new SlaScenarioRunner(this.tickets, this.queries, this.sla,
				new SlaFixture(this.calendars, this.policies, this.admin, this.directory), this.data, this.clock,
				this.jdbc);
	}

	ApplicationListener<PayloadApplicationEvent<SlaBreached>> listening;

	@AfterEach
	void backToNow() {
		this.clock.reset();
		if (this.listening != null) {
			this.context.removeApplicationListener(this.listening);
		}
	}

	/**
	 * Every scenario an import can tell: no plan or target changes, nothing automatic.
	 */
	static List<SlaScenario> importable() {
		return SlaScenarios.all().stream().filter(SlaScenario::importable).toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("importable")
	void anImportedHistoryHasTheClocksOfTheSameHistoryLivedHere(SlaScenario scenario) throws Exception {
		Lived lived = this.runner.live(scenario);
		this.clock.set(scenario.checkAt);
		JsonNode livedHere = read(
				this.mvc.perform(get("/api/v1/tickets/" + lived.ticketId()).with(admin())).andReturn().getResponse(),
				200);

		JsonNode imported = read(this.mvc
			.perform(post(IMPORTS).with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(importBody(scenario, lived.requester(), lived.agent()))))
			.andReturn()
			.getResponse(), 201);

		assertThat(imported.get("id").asLong()).isNotEqualTo(lived.ticketId());
		assertThat(imported.get("client").asLong()).isEqualTo(lived.clientId());
		assertThat(imported.get("status").asString()).as("status").isEqualTo(livedHere.get("status").asString());
		assertThat(imported.get("priority").asString()).as("priority").isEqualTo(livedHere.get("priority").asString());
		assertThat(apiClocks(imported, scenario.zone)).as("sla of the import of %s", scenario.steps)
			.containsExactlyElementsOf(apiClocks(livedHere, scenario.zone));
		assertThat(clocks(imported, scenario.zone)).as("sla of the import of %s, by hand", scenario.steps)
			.containsExactlyElementsOf(scenario.expectedClocks());
	}

	@Test
	void onlyAdministratorsImport() throws Exception {
		long client = this.data.client();
		Person requester = this.data.requester(client);
		Person agent = this.data.agent();
		long before = count("ticket");
		String body = this.json.writeValueAsString(simpleImport(requester.email(), agent.email()));
		for (Person someone : List.of(agent, requester)) {
			MockHttpServletResponse response = this.mvc
				.perform(post(IMPORTS).with(basic(someone)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(someone.role().name()).isEqualTo(403);
		}
		assertThat(count("ticket")).isEqualTo(before);
		// and the same body imports for an administrator
		read(this.mvc.perform(post(IMPORTS).with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse(), 201);
		assertThat(count("ticket")).isEqualTo(before + 1);
	}

	@Test
	void eventsOutOfOrderAreRefusedWithTheEventNamed() throws Exception {
		Person requester = this.data.requester(this.data.client());
		Person agent = this.data.agent();
		Map<String, Object> body = simpleImport(requester.email(), agent.email());
		body.put("events", List.of(event("2026-11-24T11:00:00Z", "PUBLIC_REPLY", agent.email(), "Looking"),
				event("2026-11-24T10:30:00Z", "REQUESTER_REPLY", null, "Thanks")));
		assertThat(refused(body)).containsExactly("events[1]");
	}

	@Test
	void anUnknownRequesterIsRefused() throws Exception {
		Person agent = this.data.agent();
		Map<String, Object> body = simpleImport(TestData.unique("nobody") + "@test.example", agent.email());
		assertThat(refused(body)).containsExactly("requester");
	}

	@Test
	void aPublicReplyByTheRequesterIsRefused() throws Exception {
		Person requester = this.data.requester(this.data.client());
		Map<String, Object> body = simpleImport(requester.email(), requester.email());
		assertThat(refused(body)).containsExactly("events[0]");
	}

	@Test
	void everyProblemIsListedAtOnceAndNothingIsSaved() throws Exception {
		Person requester = this.data.requester(this.data.client());
		Person agent = this.data.agent();
		Map<String, Object> body = simpleImport(TestData.unique("nobody") + "@test.example", agent.email());
		body.put("events",
				List.of(event("2026-11-24T11:00:00Z", "PUBLIC_REPLY", requester.email(), "Not staff"),
						event("2026-11-24T12:00:00Z", "INTERNAL_NOTE", agent.email(), "Fine"),
						event("2026-11-24T10:30:00Z", "REQUESTER_REPLY", null, "Too early")));
		assertThat(refused(body)).containsExactlyInAnyOrder("requester", "events[0]", "events[2]");
	}

	/**
	 * Living it here, the requester's reply would put the Pending ticket back to Open and
	 * run the resolution clock again; the import keeps it Pending with its clock paused
	 * unless the history also says it became Open.
	 */
	@Test
	void aRequesterReplyOnAPendingTicketReopensItAsItWouldHere() throws Exception {
		SlaScenario scenario = SlaScenarios.all()
			.stream()
			.filter((s) -> s.name.startsWith("Pending pauses the resolution clock"))
			.findFirst()
			.orElseThrow();
		Lived lived = this.runner.cast(scenario);
		this.clock.set(scenario.checkAt);
		Map<String, Object> body = base(lived.requester().email(), "HIGH", "2026-11-24T10:00:00Z");
		body.put("events",
				List.of(event("2026-11-24T11:00:00Z", "PUBLIC_REPLY", lived.agent().email(), "Which one?"),
						status("2026-11-24T11:00:00Z", TicketStatus.PENDING),
						event("2026-11-25T15:00:00Z", "REQUESTER_REPLY", null, "This one")));
		JsonNode imported = read(this.mvc
			.perform(post(IMPORTS).with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse(), 201);
		assertThat(imported.get("status").asString()).isEqualTo("OPEN");
		assertThat(clocks(imported, scenario.zone)).containsExactlyElementsOf(scenario.expectedClocks());
	}

	/**
	 * Here only staff set a ticket Pending, and only after a public reply: Pending says
	 * we have answered, and it pauses the resolution clock.
	 */
	@Test
	void anImportIsPendingOnlyAfterAStaffReply() throws Exception {
		Person requester = this.data.requester(this.data.client());
		long before = count("ticket");
		Map<String, Object> body = base(requester.email(), "HIGH", "2026-11-24T10:00:00Z");
		body.put("events", List.of(status("2026-11-24T10:05:00Z", TicketStatus.PENDING)));
		assertThat(refused(body)).containsExactly("events[0]");
		assertThat(count("ticket")).isEqualTo(before);
	}

	/**
	 * A breach that was over before the import is history: recorded on the ticket, never
	 * announced nor counted; a target missed after the import is announced as usual.
	 */
	@Test
	void breachesAlreadyOverBeforeTheImportAreRecordedNotAnnounced() throws Exception {
		Lived cast = this.runner.cast(SlaScenarios.all().get(0));
		Person agent = cast.agent();
		this.clock.set(SlaScenario.instant("2026-11-26T12:00", SlaFixture.LONDON));
		Map<String, Object> body = base(cast.requester().email(), "HIGH", "2026-11-24T10:00:00Z");
		body.put("assignee", agent.email());
		// first reply due 12:00 and given at 13:00; resolution (8 h) due 18:00 and
		// missed; the requester's comment on Thursday 11:30 wants a next reply by 13:30
		body.put("events", List.of(event("2026-11-24T13:00:00Z", "PUBLIC_REPLY", agent.email(), "Looking into it"),
				event("2026-11-26T11:30:00Z", "REQUESTER_REPLY", null, "Any news?")));
		List<SlaBreached> announced = new CopyOnWriteArrayList<>();
		this.listening = (event) -> announced.add(event.getPayload());
		this.context.addApplicationListener(this.listening);
		JsonNode imported = read(this.mvc
			.perform(post(IMPORTS).with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse(), 201);
		long id = imported.get("id").asLong();
		assertThat(clocks(imported, SlaFixture.LONDON)).extracting(Clock::metric, Clock::state)
			.containsExactly(tuple(SlaMetric.FIRST_REPLY, SlaState.BREACHED),
					tuple(SlaMetric.NEXT_REPLY, SlaState.ACTIVE), tuple(SlaMetric.RESOLUTION, SlaState.BREACHED));

		double countedBefore = breachesCounted();
		this.sweep.run();
		assertThat(announced).noneMatch((b) -> b.ticketId() == id);
		assertThat(inbox(agent, id)).isEmpty();
		assertThat(breachesCounted() - countedBefore).as("counted: only what was announced")
			.isEqualTo(announced.size());
		// still on the record, for the queues and the dashboard
		assertThat(this.jdbc.sql("select count(*) from sla_metric where ticket_id = ? and breached_at is not null")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);

		// the next reply is missed at 13:30, after the import: that one is announced
		this.clock.set(SlaScenario.instant("2026-11-26T13:45", SlaFixture.LONDON));
		announced.clear();
		countedBefore = breachesCounted();
		this.sweep.run();
		assertThat(announced).filteredOn((b) -> b.ticketId() == id)
			.extracting(SlaBreached::metric)
			.containsExactly(SlaMetric.NEXT_REPLY);
		assertThat(inbox(agent, id)).containsExactly("SLA_BREACHED");
		assertThat(breachesCounted() - countedBefore).isEqualTo(announced.size());
	}

	private double breachesCounted() {
		return this.meters.find("helpdesk.sla.breaches").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private List<String> inbox(Person person, long ticketId) {
		return this.jdbc.sql("""
				select kind from inbox_item where user_id = ? and ticket_id = ? and kind like 'SLA_BREACHED'
				""").params(person.id(), ticketId).query(String.class).list();
	}

	// --- the import body ---

	/**
	 * The scenario's steps as the history another helpdesk would export: comments with
	 * their authors, and each status change the step made here.
	 */
	Map<String, Object> importBody(SlaScenario scenario, Person requester, Person agent) {
		List<Map<String, Object>> events = new ArrayList<>();
		TicketStatus status = TicketStatus.NEW;
		for (Step step : scenario.steps.subList(1, scenario.steps.size())) {
			String at = utc(step.at());
			TicketStatus next = status;
			if (step.action() instanceof StaffReply reply) {
				events.add(event(at, "PUBLIC_REPLY", agent.email(), "Staff reply at " + step.local()));
				next = TicketLifecycle.afterStaffReply(status, reply.status());
			}
			else if (step.action() instanceof RequesterReply) {
				events.add(event(at, "REQUESTER_REPLY", null, "Requester comment at " + step.local()));
				next = TicketLifecycle.afterRequesterReply(status);
			}
			else if (step.action() instanceof InternalNote) {
				events.add(event(at, "INTERNAL_NOTE", agent.email(), "Internal note at " + step.local()));
			}
			else if (step.action() instanceof SolveByRequester) {
				next = TicketLifecycle.afterRequesterSolves(status);
			}
			else if (step.action() instanceof SetOpen) {
				next = TicketStatus.OPEN;
			}
			else if (step.action() instanceof TriagePriority change) {
				Map<String, Object> event = event(at, "PRIORITY_CHANGE", null, null);
				event.put("priority", change.priority().name());
				events.add(event);
			}
			else {
				throw new IllegalArgumentException("an import cannot tell " + step);
			}
			if (next != status) {
				events.add(status(at, next));
				status = next;
			}
		}
		Map<String, Object> body = base(requester.email(), scenario.raisedWith().name(),
				utc(scenario.steps.get(0).at()));
		body.put("subject", scenario.name);
		body.put("events", events);
		return body;
	}

	static Map<String, Object> base(String requester, String priority, String createdAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "QUESTION");
		body.put("subject", "Imported from the old helpdesk");
		body.put("description", "A ticket with its history");
		body.put("requester", requester);
		body.put("priority", priority);
		body.put("createdAt", createdAt);
		return body;
	}

	static Map<String, Object> simpleImport(String requester, String replier) {
		Map<String, Object> body = base(requester, Priority.HIGH.name(), "2026-11-24T10:00:00Z");
		body.put("events", List.of(event("2026-11-24T11:00:00Z", "PUBLIC_REPLY", replier, "We are on it")));
		return body;
	}

	static Map<String, Object> event(String at, String kind, String author, String text) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("at", at);
		event.put("kind", kind);
		if (author != null) {
			event.put("author", author);
		}
		if (text != null) {
			event.put("body", text);
		}
		return event;
	}

	static Map<String, Object> status(String at, TicketStatus status) {
		Map<String, Object> event = event(at, "STATUS_CHANGE", null, null);
		event.put("status", status.name());
		return event;
	}

	static String utc(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	// --- reading answers ---

	/**
	 * One entry of the API's {@code sla} list, times and target to the nearest minute.
	 */
	record ApiClock(String metric, int cycle, String state, String target, String clock, ZonedDateTime dueAt,
			ZonedDateTime fulfilledAt, ZonedDateTime breachedAt) {

	}

	static List<ApiClock> apiClocks(JsonNode ticket, ZoneId zone) {
		List<ApiClock> clocks = new ArrayList<>();
		for (JsonNode sla : ticket.get("sla")) {
			clocks.add(new ApiClock(sla.get("metric").asString(), sla.get("cycle").asInt(), sla.get("state").asString(),
					minutes(sla.get("target").asString()), sla.get("clock").asString(), time(sla, "dueAt", zone),
					time(sla, "fulfilledAt", zone), time(sla, "breachedAt", zone)));
		}
		clocks.sort(Comparator.comparing(ApiClock::metric).thenComparing(ApiClock::cycle));
		return clocks;
	}

	static List<Clock> clocks(JsonNode ticket, ZoneId zone) {
		return apiClocks(ticket, zone).stream()
			.map((c) -> new Clock(SlaMetric.valueOf(c.metric()), c.cycle(), SlaState.valueOf(c.state()), c.dueAt(),
					c.fulfilledAt(), c.breachedAt()))
			.sorted(Clock.ORDER)
			.toList();
	}

	/**
	 * An ISO duration to the nearest minute (an end-of-business-day target is the time
	 * from the ticket's start, which a lived step shifts by a few seconds).
	 */
	private static String minutes(String duration) {
		return java.time.Duration.parse(duration).plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private static ZonedDateTime time(JsonNode sla, String field, ZoneId zone) {
		JsonNode value = sla.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return java.time.OffsetDateTime.parse(value.asString())
			.toInstant()
			.plusSeconds(30)
			.truncatedTo(ChronoUnit.MINUTES)
			.atZone(zone);
	}

	private List<String> refused(Map<String, Object> body) throws Exception {
		long tickets = count("ticket");
		long comments = count("ticket_comment");
		long inputs = count("sla_input");
		MockHttpServletResponse response = this.mvc
			.perform(post(IMPORTS).with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
		JsonNode problem = read(response, 400);
		assertThat(MediaType.parseMediaType(response.getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("content type " + response.getContentType())
			.isTrue();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(count("ticket")).as("tickets").isEqualTo(tickets);
		assertThat(count("ticket_comment")).as("comments").isEqualTo(comments);
		assertThat(count("sla_input")).as("clock inputs").isEqualTo(inputs);
		List<String> fields = new ArrayList<>();
		for (JsonNode error : problem.get("errors")) {
			fields.add(error.get("field").asString());
			assertThat(error.get("message").asString()).isNotBlank();
		}
		return fields;
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private JsonNode read(MockHttpServletResponse response, int status) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		return this.json.readTree(response.getContentAsString());
	}

	private static RequestPostProcessor admin() {
		return httpBasic(ADMIN, DEMO_PASSWORD);
	}

	private static RequestPostProcessor basic(Person person) {
		return httpBasic(person.email(), TestData.PASSWORD);
	}

}
