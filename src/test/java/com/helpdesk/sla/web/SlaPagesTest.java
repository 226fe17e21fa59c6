package com.helpdesk.sla.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.PlanSummary;
import com.helpdesk.directory.Role;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.helpdesk.sla.web.SlaHistory.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The SLA pages and the configuration API through MockMvc: the dashboard's period rules,
 * its CSV (spreadsheet-safe, and the same as the page), who may open it; and calendars,
 * plans, clients and people kept as code, whose tickets then run on the plan's targets.
 */
@IntegrationTest
class SlaPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	TestData data;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	Calendars calendars;

	// --- the dashboard's period ------------------------------------------------------

	static Stream<Arguments> badPeriods() {
		return Stream.of(Arguments.of("from=2026-02-30", "The start date must be a real date"),
				Arguments.of("from=yesterday", "The start date must be a real date"),
				Arguments.of("to=24/13/2026", "The end date must be a real date"),
				Arguments.of("fromDay=1&fromMonth=11&fromYear=", "The start date must include a year"),
				Arguments.of("toDay=&toMonth=11&toYear=2026", "The end date must include a day"),
				Arguments.of("fromDay=1&fromMonth=11&fromYear=26", "Year must include 4 numbers"),
				Arguments.of("from=2025-01-01&to=2026-06-01", "Choose a period of a year or less"),
				Arguments.of("from=2024-11-01&to=2026-11-01", "Choose a period of a year or less"),
				Arguments.of("from=2026-11-20&to=2026-11-01", "The end of the period must be on or after its start"),
				Arguments.of("from=2026-11-02&to=2026-11-01", "The end of the period must be on or after its start"),
				Arguments.of("type=WISH", "Choose one of the values offered"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("badPeriods")
	void aPeriodThatIsNotOneAnswers400WithTheErrorSummary(String query, String message) throws Exception {
		Person manager = this.data.person(Role.MANAGER, null);
		MockHttpServletResponse page = this.mvc.perform(get("/dashboard/sla?" + query).with(as(manager)))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		String html = page.getContentAsString();
		assertThat(html).contains("<title>Error: Service levels")
			.contains("govuk-error-summary")
			.contains(message)
			.doesNotContain("Download as CSV")
			.doesNotContain("Targets met");
		MockHttpServletResponse csv = this.mvc.perform(get("/dashboard/sla.csv?" + query).with(as(manager)))
			.andReturn()
			.getResponse();
		assertThat(csv.getStatus()).isEqualTo(400);
		assertThat(String.valueOf(csv.getContentType())).doesNotStartWith("text/csv");
	}

	static Stream<String> goodPeriods() {
		return Stream.of("", "from=2026-11-01&to=2026-11-01", "from=2025-11-24&to=2026-11-24",
				"from=1/11/2026&to=24.11.2026", "from=1-11-2026&to=2026-11-30",
				"fromDay=1&fromMonth=November&fromYear=2026&toDay=30&toMonth=11&toYear=2026",
				"from=2024-03-01&to=2025-02-28", "from=2026-10-01&to=2026-11-30&priority=HIGH&type=BUG");
	}

	@ParameterizedTest(name = "[{0}]")
	@MethodSource("goodPeriods")
	void aPeriodOfAYearOrLessIsShown(String query) throws Exception {
		Person manager = this.data.person(Role.MANAGER, null);
		assertThat(this.mvc.perform(get("/dashboard/sla?" + query).with(as(manager))).andReturn().getResponse())
			.satisfies((r) -> assertThat(r.getStatus()).isEqualTo(200))
			.satisfies((r) -> assertThat(r.getContentAsString()).contains("Targets met")
				.contains("Download as CSV")
				.doesNotContain("govuk-error-summary"));
		assertThat(this.mvc.perform(get("/dashboard/sla.csv?" + query).with(as(manager)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	/**
	 * MAX_DAYS is 366 but the check lets one more day through: 1 January 2025 to 2
	 * January 2026 is 367 days, more than any year.
	 */
	@Test
	void aPeriodOfThreeHundredAndSixtySevenDaysIsRefused() throws Exception {
		Person manager = this.data.person(Role.MANAGER, null);
		MockHttpServletResponse page = this.mvc
			.perform(get("/dashboard/sla?from=2025-01-01&to=2026-01-02").with(as(manager)))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("Choose a period of a year or less");
	}

	@Test
	void filtersThatAreNotValuesAnswer400() throws Exception {
		Person manager = this.data.person(Role.MANAGER, null);
		for (String query : List.of("client=abc", "priority=URGENT", "plan=1.5")) {
			MockHttpServletResponse page = this.mvc.perform(get("/dashboard/sla?" + query).with(as(manager)))
				.andReturn()
				.getResponse();
			assertThat(page.getStatus()).as(query).isEqualTo(400);
			assertThat(page.getContentAsString()).as(query).doesNotContain("Exception").doesNotContain("Whitelabel");
		}
	}

	// --- who may open it -------------------------------------------------------------

	@Test
	void managersAndAdministratorsMayOpenTheDashboardAndNobodyElse() throws Exception {
		Person requester = this.data.requester(this.data.client());
		for (String path : List.of("/dashboard/sla", "/dashboard/sla.csv")) {
			for (Role role : List.of(Role.MANAGER, Role.ADMIN)) {
				assertThat(status(get(path).with(as(this.data.person(role, null))))).as("%s as %s", path, role)
					.isEqualTo(200);
			}
			for (Role role : List.of(Role.AGENT, Role.DELIVERY_MANAGER)) {
				assertThat(status(get(path).with(as(this.data.person(role, null))))).as("%s as %s", path, role)
					.isEqualTo(403);
			}
			assertThat(status(get(path).with(as(requester)))).as("%s as a requester", path).isEqualTo(403);
			MockHttpServletResponse anonymous = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(anonymous.getStatus()).as("%s signed out", path).isEqualTo(302);
			assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
		}
	}

	// --- the CSV ---------------------------------------------------------------------

	@Test
	void theCsvDefusesFormulasAndQuotesCommasInWhatTicketsSay() throws Exception {
		String token = TestData.unique("x");
		String clientName = "Formula, Client " + token;
		long client = clientOnDefault(clientName);
		Person requester = this.data.requester(client);
		SlaHistory history = new SlaHistory(this.mvc, this.json, this.calendars);
		LocalDate day = history.workingDayOnOrBefore(LocalDate.now(SlaHistory.LONDON).minusDays(3));
		List<String> subjects = List.of("=cmd|' /C calc'!A0 " + token, "+SUM(1,2) " + token, "-2+3 " + token,
				"@SUM(A1) " + token, "Quote \"this\", please " + token);
		Map<Long, String> ids = new LinkedHashMap<>();
		for (String subject : subjects) {
			// HIGH: first reply due 14:00, answered at 16:00
			JsonNode ticket = history.answeredAndSolved(requester.email(), subject, Priority.HIGH, at(day, 10, 0),
					at(day, 16, 0), at(day, 16, 30));
			assertThat(SlaHistory.state(ticket, "FIRST_REPLY")).isEqualTo("BREACHED");
			ids.put(ticket.get("id").asLong(), subject);
		}

		Person manager = this.data.person(Role.MANAGER, null);
		MockHttpServletResponse response = this.mvc
			.perform(get("/dashboard/sla.csv").param("client", String.valueOf(client)).with(as(manager)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"sla-")
			.endsWith(".csv\"");
		String csv = response.getContentAsString(StandardCharsets.UTF_8);

		// as written: apostrophe before = + - @, quotes around commas and quotes
		assertThat(csv).contains(",'=cmd|' /C calc'!A0 " + token + ",\"Formula, Client " + token + "\",")
			.contains(",\"'+SUM(1,2) " + token + "\",")
			.contains(",'-2+3 " + token + ",")
			.contains(",'@SUM(A1) " + token + ",")
			.contains(",\"Quote \"\"this\"\", please " + token + "\",")
			.doesNotContain(",=cmd")
			.doesNotContain(",+SUM")
			.doesNotContain(",@SUM");
		assertThat(csv).as("every line ends CRLF, the last one too").endsWith("\r\n");
		assertThat(csv.replace("\r\n", "")).as("no bare line feeds").doesNotContain("\n");

		// as read back: one cell each, 15 cells a row
		List<Map<String, String>> breaches = SlaHistory.section(SlaHistory.csvRecords(csv), "breach");
		assertThat(breaches).hasSize(subjects.size());
		for (Map<String, String> breach : breaches) {
			String subject = ids.get(Long.parseLong(breach.get("ticket")));
			assertThat(subject).isNotNull();
			assertThat(breach.get("subject"))
				.isEqualTo("=+-@".indexOf(subject.charAt(0)) >= 0 ? "'" + subject : subject);
			assertThat(breach.get("client")).isEqualTo(clientName);
			assertThat(breach.get("metric")).isEqualTo("First reply");
			assertThat(breach.get("late minutes")).isEqualTo("120");
			assertThat(breach.get("group")).isEqualTo("Tier 1");
		}
	}

	@Test
	void theCsvHoldsWhatThePageShows() throws Exception {
		String token = TestData.unique("agree");
		long client = clientOnDefault("Agreeing client " + token);
		Person requester = this.data.requester(client);
		SlaHistory history = new SlaHistory(this.mvc, this.json, this.calendars);
		LocalDate today = LocalDate.now(SlaHistory.LONDON);
		LocalDate first = history.workingDayOnOrBefore(today.minusDays(10));
		LocalDate second = history.workingDayOnOrBefore(today.minusDays(3));
		history.answeredAndSolved(requester.email(), "In time " + token, Priority.HIGH, at(first, 10, 0),
				at(first, 10, 30), at(first, 11, 0));
		history.answeredAndSolved(requester.email(), "Late <b>& \"quoted\" " + token, Priority.HIGH, at(first, 10, 0),
				at(first, 17, 0), at(first, 17, 30));
		history.answeredAndSolved(requester.email(), "Next day " + token, Priority.NORMAL, at(second, 12, 0),
				at(history.nextWorkingDay(second), 10, 15), at(history.nextWorkingDay(second), 10, 45));
		Person manager = this.data.person(Role.MANAGER, null);

		for (String query : List.of("client=" + client, "", "client=" + client + "&priority=HIGH",
				"from=" + first + "&to=" + first + "&client=" + client)) {
			String html = this.mvc.perform(get("/dashboard/sla?" + query).with(as(manager)))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			MockHttpServletResponse csvResponse = this.mvc.perform(get("/dashboard/sla.csv?" + query).with(as(manager)))
				.andReturn()
				.getResponse();
			assertThat(csvResponse.getStatus()).isEqualTo(200);
			List<Map<String, String>> csv = SlaHistory
				.csvRecords(csvResponse.getContentAsString(StandardCharsets.UTF_8));

			List<String> pageTotals = totals(html);
			List<String> csvTotals = SlaHistory.section(csv, "period")
				.stream()
				.map((r) -> r.get("metric") + ": " + r.get("met") + " met, " + r.get("breached") + " breached, "
						+ (r.get("achievement %").isEmpty() ? "–" : r.get("achievement %") + "%"))
				.toList();
			assertThat(csvTotals).as("totals of [%s]", query).isEqualTo(pageTotals);
			assertThat(breachLinks(html)).as("breaches of [%s]", query)
				.isEqualTo(SlaHistory.section(csv, "breach")
					.stream()
					.map((r) -> "#" + r.get("ticket") + " " + r.get("subject"))
					.toList());
			assertThat(SlaHistory.section(csv, "at risk")).extracting((r) -> r.get("ticket"))
				.as("at risk of [%s]", query)
				.isEqualTo(riskLinks(html));
		}

		String html = this.mvc.perform(get("/dashboard/sla?client=" + client).with(as(manager)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(totals(html)).containsExactly("First reply: 1 met, 2 breached, 33.3%",
				"Next reply: 0 met, 0 breached, –", "Resolution: 3 met, 0 breached, 100.0%");
		assertThat(html).doesNotContain("Late <b>").contains("Late &lt;b&gt;");
	}

	// --- configuration as code -------------------------------------------------------

	@Test
	void aTeamKeepsItsSetUpAsCodeAndTheClientsTicketsRunOnThePlansTargets() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		String token = TestData.unique("code");

		// a calendar
		JsonNode calendar = created(admin, "/api/v1/calendars",
				"""
						{"name":"Code calendar %s","timeZone":"Europe/London",
						 "hours":[{"day":"MONDAY","start":"09:00","end":"17:00"},{"day":"TUESDAY","start":"09:00","end":"17:00"},
						          {"day":"WEDNESDAY","start":"09:00","end":"17:00"},{"day":"THURSDAY","start":"09:00","end":"17:00"},
						          {"day":"FRIDAY","start":"09:00","end":"12:30"},{"day":"FRIDAY","start":"13:30","end":"17:00"}],
						 "holidays":[{"date":"2026-12-24","name":"Christmas Eve"}]}"""
					.formatted(token));
		long calendarId = calendar.get("id").asLong();
		assertThat(calendar.get("name").asString()).isEqualTo("Code calendar " + token);
		assertThat(calendar.get("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(calendar.get("hours")).hasSize(6);
		assertThat(calendar.get("hours").get(0).toString())
			.isEqualTo("{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"17:00\"}");
		assertThat(calendar.get("holidays").toString())
			.isEqualTo("[{\"date\":\"2026-12-24\",\"name\":\"Christmas Eve\"}]");
		assertReadBack(admin, "/api/v1/calendars", calendar);

		// a plan on it
		JsonNode plan = created(admin, "/api/v1/plans", """
				{"name":"Plan as code %s","description":"Kept in the repository","calendar":%d,"atRiskShare":0.2,
				 "targets":[{"priority":"HIGH","metric":"FIRST_REPLY","within":"PT2H","clock":"BUSINESS"},
				            {"priority":"HIGH","metric":"RESOLUTION","within":"PT8H","clock":"ALWAYS"},
				            {"priority":"NORMAL","metric":"FIRST_REPLY","within":"END_OF_BUSINESS_DAY"},
				            {"priority":"CRITICAL","metric":"RESOLUTION","within":"PT4H","clock":"ALWAYS"}]}"""
			.formatted(token, calendarId));
		long planId = plan.get("id").asLong();
		assertThat(plan.get("name").asString()).isEqualTo("Plan as code " + token);
		assertThat(plan.get("calendar").asLong()).isEqualTo(calendarId);
		assertThat(plan.get("atRiskShare").asDouble()).isEqualTo(0.2);
		assertThat(plan.get("outOfHoursCritical").asBoolean()).isFalse();
		List<String> targets = new ArrayList<>();
		plan.get("targets")
			.forEach((t) -> targets.add(t.get("priority").asString() + " " + t.get("metric").asString() + " "
					+ t.get("within").asString() + " " + t.get("clock").asString()));
		assertThat(targets).containsExactlyInAnyOrder("HIGH FIRST_REPLY PT2H BUSINESS", "HIGH RESOLUTION PT8H ALWAYS",
				"NORMAL FIRST_REPLY END_OF_BUSINESS_DAY BUSINESS", "CRITICAL RESOLUTION PT4H ALWAYS");
		assertReadBack(admin, "/api/v1/plans", plan);

		// a client on the plan, and a requester of theirs
		JsonNode client = created(admin, "/api/v1/clients", """
				{"name":"Client as code %s","plan":%d}""".formatted(token, planId));
		long clientId = client.get("id").asLong();
		assertThat(client.get("plan").asLong()).isEqualTo(planId);
		assertThat(client.get("active").asBoolean()).isTrue();
		assertThat(client.get("deliveryManager").isNull()).isTrue();
		assertReadBack(admin, "/api/v1/clients", client);

		String email = "requester." + token + "@code.test";
		String password = "a passphrase for " + token;
		JsonNode person = created(admin, "/api/v1/users", """
				{"email":"%s","name":"Aaron Code %s","role":"REQUESTER","client":%d,"password":"%s",
				 "timeZone":"Europe/Paris"}""".formatted(email, token, clientId, password));
		assertThat(person.get("email").asString()).isEqualTo(email);
		assertThat(person.get("role").asString()).isEqualTo("REQUESTER");
		assertThat(person.get("client").asLong()).isEqualTo(clientId);
		assertThat(person.get("timeZone").asString()).isEqualTo("Europe/Paris");
		assertThat(person.get("enabled").asBoolean()).isTrue();
		assertThat(person.toString()).doesNotContain(password).doesNotContain("password");
		assertReadBack(admin, "/api/v1/users", person);

		// the requester raises a HIGH ticket: its clocks are the plan's HIGH targets
		MockHttpServletResponse raised = this.mvc
			.perform(post("/api/v1/tickets").with(httpBasic(email, password))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"type":"QUESTION","subject":"Our first ticket %s","description":"Does it work?",
						 "alreadyTried":"Reading the docs","priority":"HIGH"}""".formatted(token)))
			.andReturn()
			.getResponse();
		assertThat(raised.getStatus()).as(raised.getContentAsString()).isEqualTo(201);
		long ticketId = read(raised).get("id").asLong();
		JsonNode ticket = read(
				this.mvc.perform(get("/api/v1/tickets/" + ticketId).with(basic(admin))).andReturn().getResponse());
		Map<String, String> clocks = new LinkedHashMap<>();
		ticket.get("sla")
			.forEach((sla) -> clocks.put(sla.get("metric").asString(), sla.get("target").asString() + " "
					+ sla.get("clock").asString() + " " + sla.get("state").asString()));
		assertThat(clocks).containsOnly(Map.entry("FIRST_REPLY", "PT2H BUSINESS ACTIVE"),
				Map.entry("RESOLUTION", "PT8H ALWAYS ACTIVE"));
		// the requester sees the ticket, not the team's clocks
		JsonNode asRequester = read(
				this.mvc.perform(get("/api/v1/tickets/" + ticketId).with(httpBasic(email, password)))
					.andReturn()
					.getResponse());
		assertThat(asRequester.get("id").asLong()).isEqualTo(ticketId);
		assertThat(asRequester.get("sla") == null || asRequester.get("sla").isEmpty()).isTrue();
	}

	static Stream<Arguments> badConfiguration() {
		return Stream.of(Arguments.of("/api/v1/calendars", "hours like 9-5", """
				{"name":"Bad hours %s","timeZone":"Europe/London","hours":[{"day":"MONDAY","start":"9","end":"5"}]}""",
				List.of("hours")),
				Arguments.of("/api/v1/calendars", "hours ending before they start",
						"""
								{"name":"Backwards %s","timeZone":"Europe/London","hours":[{"day":"MONDAY","start":"17:00","end":"09:00"}]}""",
						List.of("hours")),
				Arguments.of("/api/v1/calendars", "no name, no zone, no hours", """
						{"name":" ","timeZone":"Mars/Olympus_Mons","hours":[]}""",
						List.of("name", "timeZone", "hours")),
				Arguments.of("/api/v1/calendars", "a holiday twice",
						"""
								{"name":"Twice %s","timeZone":"Europe/London","hours":[{"day":"MONDAY","start":"09:00","end":"17:00"}],
								 "holidays":[{"date":"2026-12-25","name":"Christmas"},{"date":"2026-12-25","name":"Christmas again"}]}""",
						List.of("holidays")),
				Arguments.of("/api/v1/plans", "a target of \"soon\"", """
						{"name":"Soon plan %s","calendar":%s,
						 "targets":[{"priority":"HIGH","metric":"FIRST_REPLY","within":"soon","clock":"BUSINESS"}]}""",
						List.of("targets")),
				Arguments.of("/api/v1/plans", "the same target twice", """
						{"name":"Twice plan %s","calendar":%s,
						 "targets":[{"priority":"HIGH","metric":"FIRST_REPLY","within":"PT1H"},
						            {"priority":"HIGH","metric":"FIRST_REPLY","within":"PT2H"}]}""",
						List.of("targets")),
				Arguments.of("/api/v1/plans", "no name, no calendar, at risk past the end", """
						{"name":"","atRiskShare":1.5,"targets":[]}""", List.of("name", "calendar", "atRiskShare")),
				Arguments.of("/api/v1/plans", "a calendar that does not exist", """
						{"name":"Nowhere plan %s","calendar":987654321,"targets":[]}""", List.of("calendar")),
				Arguments.of("/api/v1/clients", "no name", """
						{"name":"","plan":%3$s}""", List.of("name")),
				Arguments.of("/api/v1/users", "an email that is not one, a short password", """
						{"email":"not an email","name":"Someone %s","role":"AGENT","password":"short"}""",
						List.of("email", "password")),
				Arguments.of("/api/v1/users", "no name, no role", """
						{"email":"nobody.%s@code.test","password":"long enough passphrase"}""",
						List.of("name", "role")));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("badConfiguration")
	void badConfigurationAnswersProblemDetailsListingTheFields(String path, String what, String body,
			List<String> fields) throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		JsonNode problem = rejected(admin, path,
				body.formatted(TestData.unique("bad"), supportHoursId(), defaultPlanId()));
		assertThat(errorFields(problem)).as(what).containsExactlyInAnyOrderElementsOf(fields);
		for (JsonNode error : problem.get("errors")) {
			assertThat(error.get("message").asString()).as(error.toString())
				.isNotBlank()
				.doesNotContain(".required")
				.doesNotContain(".invalid");
		}
	}

	@Test
	void unreadableConfigurationIsAProblemToo() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		for (String path : List.of("/api/v1/calendars", "/api/v1/plans", "/api/v1/clients", "/api/v1/users")) {
			MockHttpServletResponse response = this.mvc
				.perform(post(path).with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(400);
			assertThat(response.getContentType()).as(path).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		JsonNode unknownRole = rejected(admin, "/api/v1/users", """
				{"email":"role.%s@code.test","name":"Wrong role","role":"OWNER","password":"long enough passphrase"}"""
			.formatted(TestData.unique("r")));
		assertThat(unknownRole.get("detail").asString()).isNotBlank();
	}

	/**
	 * The API calls a client's plan {@code plan}, a person's client {@code client}; the
	 * problem must name those, not the service's {@code planId} and {@code clientId}.
	 */
	@Test
	void problemsNameTheFieldsAsTheApiCallsThem() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		String token = TestData.unique("names");
		assertThat(errorFields(rejected(admin, "/api/v1/clients", """
				{"name":"No plan %s"}""".formatted(token)))).containsExactly("plan");
		assertThat(errorFields(rejected(admin, "/api/v1/clients", """
				{"name":"Unknown manager %s","plan":%d,"deliveryManager":"nobody@nowhere.test"}""".formatted(token,
				defaultPlanId()))))
			.containsExactly("deliveryManager");
		assertThat(errorFields(rejected(admin, "/api/v1/users", """
				{"email":"no.client.%s@code.test","name":"No client","role":"REQUESTER",
				 "password":"long enough passphrase"}""".formatted(token)))).containsExactly("client");
	}

	/** What the API answers today for those fields, so a change is noticed. */
	@Test
	void missingPlanAndClientAreRefused() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		String token = TestData.unique("refused");
		assertThat(errorFields(rejected(admin, "/api/v1/clients", """
				{"name":"No plan %s"}""".formatted(token)))).hasSize(1);
		assertThat(errorFields(rejected(admin, "/api/v1/users", """
				{"email":"no.client.%s@code.test","name":"No client","role":"REQUESTER",
				 "password":"long enough passphrase"}""".formatted(token)))).hasSize(1);
	}

	@Test
	void theConfigurationApiIsForAdministratorsOnly() throws Exception {
		Person requester = this.data.requester(this.data.client());
		List<Person> others = List.of(requester, this.data.person(Role.AGENT, null),
				this.data.person(Role.DELIVERY_MANAGER, null), this.data.person(Role.MANAGER, null));
		String token = TestData.unique("denied");
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("/api/v1/calendars",
				"""
						{"name":"Denied %s","timeZone":"Europe/London","hours":[{"day":"MONDAY","start":"09:00","end":"17:00"}]}"""
					.formatted(token));
		bodies.put("/api/v1/plans", """
				{"name":"Denied %s","calendar":%d,"targets":[]}""".formatted(token, supportHoursId()));
		bodies.put("/api/v1/clients", """
				{"name":"Denied %s","plan":%d}""".formatted(token, defaultPlanId()));
		bodies.put("/api/v1/users", """
				{"email":"denied.%s@code.test","name":"Denied","role":"AGENT","password":"long enough passphrase"}"""
			.formatted(token));
		for (Map.Entry<String, String> endpoint : bodies.entrySet()) {
			String path = endpoint.getKey();
			List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(
					() -> post(path).contentType(MediaType.APPLICATION_JSON).content(endpoint.getValue()),
					() -> get(path), () -> get(path + "/1"));
			for (Supplier<MockHttpServletRequestBuilder> request : requests) {
				MockHttpServletResponse anonymous = this.mvc.perform(request.get()).andReturn().getResponse();
				assertThat(anonymous.getStatus()).as("%s signed out", path).isEqualTo(401);
				assertThat(anonymous.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				for (Person other : others) {
					MockHttpServletResponse denied = this.mvc.perform(request.get().with(basic(other)))
						.andReturn()
						.getResponse();
					assertThat(denied.getStatus()).as("%s as %s", path, other.role()).isEqualTo(403);
					assertThat(denied.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				}
			}
		}
		assertThat(this.calendars.list()).extracting((c) -> c.name()).doesNotContain("Denied " + token);
		assertThat(this.directory.clients()).extracting((c) -> c.name()).doesNotContain("Denied " + token);
	}

	@Test
	void missingConfigurationIsNotFound() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		for (String path : List.of("/api/v1/calendars/987654321", "/api/v1/plans/987654321",
				"/api/v1/clients/987654321", "/api/v1/users/987654321")) {
			MockHttpServletResponse response = this.mvc.perform(get(path).with(basic(admin))).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(404);
			assertThat(response.getContentType()).as(path).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
	}

	// --- helpers ---------------------------------------------------------------------

	static RequestPostProcessor as(Person person) {
		return user(new HelpdeskUser(person, null, true));
	}

	static RequestPostProcessor basic(Person person) {
		return httpBasic(person.email(), TestData.PASSWORD);
	}

	int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	long clientOnDefault(String name) {
		return this.admin.createClient(new ClientCommand(name, defaultPlanId(), null, true), null);
	}

	long defaultPlanId() {
		return this.directory.plans()
			.stream()
			.filter((p) -> p.name().equals("Default"))
			.map(PlanSummary::id)
			.findFirst()
			.orElseThrow();
	}

	long supportHoursId() {
		return this.calendars.list()
			.stream()
			.filter((c) -> c.name().equals(SlaHistory.SUPPORT_HOURS))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/**
	 * Posts as an administrator and checks the answer: 201, a Location naming the new
	 * resource, and the resource with its id.
	 */
	JsonNode created(Person admin, String path, String body) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post(path).with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("POST %s: %s", path, response.getContentAsString()).isEqualTo(201);
		JsonNode resource = read(response);
		long id = resource.get("id").asLong();
		assertThat(id).isPositive();
		assertThat(response.getHeader("Location")).endsWith(path + "/" + id);
		return resource;
	}

	/** GET by id answers the same resource, and the list holds it. */
	void assertReadBack(Person admin, String path, JsonNode resource) throws Exception {
		long id = resource.get("id").asLong();
		MockHttpServletResponse one = this.mvc.perform(get(path + "/" + id).with(basic(admin)))
			.andReturn()
			.getResponse();
		assertThat(one.getStatus()).isEqualTo(200);
		assertThat(read(one)).as("GET %s/%d", path, id).isEqualTo(resource);
		MockHttpServletResponse all = this.mvc.perform(get(path).with(basic(admin))).andReturn().getResponse();
		assertThat(all.getStatus()).isEqualTo(200);
		JsonNode list = read(all);
		assertThat(list.isArray()).isTrue();
		List<JsonNode> matching = new ArrayList<>();
		list.forEach((item) -> {
			if (item.get("id").asLong() == id) {
				matching.add(item);
			}
		});
		assertThat(matching).as("GET %s lists %d", path, id).containsExactly(resource);
	}

	JsonNode rejected(Person admin, String path, String body) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post(path).with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("POST %s %s: %s", path, body, response.getContentAsString()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		return problem;
	}

	static List<String> errorFields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		if (problem.get("errors") != null) {
			problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		}
		return fields;
	}

	JsonNode read(MockHttpServletResponse response) throws Exception {
		return this.json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	// --- reading the dashboard's HTML ------------------------------------------------

	private static final Pattern CARD = Pattern
		.compile("<h3 class=\"govuk-heading-s\">([^<]+)</h3>\\s*<p class=\"app-card__figure\">([^<]+)</p>\\s*"
				+ "<p class=\"govuk-body-s\">(\\d+) met, (\\d+) breached</p>");

	private static final Pattern TICKET_LINK = Pattern
		.compile("<a class=\"govuk-link\" href=\"/tickets/(\\d+)\">([^<]*)</a>");

	/** The cards of the totals as "metric: N met, M breached, figure". */
	static List<String> totals(String html) {
		List<String> totals = new ArrayList<>();
		Matcher matcher = CARD.matcher(html);
		while (matcher.find()) {
			totals.add(unescape(matcher.group(1)) + ": " + matcher.group(3) + " met, " + matcher.group(4)
					+ " breached, " + matcher.group(2));
		}
		assertThat(totals).as("the page shows the totals").hasSize(3);
		return totals;
	}

	/** The breaches' links, as their text ("#id subject"). */
	static List<String> breachLinks(String html) {
		return links(section(html, ">Breaches</h2>", ">At risk now</h2>")).stream().map((l) -> l[1]).toList();
	}

	/** The ids of the tickets at risk. */
	static List<String> riskLinks(String html) {
		return links(section(html, ">At risk now</h2>", "<script")).stream().map((l) -> l[0]).toList();
	}

	static String section(String html, String from, String to) {
		int start = html.indexOf(from);
		assertThat(start).as("the page has %s", from).isNotNegative();
		int end = html.indexOf(to, start);
		return html.substring(start, (end < 0) ? html.length() : end);
	}

	static List<String[]> links(String html) {
		List<String[]> links = new ArrayList<>();
		Matcher matcher = TICKET_LINK.matcher(html);
		while (matcher.find()) {
			links.add(new String[] { matcher.group(1), unescape(matcher.group(2)) });
		}
		return links;
	}

	static String unescape(String html) {
		return html.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&amp;", "&");
	}

}
