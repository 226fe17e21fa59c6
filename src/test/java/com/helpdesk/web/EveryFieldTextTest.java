package com.helpdesk.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.delivery.ScopeCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.DeliveryFixture;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.RotaFixture;
import com.helpdesk.support.TestData;
import com.helpdesk.support.Writes;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Walks every form the pages show, each role's, and every JSON body of the API, and sends
 * each field once with a null character and once with far more text than any column holds
 * (the rest of the form as the page filled it in). Each must answer 400 (the form, the
 * 400 page or a problem naming the field) with nothing written to the database: never a
 * 500, never a half-saved change. A new form or field is covered without changing this
 * test.
 */
@IntegrationTest
class EveryFieldTextTest {

	private static final String TOO_LONG = "x".repeat(100_001);

	private static final Set<String> TEXT_INPUTS = Set.of("text", "email", "password", "search", "tel", "url");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	Rotas rotas;

	@Autowired
	RotaFixture rotaFixture;

	@Autowired
	DeliveryFixture deliveryFixture;

	@Autowired
	DeliveryRequests deliveryRequests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MovableClock clock;

	private final List<String> faults = new ArrayList<>();

	private int sent;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void everyFormFieldOfStaffAndRequestersRefusesControlCharactersAndOverlongText() throws Exception {
		this.clock.set(LocalDateTime.parse("2027-01-11T09:45").atZone(ZoneId.of("Europe/London")).toInstant());
		DeliveryFixture.Team team = this.deliveryFixture.team();
		Person agent = team.ann();
		long onCall = this.rotas.create(
				new RotaCommand(TestData.unique("On call"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
						"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), team.calendarId(), null, true,
						false, List.of(new PositionCommand("On call", 1, 1, 0, List.of(agent.id(), team.bea().id())))),
				null);
		long ticket = this.tickets.create(team.requester(), TestData.bug("Walked"), List.of());
		DeliveryRequest request = intake(team, "Walk the delivery forms");
		this.deliveryRequests.scope(team.dm(), request.id(), request.version(),
				new ScopeCommand(null, new BigDecimal("1"), false, null, null));
		walk(agent, "/tickets", "/tickets/new", "/tickets/" + ticket, "/delivery/panel?ticket=" + ticket,
				"/rotas/escalation?ticket=" + ticket, "/reviews/follow-up?ticket=" + ticket, "/reviews/daily",
				"/reviews/weekly", "/rotas", "/rotas/" + team.rotaId(), "/rotas/mine", "/rotas/handovers",
				"/rotas/handovers/" + onCall + "/morning/2027-01-11", "/notifications", "/profile");
		walk(team.dm(), "/delivery", "/delivery/requests/" + request.id(), "/delivery/teams/" + team.id() + "/plan",
				"/delivery/backlog");
		Person requester = team.requester();
		List<String> requesterPages = new ArrayList<>(List.of("/requests", "/requests/" + ticket, "/profile"));
		for (RequestType type : RequestType.values()) {
			requesterPages.add("/requests/new?type=" + type);
		}
		walk(requester, requesterPages.toArray(String[]::new));
		walk(this.data.person(Role.MANAGER, null), "/dashboard/sla", "/rotas/hours");
		assertThat(this.sent).as("fields sent").isGreaterThan(100);
		assertThat(this.faults).isEmpty();
	}

	@Test
	void everyAdministrationFormFieldRefusesControlCharactersAndOverlongText() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		DeliveryFixture.Team team = this.deliveryFixture.team();
		long client = this.data.client();
		long plan = this.admin.createPlan(TestData.unique("Plan"), "Walked", false, null);
		walk(admin, "/admin/clients/new", "/admin/clients/" + client, "/admin/users/new",
				"/admin/users/" + team.ann().id(), "/admin/groups/new", "/admin/groups/" + team.groupId(),
				"/admin/plans/new", "/admin/plans/" + plan, "/admin/calendars/new",
				"/admin/calendars/" + team.calendarId(), "/admin/rotas", "/admin/rotas/new?template=WEEKLY_PAIR",
				"/admin/rotas/new?template=CUSTOM", "/admin/rotas/" + team.rotaId(), "/admin/delivery/new",
				"/admin/delivery/" + team.id(), "/profile");
		assertThat(this.sent).as("fields sent").isGreaterThan(60);
		assertThat(this.faults).isEmpty();
	}

	@Test
	void signingInWithAControlCharacterIsAFailedSignInThatWritesNothing() throws Exception {
		// Spring Security trims the address (and with it a control character at either
		// end)
		for (String username : new String[] { "alice@client\u0000-a.test", "alice\u001b[0m@client-a.test", TOO_LONG }) {
			long mark = Writes.mark(this.jdbc);
			MockHttpServletResponse response = this.mvc
				.perform(MockMvcRequestBuilders.post("/login")
					.param("username", username)
					.param("password", "demo-pass-2026")
					.with(csrf()))
				.andReturn()
				.getResponse();
			assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
			assertThat(Writes.committedSince(this.jdbc, mark)).isFalse();
		}
	}

	@Test
	void everyStringOfEveryApiBodyRefusesControlCharactersAndOverlongText() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		Person agent = this.data.agent();
		long client = this.data.client();
		Person requester = this.data.requester(client);
		long ticket = this.tickets.create(requester, TestData.question("API walked"), List.of());
		long version = this.queries.ticket(agent, ticket).version();
		long calendar = this.rotaFixture.teamHours();
		long plan = this.directory.plans().get(0).id();
		body(requester, HttpMethod.POST, "/api/v1/tickets", """
				{"type":"DEPLOYMENT","subject":"Deploy it","description":"Please","alreadyTried":"Nothing",
				 "priority":"NORMAL","application":"Shop","environment":"Live",
				 "serverSpec":{"cpu":"2","memory":"4 GB","disk":"20 GB","os":"Debian"},"wantedBy":"2099-01-01"}""");
		body(agent, HttpMethod.POST, "/api/v1/tickets", """
				{"type":"BUG","subject":"It broke","description":"Badly","alreadyTried":"Restart",
				 "requester":"%s","stepsToReproduce":"Open it","expectedOutcome":"Works",
				 "actualOutcome":"Fails"}""".formatted(requester.email()));
		body(agent, HttpMethod.POST, "/api/v1/tickets", """
				{"type":"INCIDENT","subject":"Down","description":"All of it","alreadyTried":"Restart",
				 "requester":"%s","impact":"Everyone","service":"Shop","startedAt":"2026-01-01T10:00:00Z"}"""
			.formatted(requester.email()));
		body(agent, HttpMethod.POST, "/api/v1/tickets", """
				{"type":"ACCESS","subject":"Let me in","description":"Please","alreadyTried":"Asking",
				 "requester":"%s","system":"Grafana","accessLevel":"Viewer","reason":"On call"}"""
			.formatted(requester.email()));
		body(agent, HttpMethod.POST, "/api/v1/tickets/" + ticket + "/comments", """
				{"body":"An answer","public":true}""");
		body(agent, HttpMethod.PATCH, "/api/v1/tickets/" + ticket, """
				{"version":%d,"priority":"HIGH","status":"OPEN","type":"QUESTION","tags":["walked"],
				 "assignee":"%s","reason":"Because"}""".formatted(version, agent.email()));
		body(admin, HttpMethod.POST, "/api/v1/imports/tickets", """
				{"type":"DEVELOPMENT_SUPPORT","subject":"Imported","description":"From elsewhere",
				 "alreadyTried":"Nothing","priority":"LOW","requester":"%s","assignee":"%s","tags":["old"],
				 "createdAt":"2026-01-05T10:00:00Z","desiredOutcome":"A plan",
				 "events":[{"at":"2026-01-05T11:00:00Z","kind":"PUBLIC_REPLY","author":"%s","body":"Hello"},
				           {"at":"2026-01-05T12:00:00Z","kind":"STATUS_CHANGE","status":"SOLVED"}]}"""
			.formatted(requester.email(), agent.email(), agent.email()));
		body(admin, HttpMethod.POST, "/api/v1/calendars", """
				{"name":"Walked hours","timeZone":"Europe/London",
				 "hours":[{"day":"MONDAY","start":"10:00","end":"18:00"}],
				 "holidays":[{"date":"2027-12-25","name":"Christmas Day"}]}""");
		body(admin, HttpMethod.POST, "/api/v1/plans", """
				{"name":"Walked plan","description":"Walked","calendar":%d,
				 "targets":[{"priority":"HIGH","metric":"FIRST_REPLY","within":"PT4H","clock":"BUSINESS"}]}"""
			.formatted(calendar));
		body(admin, HttpMethod.POST, "/api/v1/clients", """
				{"name":"Walked client","plan":%d}""".formatted(plan));
		body(admin, HttpMethod.POST, "/api/v1/users", """
				{"email":"walked@test.example","name":"Walked Person","role":"AGENT",
				 "password":"a-long-enough-password","timeZone":"Europe/London"}""");
		assertThat(this.sent).as("fields sent").isGreaterThan(80);
		assertThat(this.faults).isEmpty();
	}

	// --- forms ---------------------------------------------------------------------

	/**
	 * A form as a browser would send it: its fields with the values the page filled in.
	 */
	record Form(String page, String method, String action, boolean multipart, List<Field> fields) {
	}

	record Field(String name, String type, String value) {

		boolean typed() {
			return TEXT_INPUTS.contains(this.type) || "textarea".equals(this.type);
		}

	}

	private void walk(Person person, String... pages) throws Exception {
		Set<String> seen = new LinkedHashSet<>();
		for (String page : pages) {
			MockHttpServletResponse response = perform(person, get(page));
			if (response.getStatus() != 200) {
				this.faults.add("GET " + page + " answered " + response.getStatus());
				continue;
			}
			for (Form form : forms(page, response.getContentAsString())) {
				if (!seen.add(form.method() + " " + form.action().replaceAll("[0-9]+", "{n}") + " "
						+ form.fields().stream().map(Field::name).toList())) {
					continue;
				}
				for (Field field : form.fields()) {
					send(person, form, field, field.value() + "\u0000", true);
					if (field.typed()) {
						send(person, form, field, TOO_LONG, false);
					}
				}
			}
		}
	}

	private void send(Person person, Form form, Field changed, String value, boolean control) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request;
		if ("get".equals(form.method())) {
			request = get(form.action());
		}
		else if (form.multipart()) {
			request = MockMvcRequestBuilders.multipart(form.action());
		}
		else {
			request = MockMvcRequestBuilders.post(form.action());
		}
		for (Field field : form.fields()) {
			request.param(field.name(), (field == changed) ? value : field.value());
		}
		this.sent++;
		Answer answer = watch(person, request);
		MockHttpServletResponse response = answer.response();
		boolean written = answer.written();
		String what = (control ? "a control character" : "over-long text") + " in " + changed.name() + " of "
				+ form.method().toUpperCase() + " " + form.action() + " (on " + form.page() + ")";
		int status = response.getStatus();
		boolean refused = control || !"get".equals(form.method()) ? status == 400 : status < 500;
		if (!refused) {
			this.faults.add(what + " answered " + status + " " + response.getRedirectedUrl());
		}
		// a wrong password refused is counted, as at sign-in: that is the one write
		// allowed
		if (written && !answer.tables().equals(List.of("login_throttle"))) {
			this.faults.add(what + " wrote to the database (answer " + status + ", " + answer.tables() + ")");
		}
		if (control && status == 400 && !response.getContentAsString().contains(changed.name())) {
			this.faults.add(what + " did not name the field");
		}
	}

	private List<Form> forms(String page, String html) throws Exception {
		Document document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
		List<Form> forms = new ArrayList<>();
		for (Element form : elements(document, "form")) {
			String method = attribute(form, "method", "get").toLowerCase();
			String action = attribute(form, "action", page);
			List<Field> fields = new ArrayList<>();
			Map<String, Field> radios = new LinkedHashMap<>();
			boolean button = false;
			for (Element element : elements(form, null)) {
				String name = element.getAttributeValue("name");
				if (name == null || name.startsWith("_csrf") || element.hasAttribute("disabled")) {
					continue;
				}
				String tag = element.getElementName().toLowerCase();
				switch (tag) {
					case "input" -> {
						String type = attribute(element, "type", "text").toLowerCase();
						String value = attribute(element, "value", "");
						if (type.equals("checkbox") || type.equals("radio")) {
							if (element.hasAttribute("checked")) {
								fields.add(new Field(name, type, value.isEmpty() ? "on" : value));
								radios.remove(name);
							}
							else if (type.equals("radio") && fields.stream().noneMatch((f) -> f.name().equals(name))) {
								radios.putIfAbsent(name, new Field(name, type, value));
							}
						}
						else if (!Set.of("submit", "button", "image", "reset", "file").contains(type)) {
							fields.add(new Field(name, type, value));
						}
					}
					case "textarea" -> fields.add(new Field(name, "textarea", text(element)));
					case "select" -> {
						List<Element> options = elements(element, "option");
						String value = options.stream()
							.filter((o) -> o.hasAttribute("selected"))
							.findFirst()
							.or(() -> options.stream().findFirst())
							.map((o) -> attribute(o, "value", text(o)))
							.orElse("");
						fields.add(new Field(name, "select", value));
					}
					case "button" -> {
						if (!button) {
							fields.add(new Field(name, "button", attribute(element, "value", "")));
							button = true;
						}
					}
					default -> {
					}
				}
			}
			fields.addAll(radios.values());
			forms.add(new Form(page, method, action,
					"multipart/form-data".equalsIgnoreCase(form.getAttributeValue("enctype")), fields));
		}
		return forms;
	}

	private static List<Element> elements(INestableNode parent, String name) {
		List<Element> found = new ArrayList<>();
		for (INode child : parent.getChildren()) {
			if (child instanceof Element element) {
				if (name == null || element.getElementName().equalsIgnoreCase(name)) {
					found.add(element);
				}
				found.addAll(elements(element, name));
			}
		}
		return found;
	}

	private static String attribute(Element element, String name, String otherwise) {
		String value = element.getAttributeValue(name);
		return (value != null) ? unescape(value) : otherwise;
	}

	private static String text(Element element) {
		StringBuilder text = new StringBuilder();
		for (INode child : element.getChildren()) {
			if (child instanceof Text part) {
				text.append(part.getContent());
			}
		}
		return unescape(text.toString());
	}

	private static String unescape(String html) {
		Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
		StringBuilder out = new StringBuilder();
		while (numeric.find()) {
			int code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
			numeric.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
		}
		numeric.appendTail(out);
		return out.toString()
			.replace("&quot;", "\"")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&nbsp;", "\u00a0")
			.replace("&amp;", "&");
	}

	// --- JSON bodies ---------------------------------------------------------------

	private void body(Person person, HttpMethod method, String path, String sample) throws Exception {
		JsonNode body = this.json.readTree(sample);
		List<String> strings = new ArrayList<>();
		collect(body, "", strings);
		for (String field : strings) {
			for (boolean control : new boolean[] { true, false }) {
				JsonNode changed = body.deepCopy();
				replace(changed, field, control);
				this.sent++;
				Answer answer = watch(person,
						MockMvcRequestBuilders.request(method, path)
							.contentType(MediaType.APPLICATION_JSON)
							.content(this.json.writeValueAsString(changed)));
				MockHttpServletResponse response = answer.response();
				String what = (control ? "a control character" : "over-long text") + " in " + field + " of " + method
						+ " " + path;
				if (answer.written()) {
					this.faults.add(what + " wrote to the database (answer " + response.getStatus() + ", "
							+ answer.tables() + ")");
				}
				if (response.getStatus() != 400) {
					this.faults.add(what + " answered " + response.getStatus() + " " + response.getContentAsString());
					continue;
				}
				List<String> named = new ArrayList<>();
				for (JsonNode error : this.json.readTree(response.getContentAsString()).path("errors")) {
					named.add(error.path("field").asString());
				}
				if (named.stream()
					.noneMatch((name) -> field.equals(name) || field.startsWith(name + ".")
							|| field.startsWith(name + "[") || field.replaceAll("\\[[0-9]+]$", "").equals(name))) {
					this.faults.add(what + " named " + named + " instead");
				}
			}
		}
	}

	private static void collect(JsonNode node, String path, List<String> strings) {
		if (node.isString()) {
			strings.add(path);
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), path + "[" + i + "]", strings);
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), strings);
			}
		}
	}

	private static void replace(JsonNode root, String path, boolean control) {
		Matcher step = Pattern.compile("([^.\\[\\]]+)|\\[([0-9]+)]").matcher(path);
		List<Object> steps = new ArrayList<>();
		while (step.find()) {
			steps.add((step.group(1) != null) ? step.group(1) : Integer.valueOf(step.group(2)));
		}
		JsonNode parent = root;
		for (int i = 0; i < steps.size() - 1; i++) {
			parent = (steps.get(i) instanceof Integer index) ? parent.get(index) : parent.get((String) steps.get(i));
		}
		Object last = steps.get(steps.size() - 1);
		String old = (last instanceof Integer index) ? parent.get(index).asString()
				: parent.get((String) last).asString();
		String value = control ? old + "\u0000" : TOO_LONG;
		if (last instanceof Integer index) {
			((ArrayNode) parent).set(index, value);
		}
		else {
			((ObjectNode) parent).put((String) last, value);
		}
	}

	// --- support -------------------------------------------------------------------

	private DeliveryRequest intake(DeliveryFixture.Team team, String subject) {
		long ticket = this.tickets.create(team.requester(),
				new NewTicket(RequestType.DEVELOPMENT_SUPPORT, subject, "Please " + subject, "Tried it ourselves",
						Priority.NORMAL, new RequestDetails(null, null, null, null, null, null, null, subject + " done",
								null, null, null, null, null, null),
						null),
				List.of());
		return this.deliveryRequests.forTicket(ticket).orElseThrow();
	}

	/**
	 * What a request answered and whether it saved anything. A refused request that seems
	 * to have written is sent again: work finishing in the background (events of the
	 * fixtures, session clean-up) does not write twice, a request that writes does.
	 */
	private Answer watch(Person person, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		long mark = Writes.mark(this.jdbc);
		MockHttpServletResponse first = perform(person, request);
		if (!Writes.committedSince(this.jdbc, mark)) {
			return new Answer(first, false, List.of());
		}
		List<String> tables = Writes.tablesWrittenSince(this.jdbc, mark);
		if (first.getStatus() != 400) {
			return new Answer(first, true, tables);
		}
		mark = Writes.mark(this.jdbc);
		perform(person, request);
		boolean again = Writes.committedSince(this.jdbc, mark);
		return new Answer(first, again, again ? Writes.tablesWrittenSince(this.jdbc, mark) : tables);
	}

	record Answer(MockHttpServletResponse response, boolean written, List<String> tables) {
	}

	private MockHttpServletResponse perform(Person person, AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return this.mvc.perform(request.with(user(new HelpdeskUser(person, null, true))).with(csrf()))
			.andReturn()
			.getResponse();
	}

}
