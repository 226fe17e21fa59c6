package com.helpdesk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.Handover.Kind;
import com.helpdesk.rota.Handovers;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.Pages;
import com.helpdesk.support.RotaFixture;
import com.helpdesk.support.TestData;
import com.helpdesk.support.Writes;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The one rule for text, at every way in: a control character, a line break in a one-line
 * field, or more than the column holds is a 400 naming the field (the page next to it, or
 * the problem's {@code errors}), with nothing saved; never a 500 from the database. Each
 * case here answered 500 before the rule.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TextInputRulesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Directory directory;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	@Autowired
	Rotas rotas;

	@Autowired
	Handovers handovers;

	@Autowired
	RotaFixture rotaFixture;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aNullCharacterInAFormIsA400PageNamingTheFieldWithNothingSaved() throws Exception {
		Person alice = this.data.requester(this.data.client());
		String before = this.directory.person(alice.id()).name();
		MockHttpServletResponse page = unchanged(() -> send(alice,
				post("/profile").param("name", "Alice\u0000Smith").param("timeZone", "Europe/London")));
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(Pages.text(page.getContentAsString())).contains("The field ‘name’ has a hidden control character");
		assertThat(this.directory.person(alice.id()).name()).isEqualTo(before);
	}

	@Test
	void aNullCharacterInAnApiBodyIsA400ProblemNamingTheField() throws Exception {
		Person alice = this.data.requester(this.data.client());
		MockHttpServletResponse problem = unchanged(
				() -> send(alice, post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
						{"type":"QUESTION","subject":"Login \\u0000 fails","description":"Since today",
						 "alreadyTried":"Nothing"}""")));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getContentType()).startsWith("application/problem+json");
		assertThat(problem.getContentAsString()).contains("\"field\":\"subject\"")
			.contains("Remove the hidden control characters");
	}

	@Test
	void aProfileNameLongerThanItsColumnIsRefusedNextToTheFieldAndNeverLogged(CapturedOutput output) throws Exception {
		Person alice = this.data.requester(this.data.client());
		String hash = this.jdbc.sql("select password_hash from app_user where id = ?")
			.param(alice.id())
			.query(String.class)
			.single();
		MockHttpServletResponse page = unchanged(
				() -> send(alice, post("/profile").param("name", "A".repeat(121)).param("timeZone", "Europe/London")));
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(Pages.errorNextTo(page.getContentAsString(), "name")).contains("Enter 120 characters or fewer");
		assertThat(output.getAll()).doesNotContain(hash);
	}

	@Test
	void theDatabaseDriverNeverPutsValuesIntoItsErrorMessages(CapturedOutput output) {
		String secret = TestData.unique("secret-value-that-must-not-be-logged");
		// a batch, as Hibernate writes rows, failing on a value too long for its column
		assertThatThrownBy(() -> this.jdbcTemplate.batchUpdate(
				"insert into login_throttle (username, failures, first_failure_at) values (?, 1, now())",
				List.<Object[]>of(new Object[] { secret + "x".repeat(300) })))
			.satisfies((ex) -> assertThat(messages(ex)).doesNotContain(secret));
		assertThat(output.getAll()).doesNotContain(secret);
	}

	@Test
	void aPatchWithAnObjectWhereTextBelongsIsA400ProblemNamingTheField() throws Exception {
		Person agent = this.data.agent();
		long id = this.tickets.create(this.data.requester(this.data.client()), TestData.question("Patched"), List.of());
		long version = this.queries.ticket(agent, id).version();
		for (String field : new String[] { "assignee", "reason", "status", "priority", "type" }) {
			MockHttpServletResponse problem = unchanged(
					() -> send(agent, patch("/api/v1/tickets/" + id).contentType(MediaType.APPLICATION_JSON)
						.content("{\"version\":" + version + ",\"" + field + "\":{\"a\":1}}")));
			assertThat(problem.getStatus()).as(field).isEqualTo(400);
			assertThat(problem.getContentAsString()).as(field).contains("\"field\":\"" + field + "\"");
		}
		MockHttpServletResponse tags = unchanged(
				() -> send(agent, patch("/api/v1/tickets/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"version\":" + version + ",\"tags\":[{\"a\":1}]}")));
		assertThat(tags.getStatus()).isEqualTo(400);
		assertThat(tags.getContentAsString()).contains("\"field\":\"tags\"");
		MockHttpServletResponse control = unchanged(
				() -> send(agent, patch("/api/v1/tickets/" + id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"version\":" + version + ",\"tags\":[\"ok\",\"bad\\u001b\"]}")));
		assertThat(control.getStatus()).isEqualTo(400);
		assertThat(control.getContentAsString()).contains("\"field\":\"tags[1]\"");
	}

	@Test
	void aBodyWithTheWrongTypeOfValueNamesTheField() throws Exception {
		Person alice = this.data.requester(this.data.client());
		MockHttpServletResponse problem = unchanged(
				() -> send(alice, post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
						{"type":"QUESTION","subject":{"text":"Login fails"},"description":"Since today"}""")));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getContentAsString()).contains("\"field\":\"subject\"").contains("wrong type");
	}

	@Test
	void aPasswordBcryptWouldCutShortIsRefusedOnTheFormAndInTheApi() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		for (String password : new String[] { "p".repeat(73), "p".repeat(128), "é".repeat(40) }) {
			String email = TestData.unique("long") + "@test.example";
			MockHttpServletResponse page = unchanged(() -> send(admin,
					post("/admin/users").param("email", email)
						.param("name", "Long Password")
						.param("role", "AGENT")
						.param("timeZone", "Europe/London")
						.param("password", password)));
			assertThat(page.getStatus()).isEqualTo(400);
			assertThat(Pages.errorNextTo(page.getContentAsString(), "password"))
				.contains("Enter a password of 72 characters or fewer");
			MockHttpServletResponse problem = unchanged(() -> send(admin,
					post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
						.content("{\"email\":\"" + email + "\",\"name\":\"Long Password\",\"role\":\"AGENT\","
								+ "\"password\":\"" + password + "\"}")));
			assertThat(problem.getStatus()).isEqualTo(400);
			assertThat(problem.getContentAsString()).contains("\"field\":\"password\"");
			assertThat(this.directory.findPersonByEmail(email)).isEmpty();
		}
	}

	@Test
	void anImportedDetailLongerThanItsColumnIsRefusedNamingTheField() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse problem = unchanged(() -> send(admin,
				post("/api/v1/imports/tickets").contentType(MediaType.APPLICATION_JSON)
					.content("{\"type\":\"DEPLOYMENT\",\"subject\":\"Imported\",\"description\":\"From elsewhere\","
							+ "\"requester\":\"" + requester.email() + "\",\"createdAt\":\"2026-01-05T10:00:00Z\","
							+ "\"application\":\"" + "a".repeat(201) + "\",\"serverSpec\":{\"cpu\":\"" + "c".repeat(201)
							+ "\"}}")));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getContentAsString()).contains("\"field\":\"application\"")
			.contains("\"field\":\"serverSpec.cpu\"");
	}

	@Test
	void acknowledgingAHandoverFollowsOnlyAHandoverPageOfTheApp() throws Exception {
		Person ann = this.data.agent();
		Person bob = this.data.agent();
		long rota = this.rotas
			.create(new RotaCommand(TestData.unique("On call"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
					"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), this.rotaFixture.teamHours(), null,
					true, false, List.of(new PositionCommand("On call", 1, 1, 0, List.of(ann.id(), bob.id())))), null);
		this.clock.set(london("2027-01-11T09:45"));
		String page = "/rotas/handovers/" + rota + "/morning/2027-01-11";
		for (String back : new String[] { "/rotas/handovers/{x}", "/rotas/handovers/x\r\nSet-Cookie: a=b",
				"/rotas/handovers/../../logout", "//evil.example/rotas/handovers/", page }) {
			long id = this.handovers.write(rota, Kind.MORNING, LocalDate.of(2027, 1, 11), "Quiet", ann);
			MockHttpServletResponse answer = send(bob,
					post("/rotas/handovers/" + id + "/acknowledge").param("back", back));
			assertThat(answer.getStatus()).as(back).isEqualTo(302);
			assertThat(answer.getRedirectedUrl()).as(back).isEqualTo(back.equals(page) ? page : "/rotas/handovers");
			this.jdbc.sql("delete from handover where id = ?").param(id).update();
		}
	}

	private MockHttpServletResponse send(Person person, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(new HelpdeskUser(person, null, true))).with(csrf()))
			.andReturn()
			.getResponse();
	}

	/**
	 * Sends a request and checks that nothing was saved meanwhile.
	 */
	private MockHttpServletResponse unchanged(Request request) throws Exception {
		long mark = Writes.mark(this.jdbc);
		MockHttpServletResponse response = request.send();
		assertThat(Writes.committedSince(this.jdbc, mark)).as("nothing was saved").isFalse();
		return response;
	}

	private static String messages(Throwable ex) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
			if (cause instanceof java.sql.SQLException sql && sql.getNextException() != null) {
				all.append(sql.getNextException().getMessage()).append('\n');
			}
		}
		return all.toString();
	}

	private static Instant london(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(ZoneId.of("Europe/London")).toInstant();
	}

	@FunctionalInterface
	interface Request {

		MockHttpServletResponse send() throws Exception;

	}

}
