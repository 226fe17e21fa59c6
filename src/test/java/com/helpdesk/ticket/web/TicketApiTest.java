package com.helpdesk.ticket.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.security.internal.ApiTokens;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TriageChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tickets API: raising, listing, changing and commenting on tickets, its problem
 * details, and personal API tokens.
 */
@IntegrationTest
class TicketApiTest {

	private static final String ALICE = "alice@client-a.test";

	private static final String DEMO_PASSWORD = "demo-pass-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	TestData data;

	@Autowired
	Directory directory;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	ApiTokens apiTokens;

	// --- raising tickets -------------------------------------------------------------

	@Test
	void requesterRaisesABugForTheirOwnClient() throws Exception {
		Person alice = this.directory.findPersonByEmail(ALICE).orElseThrow();
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/tickets").with(httpBasic(ALICE, DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"type":"BUG","subject":"Export button does nothing","description":"Clicking Export fails",
						 "alreadyTried":"Another browser","priority":"HIGH",
						 "stepsToReproduce":"Open reports, click Export","expectedOutcome":"A CSV file",
						 "actualOutcome":"Nothing happens"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse();
		JsonNode body = read(response);
		long id = body.get("id").asLong();
		assertThat(response.getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/tickets/" + id);
		assertThat(body.get("status").asString()).isEqualTo("NEW");
		assertThat(body.get("type").asString()).isEqualTo("BUG");
		assertThat(body.get("priority").asString()).isEqualTo("HIGH");
		assertThat(body.get("requester").asString()).isEqualTo(ALICE);
		assertThat(body.get("client").asLong()).isEqualTo(alice.clientId());
		assertThat(body.get("stepsToReproduce").asString()).isEqualTo("Open reports, click Export");
		assertThat(body.get("expectedOutcome").asString()).isEqualTo("A CSV file");
		assertThat(body.get("actualOutcome").asString()).isEqualTo("Nothing happens");
		assertThat(body.has("details")).as("type fields sit at the top level").isFalse();
		assertThat(body.get("version").isIntegralNumber()).isTrue();
		assertThat(body.has("assignee")).as("the requester's view has no triage data").isFalse();
		assertThat(body.has("sla")).isFalse();
		// and it reads back the same from where Location points
		JsonNode again = read(
				this.mvc.perform(get(response.getHeader(HttpHeaders.LOCATION)).with(httpBasic(ALICE, DEMO_PASSWORD)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse());
		assertThat(again.get("id").asLong()).isEqualTo(id);
		assertThat(again.get("version").asLong()).isEqualTo(body.get("version").asLong());
	}

	@Test
	void staffRaiseATicketForTheRequesterTheyName() throws Exception {
		long client = this.data.client();
		Person requester = this.data.requester(client);
		Person agent = this.data.agent();
		JsonNode body = read(this.mvc
			.perform(post("/api/v1/tickets").with(basic(agent)).contentType(MediaType.APPLICATION_JSON).content("""
					{"type":"QUESTION","subject":"Phoned in","description":"How do I rotate keys?",
					 "alreadyTried":"The manual","requester":"%s"}""".formatted(requester.email())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse());
		assertThat(body.get("requester").asString()).isEqualTo(requester.email());
		assertThat(body.get("client").asLong()).isEqualTo(client);
		assertThat(body.get("status").asString()).isEqualTo("NEW");
		// staff see who holds it, null when nobody does, and the clocks
		assertThat(body.has("assignee")).isTrue();
		assertThat(body.get("assignee").isNull()).isTrue();
		assertThat(body.get("group").isIntegralNumber()).isTrue();
		assertThat(body.get("sla").isArray()).isTrue();
	}

	@Test
	void aRequesterNeverSeesTheTeamsTriageDataOfTheirTicket() throws Exception {
		Person requester = this.data.requester(this.data.client());
		Person agent = this.data.agent();
		long group = this.data.group(agent);
		long id = this.tickets.create(requester, TestData.question("Triaged behind the scenes"), List.of());
		this.tickets.triage(agent, id, version(id, agent), new TriageChange(null, null, List.of("billing", "vip"),
				group, false, agent.id(), false, null, "Billing handles these"));
		JsonNode staffView = read(this.mvc.perform(get("/api/v1/tickets/" + id).with(basic(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(staffView.get("assignee").asString()).isEqualTo(agent.email());
		assertThat(staffView.get("group").asLong()).isEqualTo(group);
		assertThat(staffView.get("tags").toString()).contains("billing", "vip");
		assertThat(staffView.has("sla")).isTrue();

		JsonNode own = read(this.mvc.perform(get("/api/v1/tickets/" + id).with(basic(requester)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(own.get("id").asLong()).isEqualTo(id);
		assertThat(own.has("assignee") || own.has("group") || own.has("tags") || own.has("sla"))
			.as("triage data in " + own)
			.isFalse();
		JsonNode page = read(this.mvc.perform(get("/api/v1/tickets").with(basic(requester)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(page.get("items").size()).isEqualTo(1);
		for (JsonNode item : page.get("items")) {
			assertThat(item.has("assignee") || item.has("group")).as("triage data in " + item).isFalse();
		}
		JsonNode staffPage = read(this.mvc.perform(get("/api/v1/tickets").param("q", "#" + id).with(basic(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(staffPage.get("items").get(0).get("assignee").asString()).isEqualTo(agent.email());
		assertThat(staffPage.get("items").get(0).get("group").asLong()).isEqualTo(group);
	}

	@Test
	void staffMustNameTheRequester() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/tickets").with(basic(this.data.agent()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"type":"QUESTION","subject":"For whom?","description":"Nobody named",
						 "alreadyTried":"Nothing"}"""))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		assertThat(errorFields(problem(response, 400))).containsExactly("requester");
	}

	static Stream<Arguments> typesWithTheirFields() {
		return Stream.of(Arguments.of("BUG", List.of("stepsToReproduce", "expectedOutcome", "actualOutcome")),
				Arguments.of("DEPLOYMENT",
						List.of("application", "environment", "serverSpec.cpu", "serverSpec.memory", "serverSpec.disk",
								"serverSpec.os", "wantedBy")),
				Arguments.of("DEVELOPMENT_SUPPORT", List.of("desiredOutcome")),
				Arguments.of("INCIDENT", List.of("impact", "service", "startedAt")),
				Arguments.of("ACCESS", List.of("system", "accessLevel", "reason")));
	}

	@ParameterizedTest(name = "{0} lists {1}")
	@MethodSource("typesWithTheirFields")
	void missingTypeFieldsAreEachListed(String type, List<String> fields) throws Exception {
		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/tickets").with(basic(requester)).contentType(MediaType.APPLICATION_JSON).content("""
					{"type":"%s","subject":"Incomplete","description":"Missing the type's own fields",
					 "alreadyTried":"Nothing"}""".formatted(type)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		JsonNode problem = problem(response, 400);
		assertThat(errorFields(problem)).containsExactlyInAnyOrderElementsOf(fields);
		for (JsonNode error : problem.get("errors")) {
			assertThat(error.get("message").asString()).as(error.toString()).isNotBlank().doesNotStartWith("request.");
		}
	}

	@Test
	void missingCommonFieldsAreEachListed() throws Exception {
		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse response = this.mvc.perform(
				post("/api/v1/tickets").with(basic(requester)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		assertThat(errorFields(problem(response, 400))).contains("type", "subject", "description");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreadableBodies")
	void unreadableBodiesAreProblems(String what, String body) throws Exception {
		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse response = this.mvc.perform(
				post("/api/v1/tickets").with(basic(requester)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		JsonNode problem = problem(response, 400);
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(response.getContentAsString()).doesNotContain("tools.jackson").doesNotContain("Exception");
	}

	static Stream<Arguments> unreadableBodies() {
		return Stream.of(Arguments.of("malformed JSON", "{\"type\":\"QUESTION\",\"subject\":"),
				Arguments.of("not an object", "[1,2,3]"), Arguments.of("unknown type", """
						{"type":"WISH","subject":"s","description":"d","alreadyTried":"a"}"""),
				Arguments.of("unknown priority", """
						{"type":"QUESTION","subject":"s","description":"d","alreadyTried":"a","priority":"ASAP"}"""),
				Arguments.of("date of the wrong shape", """
						{"type":"DEPLOYMENT","subject":"s","description":"d","alreadyTried":"a","wantedBy":"soon"}"""));
	}

	// --- listing ---------------------------------------------------------------------

	@Test
	void listPagesThroughEveryTicketOnceWithTheCursor() throws Exception {
		long client = this.data.client();
		Person requester = this.data.requester(client);
		Set<Long> created = new HashSet<>();
		for (int i = 0; i < 30; i++) {
			created.add(this.tickets.create(requester, TestData.question("Paged " + i), List.of()));
		}
		// another client's ticket, which this requester must never see
		Person stranger = this.data.requester(this.data.client());
		long strangers = this.tickets.create(stranger, TestData.question("Not yours"), List.of());

		List<Long> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			MockHttpServletRequestBuilder request = get("/api/v1/tickets").param("limit", "10").with(basic(requester));
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			JsonNode page = read(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse());
			pages++;
			assertThat(page.get("items").size()).isLessThanOrEqualTo(10);
			for (JsonNode item : page.get("items")) {
				seen.add(item.get("id").asLong());
				assertThat(item.get("client").asLong()).isEqualTo(client);
			}
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			assertThat(pages).as("pages").isLessThanOrEqualTo(4);
		}
		while (cursor != null);
		assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created).doesNotContain(strangers);
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void listFiltersByStatus() throws Exception {
		long client = this.data.client();
		Person requester = this.data.requester(client);
		Person agent = this.data.agent();
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			created.add(this.tickets.create(requester, TestData.question("Filtered " + i), List.of()));
		}
		List<Long> opened = created.subList(0, 2);
		for (long id : opened) {
			long version = this.queries.ticket(agent, id).version();
			this.tickets.triage(agent, id, version,
					new TriageChange(null, null, null, null, false, null, false, TicketStatus.OPEN, null));
		}
		assertThat(ids(get("/api/v1/tickets").param("status", "OPEN").with(basic(requester))))
			.containsExactlyInAnyOrderElementsOf(opened);
		assertThat(ids(get("/api/v1/tickets").param("status", "NEW").param("limit", "100").with(basic(requester))))
			.containsExactlyInAnyOrderElementsOf(created.subList(2, 6));
		// staff see every client's tickets, still filtered by status
		JsonNode staffPage = read(this.mvc
			.perform(get("/api/v1/tickets").param("status", "OPEN").param("limit", "100").with(basic(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		for (JsonNode item : staffPage.get("items")) {
			assertThat(item.get("status").asString()).isEqualTo("OPEN");
		}
	}

	@Test
	void searchingNeverCrossesClients() throws Exception {
		Person owner = this.data.requester(this.data.client());
		String word = TestData.unique("zebra").replace("-", "");
		long id = this.tickets.create(owner, TestData.question("Searchable " + word), List.of());
		Person stranger = this.data.requester(this.data.client());
		assertThat(ids(get("/api/v1/tickets").param("q", word).with(basic(owner)))).containsExactly(id);
		assertThat(ids(get("/api/v1/tickets").param("q", word).with(basic(stranger)))).isEmpty();
		assertThat(ids(get("/api/v1/tickets").param("q", "#" + id).with(basic(stranger)))).isEmpty();
		assertThat(ids(get("/api/v1/tickets").param("q", word).with(basic(this.data.agent())))).containsExactly(id);
	}

	@Test
	void searchTermsNarrowTheListAndAnUnknownStatusIsAProblem() throws Exception {
		Person owner = this.data.requester(this.data.client());
		Person colleague = this.data.requester(owner.clientId());
		long theirs = this.tickets.create(colleague, TestData.question("Printer offline"), List.of());
		long mine = this.tickets.create(owner, TestData.question("Printer offline too"), List.of());
		Person agent = this.data.agent();
		assertThat(ids(get("/api/v1/tickets").param("q", "requester:" + colleague.email()).with(basic(agent))))
			.containsExactly(theirs);
		assertThat(ids(get("/api/v1/tickets").param("q", owner.email()).with(basic(owner)))).containsExactly(mine);
		assertThat(ids(get("/api/v1/tickets").param("q", "status:new #" + mine).with(basic(owner))))
			.containsExactly(mine);

		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/tickets").param("q", "status:lost").with(basic(agent)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		assertThat(errorFields(problem(response, 400))).containsExactly("q");
	}

	@Test
	void aGarbageCursorIsABadRequest() throws Exception {
		Person requester = this.data.requester(this.data.client());
		for (String cursor : List.of("garbage!", "bm90LWEtY3Vyc29y", "MDphYmM6MQ")) {
			MockHttpServletResponse response = this.mvc
				.perform(get("/api/v1/tickets").param("cursor", cursor).with(basic(requester)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(cursor).isEqualTo(400);
			assertThat(errorFields(problem(response, 400))).containsExactly("cursor");
		}
	}

	@Test
	void anUnknownStatusFilterIsABadRequest() throws Exception {
		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/tickets").param("status", "DONE").with(basic(requester)))
			.andReturn()
			.getResponse();
		assertThat(errorFields(problem(response, 400))).containsExactly("status");
	}

	// --- changing tickets ------------------------------------------------------------

	@Test
	void patchWithTheCurrentVersionChangesPriorityAndAnswersTheNewVersion() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket();
		long version = version(id, agent);
		JsonNode changed = read(this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version + ",\"priority\":\"CRITICAL\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(changed.get("priority").asString()).isEqualTo("CRITICAL");
		assertThat(changed.get("version").asLong()).isGreaterThan(version);
		assertThat(version(id, agent)).isEqualTo(changed.get("version").asLong());
	}

	@Test
	void patchWithAStaleVersionIsAConflict() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket();
		long read = version(id, agent);
		this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + read + ",\"priority\":\"LOW\"}"))
			.andExpect(status().isOk());
		MockHttpServletResponse response = this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + read + ",\"priority\":\"HIGH\"}"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse();
		problem(response, 409);
		assertThat(this.queries.ticket(agent, id).priority().name()).isEqualTo("LOW");
	}

	@Test
	void patchWithoutAVersionIsABadRequest() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket();
		MockHttpServletResponse response = this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"priority\":\"HIGH\",\"status\":\"LATER\"}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		assertThat(errorFields(problem(response, 400))).containsExactlyInAnyOrder("version", "status");
	}

	@Test
	void patchAssignsByEmailAndUnassignsWithNull() throws Exception {
		Person agent = this.data.agent();
		Person colleague = this.data.agent();
		long id = newTicket();
		JsonNode assigned = read(this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version(id, agent) + ",\"assignee\":\"" + colleague.email() + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(assigned.get("assignee").asString()).isEqualTo(colleague.email());
		JsonNode unassigned = read(this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + assigned.get("version").asLong() + ",\"assignee\":null}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(unassigned.has("assignee")).isTrue();
		assertThat(unassigned.get("assignee").isNull()).isTrue();
		assertThat(this.queries.ticket(agent, id).assigneeId()).isNull();
	}

	@Test
	void patchToARequesterAsAssigneeIsABadRequest() throws Exception {
		Person agent = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		long id = newTicket();
		MockHttpServletResponse response = this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version(id, agent) + ",\"assignee\":\"" + requester.email() + "\"}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		assertThat(errorFields(problem(response, 400))).containsExactly("assignee");
	}

	@Test
	void movingToAnotherGroupNeedsAReason() throws Exception {
		Person agent = this.data.agent();
		long group = this.data.group(agent);
		long id = newTicket();
		assertThat(this.queries.ticket(agent, id).groupId()).as("lands in the intake group").isNotNull();
		MockHttpServletResponse refused = this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version(id, agent) + ",\"group\":" + group + "}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		assertThat(errorFields(problem(refused, 400))).containsExactly("reason");
		JsonNode moved = read(this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version(id, agent) + ",\"group\":" + group
						+ ",\"reason\":\"Needs the platform team\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(moved.get("group").asLong()).isEqualTo(group);
	}

	@Test
	void requestersMayNotPatch() throws Exception {
		Person requester = this.data.requester(this.data.client());
		long id = this.tickets.create(requester, TestData.question("Mine to change?"), List.of());
		MockHttpServletResponse response = this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(requester))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version(id, requester) + ",\"priority\":\"CRITICAL\"}"))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse();
		problem(response, 403);
		assertThat(this.queries.ticket(requester, id).priority().name()).isEqualTo("NORMAL");
	}

	@Test
	void pendingBeforeAnyPublicReplyIsAConflict() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket();
		MockHttpServletResponse response = this.mvc
			.perform(patch("/api/v1/tickets/" + id).with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":" + version(id, agent) + ",\"status\":\"PENDING\"}"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse();
		JsonNode problem = problem(response, 409);
		assertThat(problem.get("detail").asString()).contains("Reply to the requester");
		assertThat(this.queries.ticket(agent, id).status()).isEqualTo(TicketStatus.NEW);
	}

	// --- comments --------------------------------------------------------------------

	@Test
	void aPublicReplyFromStaffOpensANewTicket() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket();
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/tickets/" + id + "/comments").with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"We are looking at it\",\"public\":true}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse();
		JsonNode comment = read(response);
		assertThat(comment.get("body").asString()).isEqualTo("We are looking at it");
		assertThat(comment.get("public").asBoolean()).isTrue();
		assertThat(comment.get("author").asString()).isEqualTo(agent.email());
		assertThat(comment.get("id").asLong()).isPositive();
		assertThat(response.getHeader(HttpHeaders.LOCATION))
			.endsWith("/api/v1/tickets/" + id + "/comments/" + comment.get("id").asLong());
		JsonNode atLocation = read(this.mvc.perform(get(response.getHeader(HttpHeaders.LOCATION)).with(basic(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(atLocation).isEqualTo(comment);
		JsonNode ticket = read(this.mvc.perform(get("/api/v1/tickets/" + id).with(basic(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		assertThat(ticket.get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void requestersMayNotWriteInternalNotes() throws Exception {
		Person requester = this.data.requester(this.data.client());
		long id = this.tickets.create(requester, TestData.question("Notes?"), List.of());
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/tickets/" + id + "/comments").with(basic(requester))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Secret\",\"public\":false}"))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse();
		problem(response, 403);
	}

	@Test
	void internalNotesNeverReachTheRequester() throws Exception {
		Person agent = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		long id = this.tickets.create(requester, TestData.question("Who sees notes"), List.of());
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/comments").with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"The customer is on an old version\",\"public\":false}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/tickets/" + id + "/comments").with(basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Please upgrade\",\"public\":true}"))
			.andExpect(status().isCreated());

		JsonNode requesterView = read(
				this.mvc.perform(get("/api/v1/tickets/" + id + "/comments").with(basic(requester)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse());
		List<String> bodies = new ArrayList<>();
		for (JsonNode comment : requesterView) {
			bodies.add(comment.get("body").asString());
			assertThat(comment.get("public").asBoolean()).isTrue();
		}
		assertThat(bodies).contains("Please upgrade").doesNotContain("The customer is on an old version");

		JsonNode staffView = read(this.mvc.perform(get("/api/v1/tickets/" + id + "/comments").with(basic(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
		List<String> staffBodies = new ArrayList<>();
		for (JsonNode comment : staffView) {
			staffBodies.add(comment.get("body").asString() + "/" + comment.get("public").asBoolean());
		}
		assertThat(staffBodies).contains("Please upgrade/true", "The customer is on an old version/false");

		// nor one by one
		for (JsonNode comment : staffView) {
			String path = "/api/v1/tickets/" + id + "/comments/" + comment.get("id").asLong();
			MockHttpServletResponse one = this.mvc.perform(get(path).with(basic(requester))).andReturn().getResponse();
			if (comment.get("public").asBoolean()) {
				assertThat(one.getStatus()).isEqualTo(200);
			}
			else {
				problem(one, 404);
			}
		}
		problem(this.mvc.perform(get("/api/v1/tickets/" + id + "/comments/" + Long.MAX_VALUE).with(basic(agent)))
			.andReturn()
			.getResponse(), 404);
	}

	// --- personal API tokens -----------------------------------------------------------

	@Test
	void aPersonalTokenWorksUntilRevoked() throws Exception {
		Person requester = this.data.requester(this.data.client());
		HelpdeskUser signedIn = new HelpdeskUser(requester, null, true);
		String name = TestData.unique("ci-script");
		MvcResult created = this.mvc
			.perform(post("/profile/tokens").param("name", name).with(user(signedIn)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/profile*"))
			.andExpect(flash().attributeExists("newToken"))
			.andReturn();
		String secret = (String) created.getFlashMap().get("newToken");
		assertThat(secret).startsWith("hd_");

		this.mvc.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.andExpect(status().isOk());

		// the secret is shown once: the profile page lists the token by name only
		String profile = this.mvc.perform(get("/profile").with(user(signedIn)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(profile).contains(name).doesNotContain(secret);

		long tokenId = this.apiTokens.list(requester.id())
			.stream()
			.filter((token) -> token.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
		this.mvc.perform(post("/profile/tokens/" + tokenId + "/revoke").with(user(signedIn)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/profile*"));

		MockHttpServletResponse refused = this.mvc
			.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse();
		problem(refused, 401);
	}

	@Test
	void someoneElsesTokenCannotBeRevoked() throws Exception {
		Person owner = this.data.requester(this.data.client());
		Person other = this.data.requester(this.data.client());
		String secret = this.apiTokens.create(owner.id(), "mine");
		long tokenId = this.apiTokens.list(owner.id()).get(0).id();
		MockHttpServletResponse response = this.mvc
			.perform(post("/profile/tokens/" + tokenId + "/revoke").with(user(new HelpdeskUser(other, null, true)))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(404);
		this.mvc.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.andExpect(status().isOk());
	}

	@Test
	void anUnknownTokenIsUnauthorized() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer hd_not-a-real-token"))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse();
		problem(response, 401);
		assertThat(response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactlyInAnyOrder(
				"Basic realm=\"Helpdesk\"", "Bearer realm=\"Helpdesk\", error=\"invalid_token\"");
	}

	@Test
	void noCredentialsAreAskedForBothWaysIn() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/api/v1/tickets")).andReturn().getResponse();
		problem(response, 401);
		assertThat(response.getHeaders(HttpHeaders.WWW_AUTHENTICATE))
			.containsExactlyInAnyOrder("Basic realm=\"Helpdesk\"", "Bearer realm=\"Helpdesk\"");
	}

	@Test
	void wrongBasicCredentialsAreUnauthorized() throws Exception {
		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/tickets").with(httpBasic(requester.email(), "not-the-password")))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse();
		problem(response, 401);
	}

	// --- the OpenAPI description -------------------------------------------------------

	@Test
	void apiDocsDescribeTheTicketsApi() throws Exception {
		JsonNode docs = read(
				this.mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse());
		JsonNode paths = docs.get("paths");
		assertThat(paths.has("/api/v1/tickets")).isTrue();
		assertThat(paths.has("/api/v1/tickets/{id}")).isTrue();
		assertThat(paths.has("/api/v1/tickets/{id}/comments")).isTrue();
		assertThat(paths.get("/api/v1/tickets").has("get")).isTrue();
		assertThat(paths.get("/api/v1/tickets").has("post")).isTrue();
		assertThat(paths.get("/api/v1/tickets/{id}").has("patch")).isTrue();
	}

	// --- helpers -----------------------------------------------------------------------

	private long newTicket() {
		Person requester = this.data.requester(this.data.client());
		return this.tickets.create(requester, TestData.question("API test"), List.of());
	}

	private long version(long id, Person viewer) {
		return this.queries.ticket(viewer, id).version();
	}

	private List<Long> ids(MockHttpServletRequestBuilder request) throws Exception {
		JsonNode page = read(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse());
		List<Long> ids = new ArrayList<>();
		for (JsonNode item : page.get("items")) {
			ids.add(item.get("id").asLong());
		}
		assertThat(page.get("next").isNull()).as("all on one page").isTrue();
		return ids;
	}

	private static RequestPostProcessor basic(Person person) {
		return httpBasic(person.email(), TestData.PASSWORD);
	}

	private JsonNode read(MockHttpServletResponse response) throws Exception {
		return this.json.readTree(response.getContentAsString());
	}

	/**
	 * The body as an RFC 9457 problem with the given status.
	 */
	private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentType()).isNotNull();
		assertThat(MediaType.parseMediaType(response.getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("content type " + response.getContentType())
			.isTrue();
		JsonNode problem = read(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.has("type")).isTrue();
		return problem;
	}

	private static List<String> errorFields(JsonNode problem) {
		assertThat(problem.get("errors")).as("errors").isNotNull();
		assertThat(problem.get("errors").isArray()).isTrue();
		List<String> fields = new ArrayList<>();
		for (JsonNode error : problem.get("errors")) {
			fields.add(error.get("field").asString());
			assertThat(error.get("message").asString()).isNotBlank();
		}
		return fields;
	}

}
