package com.helpdesk.web;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.PlanSummary;
import com.helpdesk.directory.Role;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may open the service-level pages and the configuration API: the rows
 * {@link AccessMatrixTest} does not have yet, in its style. Each row is one endpoint with
 * the answer expected for every kind of person; state-changing rows send a body that
 * would succeed, unique to the cell, so rows and roles never depend on each other's
 * order.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaAccessMatrixTest {

	/**
	 * Everyone the matrix asks about.
	 */
	enum Who {

		ANONYMOUS, REQUESTER_OWN, REQUESTER_OTHER, AGENT, DELIVERY_MANAGER, MANAGER, ADMIN

	}

	private static final long MISSING = 987_654_321L;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Directory directory;

	@Autowired
	Calendars calendars;

	Fixture fixture;

	@BeforeAll
	void createThePeople() {
		this.fixture = new Fixture();
	}

	// --- the matrix ---------------------------------------------------------------

	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		// home page: managers now start on the service levels
		rows.add(page("GET /", (f) -> get("/")).anonymous(LOGIN)
			.requesters(redirect("/requests"))
			.who(redirect("/tickets"), Who.AGENT)
			.who(redirect("/delivery"), Who.DELIVERY_MANAGER)
			.who(redirect("/dashboard/sla"), Who.MANAGER)
			.admin(redirect("/admin")));
		// the manager's dashboard
		rows.add(page("GET /dashboard/sla", (f) -> get("/dashboard/sla")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.who(OK, Who.MANAGER, Who.ADMIN));
		rows.add(
				page("GET /dashboard/sla?client={own}&priority=HIGH",
						(f) -> get("/dashboard/sla").param("client", String.valueOf(f.own.clientId()))
							.param("priority", "HIGH"))
					.anonymous(LOGIN)
					.everyone(FORBIDDEN)
					.who(OK, Who.MANAGER, Who.ADMIN));
		// a bad period is a 400 for those who may see the page, and nothing to the rest
		rows.add(page("GET /dashboard/sla?from=bad", (f) -> get("/dashboard/sla").param("from", "bad")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.who(BAD_REQUEST, Who.MANAGER, Who.ADMIN));
		rows.add(page("GET /dashboard/sla.csv", (f) -> get("/dashboard/sla.csv")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.who(CSV, Who.MANAGER, Who.ADMIN));
		rows.add(page("GET /dashboard/sla.csv?from=bad", (f) -> get("/dashboard/sla.csv").param("from", "bad"))
			.anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.who(BAD_REQUEST, Who.MANAGER, Who.ADMIN));
		// plans and calendars
		rows.add(page("GET /admin/plans", (f) -> get("/admin/plans")).anonymous(LOGIN).everyone(FORBIDDEN).admin(OK));
		rows.add(page("GET /admin/plans/new", (f) -> get("/admin/plans/new")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/plans/{default}", (f) -> get("/admin/plans/" + f.defaultPlan)).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/plans/{missing}", (f) -> get("/admin/plans/" + MISSING)).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(NOT_FOUND));
		rows.add(page("POST /admin/plans",
				(f) -> post("/admin/plans").param("name", TestData.unique("Matrix plan"))
					.param("calendarId", String.valueOf(f.supportHours))
					.param("atRiskPercent", "25")
					.param("within[HIGH_FIRST_REPLY]", "4h")
					.param("clock[HIGH_FIRST_REPLY]", "BUSINESS"))
			.anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(redirect("/admin/plans/*")));
		rows.add(page("GET /admin/calendars", (f) -> get("/admin/calendars")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/calendars/new", (f) -> get("/admin/calendars/new")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/calendars/{uk}", (f) -> get("/admin/calendars/" + f.supportHours)).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/calendars/{missing}", (f) -> get("/admin/calendars/" + MISSING)).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(NOT_FOUND));
		rows.add(page("POST /admin/calendars",
				(f) -> post("/admin/calendars").param("name", TestData.unique("Matrix calendar"))
					.param("timeZone", "Europe/London")
					.param("hours[MONDAY]", "09:00-17:00"))
			.anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(redirect("/admin/calendars/*")));
		// notifications: everyone signed in has their own (the menu shows them to staff)
		rows.add(page("GET /notifications", (f) -> get("/notifications")).anonymous(LOGIN).everyone(OK));
		rows.add(page("GET /notifications/unread", (f) -> get("/notifications/unread")).anonymous(LOGIN).everyone(OK));
		// the SLA queues
		rows.add(page("GET /tickets?view=breaching", (f) -> get("/tickets").param("view", "breaching")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /tickets?view=breached", (f) -> get("/tickets").param("view", "breached")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		// the configuration API: administrators only
		for (String resource : List.of("calendars", "plans", "clients", "users")) {
			rows.add(api("GET /api/v1/" + resource, (f) -> get("/api/v1/" + resource)).anonymous(UNAUTHORIZED)
				.everyone(FORBIDDEN)
				.admin(OK));
			rows.add(api("GET /api/v1/" + resource + "/{missing}", (f) -> get("/api/v1/" + resource + "/" + MISSING))
				.anonymous(UNAUTHORIZED)
				.everyone(FORBIDDEN)
				.admin(NOT_FOUND));
		}
		rows.add(api("GET /api/v1/calendars/{uk}", (f) -> get("/api/v1/calendars/" + f.supportHours))
			.anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(
				api("GET /api/v1/plans/{default}", (f) -> get("/api/v1/plans/" + f.defaultPlan)).anonymous(UNAUTHORIZED)
					.everyone(FORBIDDEN)
					.admin(OK));
		rows.add(api("GET /api/v1/clients/{own}", (f) -> get("/api/v1/clients/" + f.own.clientId()))
			.anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(OK));
		// not even one's own record: the API is configuration, not a profile
		rows.add(api("GET /api/v1/users/{own}", (f) -> get("/api/v1/users/" + f.own.id())).anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(api("POST /api/v1/calendars",
				(f) -> json(post("/api/v1/calendars"),
						"""
								{"name":"%s","timeZone":"Europe/London","hours":[{"day":"MONDAY","start":"09:00","end":"17:00"}]}"""
							.formatted(TestData.unique("Matrix calendar"))))
			.anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(CREATED));
		rows.add(api("POST /api/v1/plans",
				(f) -> json(post("/api/v1/plans"),
						"""
								{"name":"%s","calendar":%d,"targets":[{"priority":"HIGH","metric":"FIRST_REPLY","within":"PT4H"}]}"""
							.formatted(TestData.unique("Matrix plan"), f.supportHours)))
			.anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(CREATED));
		rows.add(api("POST /api/v1/clients", (f) -> json(post("/api/v1/clients"), """
				{"name":"%s","plan":%d}""".formatted(TestData.unique("Matrix client"), f.defaultPlan)))
			.anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(CREATED));
		rows.add(api("POST /api/v1/users",
				(f) -> json(post("/api/v1/users"),
						"""
								{"email":"%s@matrix.test","name":"Matrix person","role":"REQUESTER","client":%d,
								 "password":"a long enough passphrase","timeZone":"Europe/London"}"""
							.formatted(TestData.unique("matrix"), f.own.clientId())))
			.anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(CREATED));
		rows.add(api("POST /api/v1/imports/tickets",
				(f) -> json(post("/api/v1/imports/tickets"),
						"""
								{"type":"QUESTION","subject":"Matrix import","description":"From the old helpdesk",
								 "alreadyTried":"Nothing","priority":"NORMAL","requester":"%s","createdAt":"%s",
								 "events":[{"at":"%s","kind":"PUBLIC_REPLY","author":"agent@helpdesk.test","body":"On it"}]}"""
							.formatted(f.own.email(), Instant.now().minus(2, ChronoUnit.DAYS),
									Instant.now().minus(1, ChronoUnit.DAYS))))
			.anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(CREATED));
		return rows;
	}

	Stream<Arguments> matrix() {
		return rows().stream()
			.flatMap((row) -> row.expected.entrySet()
				.stream()
				.map((cell) -> Arguments.of(row.name, cell.getKey(), cell.getValue(), row)));
	}

	@ParameterizedTest(name = "{0} as {1} → {2}")
	@MethodSource("matrix")
	void answersAsExpected(String endpoint, Who who, Expect expected, Row row) throws Exception {
		if (expected.bug() != null) {
			Assumptions.abort("bug: " + expected.bug());
		}
		MockHttpServletRequestBuilder request = row.request.apply(this.fixture);
		Person person = this.fixture.person(who);
		if (person != null) {
			request.with(row.api ? httpBasic(person.email(), TestData.PASSWORD)
					: user(new HelpdeskUser(person, null, true)));
		}
		if (!row.api && !row.name.startsWith("GET ")) {
			request.with(csrf());
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		expected.check(response, row.api);
	}

	@Test
	void everyRowSaysWhatEveryoneGets() {
		for (Row row : rows()) {
			assertThat(row.expected.keySet()).as(row.name).containsExactlyInAnyOrder(Who.values());
		}
	}

	/**
	 * The pages' forms refuse a post without its CSRF token, even from an administrator.
	 */
	@Test
	void formsWithoutTheirTokenAreRefused() throws Exception {
		Person admin = this.fixture.person(Who.ADMIN);
		for (String path : List.of("/admin/plans", "/admin/calendars")) {
			assertThat(this.mvc
				.perform(post(path).param("name", TestData.unique("No token"))
					.with(user(new HelpdeskUser(admin, null, true))))
				.andReturn()
				.getResponse()
				.getStatus()).as(path).isEqualTo(403);
		}
	}

	// --- the people ----------------------------------------------------------------

	/**
	 * A requester of a fresh client, one of another, one person of each staff role, and
	 * the demo plan and calendar the rows read.
	 */
	final class Fixture {

		final Person own;

		final Person other;

		final Map<Who, Person> people = new EnumMap<>(Who.class);

		final long defaultPlan;

		final long supportHours;

		Fixture() {
			TestData data = SlaAccessMatrixTest.this.data;
			this.own = data.requester(data.client());
			this.other = data.requester(data.client());
			this.people.put(Who.REQUESTER_OWN, this.own);
			this.people.put(Who.REQUESTER_OTHER, this.other);
			this.people.put(Who.AGENT, data.person(Role.AGENT, null));
			this.people.put(Who.DELIVERY_MANAGER, data.person(Role.DELIVERY_MANAGER, null));
			this.people.put(Who.MANAGER, data.person(Role.MANAGER, null));
			this.people.put(Who.ADMIN, data.person(Role.ADMIN, null));
			this.defaultPlan = SlaAccessMatrixTest.this.directory.plans()
				.stream()
				.filter((p) -> p.name().equals("Default"))
				.map(PlanSummary::id)
				.findFirst()
				.orElseThrow();
			this.supportHours = SlaAccessMatrixTest.this.calendars.list()
				.stream()
				.filter((c) -> c.name().equals("UK support hours"))
				.findFirst()
				.orElseThrow()
				.id();
		}

		Person person(Who who) {
			return this.people.get(who);
		}

	}

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	// --- rows and expectations -----------------------------------------------------

	static final Expect OK = new Expect(200, null, null, null);

	static final Expect CSV = new Expect(200, null, "text/csv", null);

	static final Expect CREATED = new Expect(201, null, null, null);

	static final Expect BAD_REQUEST = new Expect(400, null, null, null);

	static final Expect UNAUTHORIZED = new Expect(401, null, null, null);

	static final Expect FORBIDDEN = new Expect(403, null, null, null);

	static final Expect NOT_FOUND = new Expect(404, null, null, null);

	static final Expect LOGIN = redirect("/login");

	static Expect redirect(String path) {
		return new Expect(302, path, null, null);
	}

	/**
	 * What the cell should answer, but does not because of a known bug: the cell is
	 * skipped with the bug as its reason until it is fixed.
	 */
	static Expect knownBug(Expect expected, String bug) {
		return new Expect(expected.status(), expected.redirectPath(), expected.contentType(), bug);
	}

	/**
	 * An answer: its status, for a redirect the path it leads to ({@code *} for one path
	 * segment), and the type of what it sends when that matters. API errors must be
	 * problem details.
	 */
	record Expect(int status, String redirectPath, String contentType, String bug) {

		void check(MockHttpServletResponse response, boolean api) throws Exception {
			assertThat(response.getStatus()).as("status").isEqualTo(this.status);
			if (this.redirectPath != null) {
				String location = response.getRedirectedUrl();
				assertThat(location).as("redirect").isNotNull();
				URI uri = URI.create(location);
				assertThat(uri.getPath()).as("redirect " + location).matches(this.redirectPath.replace("*", "[^/]+"));
			}
			if (this.contentType != null) {
				assertThat(response.getContentType()).as("content type").startsWith(this.contentType);
			}
			if (api && this.status == 201) {
				assertThat(response.getHeader("Location")).as("Location of what was created").isNotBlank();
			}
			if (api && this.status >= 400) {
				String type = response.getContentType();
				assertThat(type).as("content type").isNotNull();
				assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.as("content type %s is problem JSON", type)
					.isTrue();
				assertThat(response.getContentAsString()).contains("\"status\":" + this.status);
			}
			if (!api && this.status >= 400) {
				assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("Whitelabel");
			}
		}

		@Override
		public String toString() {
			String answer = (this.redirectPath != null) ? this.status + " to " + this.redirectPath
					: String.valueOf(this.status);
			return (this.bug != null) ? answer + " (known bug)" : answer;
		}

	}

	static Row page(String name, Function<Fixture, MockHttpServletRequestBuilder> request) {
		return new Row(name, false, request);
	}

	static Row api(String name, Function<Fixture, MockHttpServletRequestBuilder> request) {
		return new Row(name, true, request);
	}

	/**
	 * One endpoint and what each kind of person gets. Later calls override earlier ones,
	 * so {@code everyone(FORBIDDEN).admin(OK)} reads as it says.
	 */
	static final class Row {

		final String name;

		final boolean api;

		final Function<Fixture, MockHttpServletRequestBuilder> request;

		final Map<Who, Expect> expected = new EnumMap<>(Who.class);

		Row(String name, boolean api, Function<Fixture, MockHttpServletRequestBuilder> request) {
			this.name = name;
			this.api = api;
			this.request = request;
		}

		Row anonymous(Expect expect) {
			return who(expect, Who.ANONYMOUS);
		}

		Row own(Expect expect) {
			return who(expect, Who.REQUESTER_OWN);
		}

		Row other(Expect expect) {
			return who(expect, Who.REQUESTER_OTHER);
		}

		Row requesters(Expect expect) {
			return who(expect, Who.REQUESTER_OWN, Who.REQUESTER_OTHER);
		}

		Row staff(Expect expect) {
			return who(expect, Who.AGENT, Who.DELIVERY_MANAGER, Who.MANAGER, Who.ADMIN);
		}

		Row admin(Expect expect) {
			return who(expect, Who.ADMIN);
		}

		Row everyone(Expect expect) {
			return requesters(expect).staff(expect);
		}

		Row who(Expect expect, Who... who) {
			for (Who w : who) {
				this.expected.put(w, expect);
			}
			return this;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
