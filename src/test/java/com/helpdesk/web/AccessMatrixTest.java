package com.helpdesk.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.shared.Priority;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.DeliveryFixture;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.AttachmentInfo;
import com.helpdesk.ticket.NewAttachment;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TimelineEntry;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may open which page and API resource. Each row is one endpoint with the answer
 * expected for every kind of person; add an endpoint by adding a row to {@link #rows()}.
 * State-changing rows send a body that would succeed and act on a ticket made for that
 * cell alone, so rows and roles never depend on each other's order.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

	/**
	 * Everyone the matrix asks about.
	 */
	enum Who {

		ANONYMOUS, REQUESTER_OWN, REQUESTER_OTHER, AGENT, DELIVERY_MANAGER, MANAGER, ADMIN

	}

	private static final long MISSING_TICKET = 987_654_321L;

	private static final String INTERNAL_NOTE = "Internal: the client is behind on invoices";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	DeliveryFixture deliveryFixture;

	@Autowired
	DeliveryRequests deliveryRequests;

	@Autowired
	Rotas rotas;

	@Autowired
	com.helpdesk.rota.RotaFeeds feeds;

	Fixture fixture;

	@BeforeAll
	void createTheTicketsAndPeople() {
		this.fixture = new Fixture();
	}

	// --- the matrix ---------------------------------------------------------------

	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		// home page: each person to their own start page
		rows.add(page("GET /", (f) -> get("/")).anonymous(LOGIN)
			.requesters(redirect("/requests"))
			.staff(redirect("/tickets"))
			.manager(redirect("/dashboard/sla"))
			.deliveryManager(redirect("/delivery"))
			.admin(redirect("/admin")));
		// requester pages
		rows.add(page("GET /requests", (f) -> get("/requests")).anonymous(LOGIN).requesters(OK).staff(FORBIDDEN));
		rows.add(page("GET /requests/new", (f) -> get("/requests/new")).anonymous(LOGIN)
			.requesters(OK)
			.staff(FORBIDDEN));
		rows.add(page("GET /requests/new?type=BUG", (f) -> get("/requests/new").param("type", "BUG")).anonymous(LOGIN)
			.requesters(OK)
			.staff(FORBIDDEN));
		rows.add(page("POST /requests",
				(f) -> post("/requests").param("type", "QUESTION")
					.param("subject", "Matrix question")
					.param("description", "How does it work?")
					.param("alreadyTried", "Reading the docs")
					.param("priority", "NORMAL"))
			.anonymous(LOGIN)
			.requesters(redirect("/requests/*"))
			.staff(FORBIDDEN));
		rows.add(page("GET /requests/{plain}", (f) -> get("/requests/" + f.plainTicket)).anonymous(LOGIN)
			.own(OK)
			.other(NOT_FOUND)
			.staff(FORBIDDEN));
		// the page of a ticket with files fails to render (see
		// ticketPagesWithFilesRender)
		rows.add(page("GET /requests/{ticket}", (f) -> get("/requests/" + f.ticket)).anonymous(LOGIN)
			.own(OK)
			.other(NOT_FOUND)
			.staff(FORBIDDEN));
		rows.add(page("GET /requests/{missing}", (f) -> get("/requests/" + MISSING_TICKET)).anonymous(LOGIN)
			.requesters(NOT_FOUND)
			.staff(FORBIDDEN));
		rows.add(page("POST /requests/{fresh}/replies",
				(f) -> post("/requests/" + f.fresh().id() + "/replies").param("body", "More detail from me"))
			.anonymous(LOGIN)
			.own(redirect("/requests/*"))
			.other(NOT_FOUND)
			.staff(FORBIDDEN));
		rows.add(page("POST /requests/{fresh}/solve", (f) -> post("/requests/" + f.fresh().id() + "/solve"))
			.anonymous(LOGIN)
			.own(redirect("/requests/*"))
			.other(NOT_FOUND)
			.staff(FORBIDDEN));
		// agent workspace
		rows.add(page("GET /tickets", (f) -> get("/tickets")).anonymous(LOGIN).requesters(FORBIDDEN).staff(OK));
		rows.add(page("GET /tickets?view=all", (f) -> get("/tickets").param("view", "all")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /tickets?view=my-groups", (f) -> get("/tickets").param("view", "my-groups")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /tickets?q=requester:… status:new",
				(f) -> get("/tickets").param("view", "pending").param("q", "requester:alice status:new"))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /tickets?q=status:lost", (f) -> get("/tickets").param("q", "status:lost")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(new Expect(400, null, null)));
		rows.add(page("GET /tickets/{plain}", (f) -> get("/tickets/" + f.plainTicket)).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /tickets/{ticket}", (f) -> get("/tickets/" + f.ticket)).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /tickets/{missing}", (f) -> get("/tickets/" + MISSING_TICKET)).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(NOT_FOUND));
		rows.add(page("GET /tickets/filters", (f) -> get("/tickets/filters").param("view", "all")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /tickets/new", (f) -> get("/tickets/new")).anonymous(LOGIN).requesters(FORBIDDEN).staff(OK));
		rows.add(page("POST /tickets",
				(f) -> post("/tickets").param("type", "QUESTION")
					.param("requester", f.own.email())
					.param("subject", "Raised on behalf")
					.param("description", "They phoned us")
					.param("alreadyTried", "Nothing yet")
					.param("priority", "NORMAL"))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(redirect("/tickets/*")));
		rows.add(page("POST /tickets/{fresh} (a reply)", (f) -> {
			Fresh t = f.fresh();
			return post("/tickets/" + t.id()).param("body", "Here is the answer")
				.param("submitAs", "OPEN")
				.param("version", String.valueOf(t.version()));
		}).anonymous(LOGIN).requesters(FORBIDDEN).staff(redirect("/tickets/*")));
		rows.add(page("POST /tickets/{fresh} (an internal note)", (f) -> {
			Fresh t = f.fresh();
			return post("/tickets/" + t.id()).param("body", "Between us")
				.param("internal", "true")
				.param("version", String.valueOf(t.version()));
		}).anonymous(LOGIN).requesters(FORBIDDEN).staff(redirect("/tickets/*")));
		rows.add(page("POST /tickets/{fresh} (triage)", (f) -> {
			Fresh t = f.fresh();
			return post("/tickets/" + t.id()).param("version", String.valueOf(t.version()))
				.param("type", "QUESTION")
				.param("priority", "HIGH")
				.param("status", "OPEN")
				.param("tags", "matrix")
				.param("group", String.valueOf(t.groupId()))
				.param("assignee", "");
		}).anonymous(LOGIN).requesters(FORBIDDEN).staff(redirect("/tickets/*")));
		rows.add(page("POST /tickets/{fresh}/take", (f) -> {
			Fresh t = f.fresh();
			return post("/tickets/" + t.id() + "/take").param("version", String.valueOf(t.version()));
		}).anonymous(LOGIN).requesters(FORBIDDEN).staff(redirect("/tickets/*")));
		// administration
		rows.add(page("GET /admin", (f) -> get("/admin")).anonymous(LOGIN).everyone(FORBIDDEN).admin(OK));
		rows.add(page("GET /admin/clients", (f) -> get("/admin/clients")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/clients/new", (f) -> get("/admin/clients/new")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/users", (f) -> get("/admin/users")).anonymous(LOGIN).everyone(FORBIDDEN).admin(OK));
		rows.add(page("GET /admin/users/{own}", (f) -> get("/admin/users/" + f.own.id())).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/groups", (f) -> get("/admin/groups")).anonymous(LOGIN).everyone(FORBIDDEN).admin(OK));
		rows.add(page("GET /admin/groups/{team}", (f) -> get("/admin/groups/" + f.team.groupId())).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/users/new", (f) -> get("/admin/users/new")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/clients/{own}", (f) -> get("/admin/clients/" + f.own.clientId())).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		// rotas: staff; the hours report: managers and administrators
		rows.add(page("GET /rotas", (f) -> get("/rotas")).anonymous(LOGIN).requesters(FORBIDDEN).staff(OK));
		rows.add(page("GET /rotas/now", (f) -> get("/rotas/now")).anonymous(LOGIN).requesters(FORBIDDEN).staff(OK));
		rows.add(page("GET /rotas/mine", (f) -> get("/rotas/mine")).anonymous(LOGIN).requesters(FORBIDDEN).staff(OK));
		rows.add(page("GET /rotas/handovers", (f) -> get("/rotas/handovers")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /rotas/{rota}", (f) -> get("/rotas/" + f.team.rotaId())).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /rotas/handovers/{onCall}/morning/{monday}",
				(f) -> get("/rotas/handovers/" + f.onCallRota + "/morning/2027-01-11"))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /rotas/escalation?ticket={ticket}",
				(f) -> get("/rotas/escalation").param("ticket", String.valueOf(f.ticket)))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		// "I'm on it" is for the person paged or a manager; time is logged by those paged
		rows.add(page("POST /rotas/pages/ack?ticket={plain}",
				(f) -> post("/rotas/pages/ack").param("ticket", String.valueOf(f.plainTicket)))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(FORBIDDEN)
			.manager(redirect("/tickets/*"))
			.admin(redirect("/tickets/*")));
		rows.add(page("POST /rotas/pages/time?ticket={plain}",
				(f) -> post("/rotas/pages/time").param("ticket", String.valueOf(f.plainTicket)).param("minutes", "30"))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(BAD_REQUEST));
		rows.add(page("GET /rotas/hours", (f) -> get("/rotas/hours")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.manager(OK)
			.admin(OK));
		rows.add(page("GET /rotas/hours/export", (f) -> get("/rotas/hours/export")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.manager(OK)
			.admin(OK));
		// delivery planning: staff read it; planning itself is checked in
		// DeliveryPagesTest
		rows.add(page("GET /delivery", (f) -> get("/delivery")).anonymous(LOGIN).requesters(FORBIDDEN).staff(OK));
		rows.add(page("GET /delivery/plan", (f) -> get("/delivery/plan")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(redirect("/delivery/teams/*/plan")));
		rows.add(page("GET /delivery/backlog", (f) -> get("/delivery/backlog")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /delivery/requests/{request}", (f) -> get("/delivery/requests/" + f.deliveryRequest))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /delivery/teams/{team}/plan", (f) -> get("/delivery/teams/" + f.team.id() + "/plan"))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /delivery/panel?ticket={ticket}",
				(f) -> get("/delivery/panel").param("ticket", String.valueOf(f.ticket)))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /delivery/requests/{missing}", (f) -> get("/delivery/requests/" + MISSING_TICKET))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(NOT_FOUND));
		rows.add(page("POST /delivery/requests/{missing}/unschedule",
				(f) -> post("/delivery/requests/" + MISSING_TICKET + "/unschedule").param("version", "0"))
			.anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.deliveryManager(NOT_FOUND)
			.manager(NOT_FOUND)
			.admin(NOT_FOUND));
		rows.add(page("GET /admin/rotas", (f) -> get("/admin/rotas")).anonymous(LOGIN).everyone(FORBIDDEN).admin(OK));
		rows.add(page("GET /admin/rotas/new", (f) -> get("/admin/rotas/new")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/rotas/{rota}", (f) -> get("/admin/rotas/" + f.team.rotaId())).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/delivery", (f) -> get("/admin/delivery")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /admin/delivery/{team}", (f) -> get("/admin/delivery/" + f.team.id())).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		// reviews and follow-ups: staff
		rows.add(page("GET /reviews/daily", (f) -> get("/reviews/daily")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /reviews/weekly", (f) -> get("/reviews/weekly")).anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("GET /reviews/follow-up?ticket={ticket}",
				(f) -> get("/reviews/follow-up").param("ticket", String.valueOf(f.ticket)))
			.anonymous(LOGIN)
			.requesters(FORBIDDEN)
			.staff(OK));
		rows.add(page("POST /reviews/follow-ups", (f) -> {
			java.time.LocalDate due = java.time.LocalDate.now().plusDays(2);
			return post("/reviews/follow-ups").param("ticket", String.valueOf(f.fresh().id()))
				.param("nextAction", "Check back with the client")
				.param("dueDay", String.valueOf(due.getDayOfMonth()))
				.param("dueMonth", String.valueOf(due.getMonthValue()))
				.param("dueYear", String.valueOf(due.getYear()));
		}).anonymous(LOGIN).requesters(FORBIDDEN).staff(redirect("/tickets/*")));
		rows.add(page("GET /feeds/{unknown}.ics", (f) -> get("/feeds/unknown.ics")).anonymous(NOT_FOUND)
			.everyone(NOT_FOUND));
		// a feed link needs no sign-in: whoever holds it reads it
		rows.add(page("GET /feeds/{agent's}.ics", (f) -> get("/feeds/" + f.agentFeed + ".ics")).anonymous(OK)
			.everyone(OK));
		rows.add(api("GET /api/v1/oncall/now", (f) -> get("/api/v1/oncall/now")).anonymous(UNAUTHORIZED)
			.requesters(FORBIDDEN)
			.staff(OK));
		// everyone's own page
		rows.add(page("GET /profile", (f) -> get("/profile")).anonymous(LOGIN).everyone(OK));
		// everyone changes their own password; a wrong current one changes nothing
		rows.add(page("POST /profile/password (wrong current password)",
				(f) -> post("/profile/password").param("currentPassword", "not the password")
					.param("newPassword", "a brand new password"))
			.anonymous(LOGIN)
			.everyone(BAD_REQUEST));
		// files
		rows.add(page("GET /attachments/{public}", (f) -> get("/attachments/" + f.publicAttachment)).anonymous(LOGIN)
			.own(OK)
			.other(NOT_FOUND)
			.staff(OK));
		rows.add(
				page("GET /attachments/{internal}", (f) -> get("/attachments/" + f.internalAttachment)).anonymous(LOGIN)
					.requesters(NOT_FOUND)
					.staff(OK));
		// the API
		rows.add(api("GET /api/v1/tickets", (f) -> get("/api/v1/tickets")).anonymous(UNAUTHORIZED).everyone(OK));
		rows.add(api("POST /api/v1/tickets",
				(f) -> post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
						{"type":"QUESTION","subject":"Matrix API question","description":"How?",
						 "alreadyTried":"Docs","requester":"%s"}""".formatted(f.own.email())))
			.anonymous(UNAUTHORIZED)
			.everyone(CREATED));
		rows.add(api("GET /api/v1/tickets/{ticket}", (f) -> get("/api/v1/tickets/" + f.ticket)).anonymous(UNAUTHORIZED)
			.own(OK)
			.other(NOT_FOUND)
			.staff(OK));
		rows.add(api("GET /api/v1/tickets/{missing}", (f) -> get("/api/v1/tickets/" + MISSING_TICKET))
			.anonymous(UNAUTHORIZED)
			.everyone(NOT_FOUND));
		// a requester may never triage: 403 for any id, so it says nothing about
		// existence
		rows.add(api("PATCH /api/v1/tickets/{fresh}", (f) -> {
			Fresh t = f.fresh();
			return patch("/api/v1/tickets/" + t.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + t.version() + ",\"priority\":\"HIGH\"}");
		}).anonymous(UNAUTHORIZED).requesters(FORBIDDEN).staff(OK));
		rows.add(api("PATCH /api/v1/tickets/{missing}",
				(f) -> patch("/api/v1/tickets/" + MISSING_TICKET).contentType(MediaType.APPLICATION_JSON)
					.content("{\"version\":0,\"priority\":\"HIGH\"}"))
			.anonymous(UNAUTHORIZED)
			.requesters(FORBIDDEN)
			.staff(NOT_FOUND));
		rows.add(api("GET /api/v1/tickets/{ticket}/comments", (f) -> get("/api/v1/tickets/" + f.ticket + "/comments"))
			.anonymous(UNAUTHORIZED)
			.own(OK)
			.other(NOT_FOUND)
			.staff(OK));
		rows.add(api("GET /api/v1/tickets/{plain}/comments/{public}",
				(f) -> get("/api/v1/tickets/" + f.plainTicket + "/comments/" + f.publicComment))
			.anonymous(UNAUTHORIZED)
			.own(OK)
			.other(NOT_FOUND)
			.staff(OK));
		rows.add(api("GET /api/v1/tickets/{ticket}/comments/{internal}",
				(f) -> get("/api/v1/tickets/" + f.ticket + "/comments/" + f.internalComment))
			.anonymous(UNAUTHORIZED)
			.requesters(NOT_FOUND)
			.staff(OK));
		rows.add(api("POST /api/v1/tickets/{fresh}/comments public",
				(f) -> post("/api/v1/tickets/" + f.fresh().id() + "/comments").contentType(MediaType.APPLICATION_JSON)
					.content("{\"body\":\"A public word\",\"public\":true}"))
			.anonymous(UNAUTHORIZED)
			.own(CREATED)
			.other(NOT_FOUND)
			.staff(CREATED));
		// only staff write internal notes: 403 for requesters whichever ticket they name
		rows.add(api("POST /api/v1/tickets/{fresh}/comments internal",
				(f) -> post("/api/v1/tickets/" + f.fresh().id() + "/comments").contentType(MediaType.APPLICATION_JSON)
					.content("{\"body\":\"A private word\",\"public\":false}"))
			.anonymous(UNAUTHORIZED)
			.requesters(FORBIDDEN)
			.staff(CREATED));
		// what needs no sign-in
		rows.add(page("GET /actuator/health", (f) -> get("/actuator/health")).anonymous(OK).everyone(OK));
		rows.add(api("GET /actuator/prometheus", (f) -> get("/actuator/prometheus")).anonymous(UNAUTHORIZED)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /actuator/info", (f) -> get("/actuator/info")).anonymous(LOGIN)
			.everyone(FORBIDDEN)
			.admin(OK));
		rows.add(page("GET /v3/api-docs", (f) -> get("/v3/api-docs")).anonymous(OK).everyone(OK));
		rows.add(page("GET /login", (f) -> get("/login")).anonymous(OK).everyone(redirect("/")));
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

	@Test
	void ticketPagesWithFilesRender() throws Exception {
		Person own = this.fixture.person(Who.REQUESTER_OWN);
		Person agent = this.fixture.person(Who.AGENT);
		this.mvc.perform(get("/requests/" + this.fixture.ticket).with(user(new HelpdeskUser(own, null, true))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		this.mvc.perform(get("/tickets/" + this.fixture.ticket).with(user(new HelpdeskUser(agent, null, true))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
	}

	/**
	 * Where the requester may see the ticket, they never see its internal notes.
	 */
	@Test
	void requestersNeverSeeInternalNotes() throws Exception {
		Person own = this.fixture.person(Who.REQUESTER_OWN);
		Person agent = this.fixture.person(Who.AGENT);
		long id = this.fixture.plainTicket;
		assertThat(this.mvc.perform(get("/requests/" + id).with(user(new HelpdeskUser(own, null, true))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Without files").doesNotContain(INTERNAL_NOTE);
		for (String path : List.of("/api/v1/tickets/" + id, "/api/v1/tickets/" + id + "/comments")) {
			MockHttpServletResponse response = this.mvc
				.perform(get(path).with(httpBasic(own.email(), TestData.PASSWORD)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).as(path).doesNotContain(INTERNAL_NOTE);
		}
		assertThat(this.mvc.perform(get("/tickets/" + id).with(user(new HelpdeskUser(agent, null, true))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(INTERNAL_NOTE);
	}

	/**
	 * The matrix compares redirect paths only; the query string should be clean too.
	 */
	@Test
	void redirectsCarryNoInternalModelAttributes() throws Exception {
		Person own = this.fixture.person(Who.REQUESTER_OWN);
		Person admin = this.fixture.person(Who.ADMIN);
		assertThat(this.mvc.perform(get("/").with(user(new HelpdeskUser(own, null, true))))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/requests");
		assertThat(this.mvc.perform(get("/").with(user(new HelpdeskUser(admin, null, true))))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/admin");
		long id = this.fixture.fresh().id();
		assertThat(this.mvc
			.perform(post("/requests/" + id + "/solve").with(user(new HelpdeskUser(own, null, true))).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/requests/" + id);
	}

	/**
	 * The attachment download under /api answers errors as an HTML page, because its
	 * controller is a plain {@code @Controller} and {@code ApiProblems} only advises
	 * {@code @RestController}s.
	 */
	@Test
	void apiAttachmentDownloadAnswersProblemDetailsLikeTheRestOfTheApi() throws Exception {
		Row row = api("GET /api/v1/attachments/{public}", (f) -> get("/api/v1/attachments/" + f.publicAttachment))
			.anonymous(UNAUTHORIZED)
			.own(OK)
			.other(NOT_FOUND)
			.staff(OK);
		for (Map.Entry<Who, Expect> cell : row.expected.entrySet()) {
			answersAsExpected(row.name, cell.getKey(), cell.getValue(), row);
		}
		Row internal = api("GET /api/v1/attachments/{internal}",
				(f) -> get("/api/v1/attachments/" + f.internalAttachment))
			.anonymous(UNAUTHORIZED)
			.requesters(NOT_FOUND)
			.staff(OK);
		for (Map.Entry<Who, Expect> cell : internal.expected.entrySet()) {
			answersAsExpected(internal.name, cell.getKey(), cell.getValue(), internal);
		}
	}

	/**
	 * Until the bug above is fixed: at least the status is right, and another client's
	 * file is not found rather than forbidden.
	 */
	@Test
	void apiAttachmentDownloadHidesOtherClientsFiles() throws Exception {
		Row row = api("GET /api/v1/attachments/{public}", (f) -> get("/api/v1/attachments/" + f.publicAttachment))
			.anonymous(UNAUTHORIZED)
			.own(OK)
			.other(NOT_FOUND)
			.staff(OK);
		Row internal = api("GET /api/v1/attachments/{internal}",
				(f) -> get("/api/v1/attachments/" + f.internalAttachment))
			.anonymous(UNAUTHORIZED)
			.requesters(NOT_FOUND)
			.staff(OK);
		for (Row r : List.of(row, internal)) {
			for (Map.Entry<Who, Expect> cell : r.expected.entrySet()) {
				MockHttpServletRequestBuilder request = r.request.apply(this.fixture);
				Person person = this.fixture.person(cell.getKey());
				if (person != null) {
					request.with(httpBasic(person.email(), TestData.PASSWORD));
				}
				assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus())
					.as(r.name + " as " + cell.getKey())
					.isEqualTo(cell.getValue().status);
			}
		}
	}

	// --- the people and tickets ----------------------------------------------------

	/**
	 * A ticket of a fresh client with a public attachment and an internal note with its
	 * own attachment; a requester of that client, one of another client, and one person
	 * of each staff role.
	 */
	final class Fixture {

		final Person own;

		final Person other;

		final Map<Who, Person> people = new EnumMap<>(Who.class);

		final long ticket;

		final long plainTicket;

		final long publicAttachment;

		final long internalAttachment;

		/** A delivery team with its first-line rota, and a request in its intake. */
		final DeliveryFixture.Team team;

		final long deliveryRequest;

		/** An on-call rota on the team's calendar, from Wednesday 6 January 2027. */
		final long onCallRota;

		final long publicComment;

		final long internalComment;

		final String agentFeed;

		Fixture() {
			TestData data = AccessMatrixTest.this.data;
			this.own = data.requester(data.client());
			this.other = data.requester(data.client());
			this.people.put(Who.REQUESTER_OWN, this.own);
			this.people.put(Who.REQUESTER_OTHER, this.other);
			this.people.put(Who.AGENT, data.person(Role.AGENT, null));
			this.people.put(Who.DELIVERY_MANAGER, data.person(Role.DELIVERY_MANAGER, null));
			this.people.put(Who.MANAGER, data.person(Role.MANAGER, null));
			this.people.put(Who.ADMIN, data.person(Role.ADMIN, null));
			Person agent = this.people.get(Who.AGENT);
			this.agentFeed = AccessMatrixTest.this.feeds.create(agent, null);
			this.ticket = AccessMatrixTest.this.tickets.create(this.own, TestData.question("Access matrix"),
					List.of(new NewAttachment("screenshot.png", "image/png", bytes("not really a png"))));
			AccessMatrixTest.this.tickets.addNote(agent, this.ticket, "Only for the team",
					List.of(new NewAttachment("internal.txt", "text/plain", bytes("staff eyes only"))));
			this.plainTicket = AccessMatrixTest.this.tickets.create(this.own, TestData.question("Without files"),
					List.of());
			AccessMatrixTest.this.tickets.addNote(agent, this.plainTicket, INTERNAL_NOTE, List.of());
			TicketView view = AccessMatrixTest.this.queries.ticket(agent, this.ticket);
			this.publicAttachment = view.requestAttachments().get(0).id();
			this.internalAttachment = view.timeline()
				.stream()
				.filter(TimelineEntry::isInternal)
				.flatMap((entry) -> entry.attachments().stream())
				.map(AttachmentInfo::id)
				.findFirst()
				.orElseThrow();
			this.team = AccessMatrixTest.this.deliveryFixture.team();
			long deployment = AccessMatrixTest.this.tickets.create(this.team.requester(),
					new NewTicket(RequestType.DEVELOPMENT_SUPPORT, "Matrix in-depth work", "Please help", "Docs",
							Priority.NORMAL, new RequestDetails(null, null, null, null, null, null, null, "Helped",
									null, null, null, null, null, null),
							null),
					List.of());
			this.deliveryRequest = AccessMatrixTest.this.deliveryRequests.forTicket(deployment).orElseThrow().id();
			this.onCallRota = AccessMatrixTest.this.rotas
				.create(new RotaCommand(TestData.unique("Matrix on call"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
						"Europe/London", DeliveryFixture.START, LocalTime.of(10, 0), this.team.calendarId(), null, true,
						false, List.of(new PositionCommand("On call", 1, 1, 0, List.of(this.team.ann().id())))), null);
			this.internalComment = view.timeline()
				.stream()
				.filter(TimelineEntry::isInternal)
				.map(TimelineEntry::commentId)
				.findFirst()
				.orElseThrow();
			AccessMatrixTest.this.tickets.reply(agent, this.plainTicket, null, "A public answer", null, List.of());
			this.publicComment = AccessMatrixTest.this.queries.ticket(agent, this.plainTicket)
				.timeline()
				.stream()
				.filter((entry) -> entry.isComment() && !entry.isInternal())
				.map(TimelineEntry::commentId)
				.findFirst()
				.orElseThrow();
		}

		Person person(Who who) {
			return this.people.get(who);
		}

		/**
		 * A new ticket of the own client, for one cell of a state-changing row.
		 */
		Fresh fresh() {
			long id = AccessMatrixTest.this.tickets.create(this.own, TestData.question("Matrix fresh"), List.of());
			TicketView view = AccessMatrixTest.this.queries.ticket(this.people.get(Who.AGENT), id);
			return new Fresh(id, view.version(), view.groupId());
		}

	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Fresh(long id, long version, Long groupId) {
	}

	// --- rows and expectations -----------------------------------------------------

	static final Expect OK = new Expect(200, null, null);

	static final Expect CREATED = new Expect(201, null, null);

	static final Expect UNAUTHORIZED = new Expect(401, null, null);

	static final Expect FORBIDDEN = new Expect(403, null, null);

	static final Expect NOT_FOUND = new Expect(404, null, null);

	static final Expect BAD_REQUEST = new Expect(400, null, null);

	static final Expect LOGIN = redirect("/login");

	static Expect redirect(String path) {
		return new Expect(302, path, null);
	}

	/**
	 * What the cell should answer, but does not because of a known bug: the cell is
	 * skipped with the bug as its reason until it is fixed.
	 */
	static Expect knownBug(Expect expected, String bug) {
		return new Expect(expected.status(), expected.redirectPath(), bug);
	}

	/**
	 * An answer: its status and, for a redirect, the path it leads to ({@code *} for one
	 * path segment). API errors must be problem details.
	 */
	record Expect(int status, String redirectPath, String bug) {

		void check(MockHttpServletResponse response, boolean api) throws Exception {
			assertThat(response.getStatus()).as("status").isEqualTo(this.status);
			if (this.redirectPath != null) {
				String location = response.getRedirectedUrl();
				assertThat(location).as("redirect").isNotNull();
				URI uri = URI.create(location);
				assertThat(uri.getPath()).as("redirect " + location).matches(this.redirectPath.replace("*", "[^/]+"));
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
			return set(expect, Who.ANONYMOUS);
		}

		Row own(Expect expect) {
			return set(expect, Who.REQUESTER_OWN);
		}

		Row other(Expect expect) {
			return set(expect, Who.REQUESTER_OTHER);
		}

		Row requesters(Expect expect) {
			return set(expect, Who.REQUESTER_OWN, Who.REQUESTER_OTHER);
		}

		Row staff(Expect expect) {
			return set(expect, Who.AGENT, Who.DELIVERY_MANAGER, Who.MANAGER, Who.ADMIN);
		}

		Row manager(Expect expect) {
			return set(expect, Who.MANAGER);
		}

		Row deliveryManager(Expect expect) {
			return set(expect, Who.DELIVERY_MANAGER);
		}

		Row admin(Expect expect) {
			return set(expect, Who.ADMIN);
		}

		Row everyone(Expect expect) {
			return requesters(expect).staff(expect);
		}

		private Row set(Expect expect, Who... who) {
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
