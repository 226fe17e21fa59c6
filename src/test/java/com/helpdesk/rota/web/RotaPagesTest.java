package com.helpdesk.rota.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.helpdesk.support.Pages.errorNextTo;
import static com.helpdesk.support.Pages.summaryLinks;
import static com.helpdesk.support.Pages.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The rota pages and the on-call API as browsers and scripts send them: who may see what,
 * the month view, joining an opt-in rota, and an administrator's bad input answered 400
 * next to the field with nothing saved.
 */
@IntegrationTest
class RotaPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Rotas rotas;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	Person agent;

	Person admin;

	@BeforeEach
	void people() {
		this.agent = this.data.agent();
		this.admin = this.data.person(Role.ADMIN, null);
	}

	@Test
	void staffSeeTheRotasAndWhoIsOnNowAndRequestersAreTurnedAway() throws Exception {
		MockHttpServletResponse page = send(get("/rotas"), this.agent);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(title(page.getContentAsString())).startsWith("Rotas");
		assertThat(page.getContentAsString()).contains("First-line support", "Out-of-hours on call",
				"Platform experts pairs", "Cloud platform sub-team");

		MockHttpServletResponse strip = send(get("/rotas/now"), this.agent);
		assertThat(strip.getStatus()).isEqualTo(200);
		assertThat(strip.getContentAsString()).contains("app-onduty", "First line:", "On call:", "All rotas");
		assertThat(strip.getContentAsString().split("<a ", -1))
			.as("one link, to the rotas: an engineer on no rota is shown no one's handovers")
			.hasSize(2);

		Person requester = this.data.requester(this.data.client());
		assertThat(send(get("/rotas"), requester).getStatus()).isEqualTo(403);
		assertThat(send(get("/rotas/now"), requester).getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/rotas")).andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void aRotasMonthHasARowPerDayAndABadMonthOrRotaIsAnswered400Or404() throws Exception {
		long id = demoRota("First-line support").id();
		MockHttpServletResponse page = send(get("/rotas/" + id).param("month", "2026-12"), this.agent);
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(title(html)).startsWith("First-line support – December 2026");
		assertThat(html).contains("Wed 2 Dec", "Thu 31 Dec", "Developer", "Ops engineer", "from 10:00", "until 10:00");
		assertThat(html.split("<th scope=\"row\"", -1)).hasSize(32);

		assertThat(send(get("/rotas/" + id).param("month", "December"), this.agent).getStatus()).isEqualTo(400);
		assertThat(send(get("/rotas/999999"), this.agent).getStatus()).isEqualTo(404);
	}

	@Test
	void anEngineerJoinsAnOptInRotaAndSeesTheirShiftsThenCannotJoinTwice() throws Exception {
		long id = this.rotas.create(new RotaCommand(TestData.unique("On call"), RotaTemplate.OUT_OF_HOURS,
				RotaDuty.ON_CALL, "Europe/London", LocalDate.of(2026, 1, 7), LocalTime.of(10, 0),
				demoRota("First-line support").calendarId(), null, true, false,
				List.of(new PositionCommand("On call", 1, 1, 0, List.of(this.data.agent().id())))), null);

		MockHttpServletResponse joined = send(post("/rotas/" + id + "/join"), this.agent);
		assertThat(joined.getStatus()).isEqualTo(302);
		assertThat(joined.getRedirectedUrl()).isEqualTo("/rotas/mine");
		MockHttpServletResponse mine = send(get("/rotas/mine"), this.agent);
		assertThat(mine.getContentAsString()).contains("my-shifts", "On call", "Leave");

		MockHttpServletResponse again = send(post("/rotas/" + id + "/join"), this.agent);
		assertThat(again.getStatus()).isEqualTo(400);
		assertThat(again.getContentAsString()).contains("You are already on this rota");

		assertThat(send(post("/rotas/" + id + "/leave"), this.agent).getStatus()).isEqualTo(302);
		Person requester = this.data.requester(this.data.client());
		assertThat(send(post("/rotas/" + id + "/join"), requester).getStatus()).isEqualTo(403);
	}

	@Test
	void onlyAdministratorsSetRotasUp() throws Exception {
		assertThat(send(get("/admin/rotas"), this.agent).getStatus()).isEqualTo(403);
		assertThat(send(post("/admin/rotas").param("name", "x"), this.agent).getStatus()).isEqualTo(403);
		MockHttpServletResponse list = send(get("/admin/rotas"), this.admin);
		assertThat(list.getStatus()).isEqualTo(200);
		assertThat(list.getContentAsString()).contains("First-line support", "Add a rota");
		MockHttpServletResponse chooser = send(get("/admin/rotas/new"), this.admin);
		assertThat(chooser.getContentAsString()).contains("value=\"WEEKLY_PAIR\"", "value=\"OUT_OF_HOURS\"");
		MockHttpServletResponse form = send(get("/admin/rotas/new").param("template", "STAGGERED_PAIRS"), this.admin);
		assertThat(form.getContentAsString()).contains("value=\"Support pair\"", "Staggered pairs");
	}

	@Test
	void aRotaWithoutANameOrPeopleIsRefusedNextToEachFieldAndNothingIsSaved() throws Exception {
		long before = this.jdbc.sql("select count(*) from rota").query(Long.class).single();
		MockHttpServletResponse response = send(
				newRota("  ", "9:00").param("positions[0].turns[" + this.agent.id() + "]", "x"), this.admin);
		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(title(page)).startsWith("Error: Add a rota");
		assertThat(summaryLinks(page)).containsOnlyKeys("positions[0].members");
		assertThat(errorNextTo(page, "positions[0].members")).contains("whole number");

		response = send(newRota("  ", "25:00"), this.admin);
		page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsOnlyKeys("handoverTime");
		response = send(newRota(" ", "9:00"), this.admin);
		page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsOnlyKeys("name", "positions[0].members");
		assertThat(errorNextTo(page, "name")).isEqualTo("Error: Enter a name for the rota");
		assertThat(errorNextTo(page, "positions[0].members")).contains("a shift with no one on it is not allowed");
		assertThat(this.jdbc.sql("select count(*) from rota").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anAdministratorSetsUpARotaAndChangesItsOrderFromADateButNotFromThePast() throws Exception {
		String name = TestData.unique("Sub-team");
		Person second = this.data.agent();
		MockHttpServletResponse created = send(
				newRota(name, "09:00").param("positions[0].turns[" + this.agent.id() + "]", "2")
					.param("positions[0].turns[" + second.id() + "]", "1"),
				this.admin);
		assertThat(created.getStatus()).isEqualTo(302);
		long id = Long.parseLong(created.getRedirectedUrl().replace("/admin/rotas/", ""));
		Rota rota = this.rotas.get(id);
		assertThat(rota.positions().get(0).rosters().get(0).memberIds()).containsExactly(second.id(), this.agent.id());
		MockHttpServletResponse detail = send(get("/admin/rotas/" + id), this.admin);
		assertThat(detail.getStatus()).isEqualTo(200);
		assertThat(detail.getContentAsString()).contains("Change the order from a date", second.name());

		long positionId = rota.positions().get(0).id();
		MockHttpServletResponse past = send(
				post("/admin/rotas/" + id + "/positions/" + positionId + "/roster").param("fromDay", "1")
					.param("fromMonth", "1")
					.param("fromYear", "2020")
					.param("turns[" + this.agent.id() + "]", "1"),
				this.admin);
		assertThat(past.getStatus()).isEqualTo(400);
		String page = past.getContentAsString();
		assertThat(summaryLinks(page)).containsOnlyKeys("roster-" + positionId + "-from");
		assertThat(errorNextTo(page, "roster-" + positionId + "-from")).contains("already started");
		assertThat(this.rotas.get(id).positions().get(0).rosters()).hasSize(1);

		LocalDate later = LocalDate.now().plusWeeks(2);
		MockHttpServletResponse changed = send(post("/admin/rotas/" + id + "/positions/" + positionId + "/roster")
			.param("fromDay", String.valueOf(later.getDayOfMonth()))
			.param("fromMonth", String.valueOf(later.getMonthValue()))
			.param("fromYear", String.valueOf(later.getYear()))
			.param("turns[" + this.agent.id() + "]", "1"), this.admin);
		assertThat(changed.getStatus()).isEqualTo(302);
		assertThat(this.rotas.get(id).positions().get(0).rosters()).hasSize(2);
	}

	@Test
	void theOnCallApiNamesWhoIsOnPerRotaForStaffOnly() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/oncall/now").with(httpBasic("agent@helpdesk.test", "demo-pass-2026")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("\"name\":\"First-line support\"", "\"duty\":\"ON_CALL\"",
				"\"working\":", "\"position\":\"Developer\"", "\"until\":");
		// people are named by email, as in every body of the API
		int people = 0;
		for (JsonNode rota : new ObjectMapper().readTree(response.getContentAsString())) {
			for (JsonNode person : rota.get("people")) {
				assertThat(person.get("email").asString())
					.isEqualTo(this.directory.person(person.get("id").asLong()).email());
				people++;
			}
		}
		assertThat(people).isPositive();
		assertThat(this.mvc.perform(get("/api/v1/oncall/now").with(httpBasic("alice@client-a.test", "demo-pass-2026")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/api/v1/oncall/now")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void onlyManagersSeeTheOnCallHoursAndItsCsvAndAMonthNotOverCannotBeSignedOff() throws Exception {
		assertThat(send(get("/rotas/hours"), this.agent).getStatus()).isEqualTo(403);
		assertThat(send(get("/rotas/hours/export"), this.agent).getStatus()).isEqualTo(403);
		Person manager = this.data.person(Role.MANAGER, null);
		MockHttpServletResponse page = send(get("/rotas/hours").param("month", "2026-10"), manager);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(title(page.getContentAsString())).startsWith("On-call hours – October 2026");
		MockHttpServletResponse csv = send(get("/rotas/hours/export").param("month", "2026-10"), manager);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getContentAsString()).startsWith("month,person,email,weekday_out_of_hours");
		assertThat(send(get("/rotas/hours").param("month", "last"), manager).getStatus()).isEqualTo(400);
		MockHttpServletResponse future = send(post("/rotas/hours/sign-off").param("month", "2099-01"), manager);
		assertThat(future.getStatus()).isEqualTo(400);
		assertThat(future.getContentAsString()).contains("only once it is over");
	}

	@Test
	void theHoursCsvQuotesANameWithABareCarriageReturnSoItCannotStartARowOfItsOwn() throws Exception {
		Person eve = this.data.agent();
		this.rotas.create(new RotaCommand(TestData.unique("CSV on call"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
				"Europe/London", LocalDate.of(2026, 9, 2), LocalTime.of(10, 0),
				demoRota("First-line support").calendarId(), null, true, false,
				List.of(new PositionCommand("On call", 1, 1, 0, List.of(eve.id())))), null);
		// a name kept from before names refused control characters
		this.jdbc.sql("update app_user set name = ? where id = ?").params("Eve\r=1+2", eve.id()).update();

		String csv = send(get("/rotas/hours/export").param("month", "2026-10"), this.data.person(Role.MANAGER, null))
			.getContentAsString();

		assertThat(csv).contains("2026-10,\"Eve\r=1+2\"," + eve.email() + ",");
		assertThat(csv.split("\r\n")).allMatch((row) -> row.startsWith("month,") || row.startsWith("2026-10,"));
	}

	@Test
	void anAdministratorRenamesARotaAndABlankNameOrAStaleFormIsRefused() throws Exception {
		long id = this.rotas.create(new RotaCommand(TestData.unique("Rename me"), RotaTemplate.OUT_OF_HOURS,
				RotaDuty.ON_CALL, "Europe/London", LocalDate.of(2026, 1, 7), LocalTime.of(10, 0),
				demoRota("First-line support").calendarId(), null, true, false,
				List.of(new PositionCommand("On call", 1, 1, 0, List.of(this.agent.id())))), null);
		Rota rota = this.rotas.get(id);
		String calendar = String.valueOf(rota.calendarId());

		MockHttpServletResponse blank = send(post("/admin/rotas/" + id + "/settings").param("name", " ")
			.param("calendarId", "")
			.param("version", String.valueOf(rota.version())), this.admin);
		assertThat(blank.getStatus()).isEqualTo(400);
		String page = blank.getContentAsString();
		assertThat(title(page)).startsWith("Error: ");
		assertThat(summaryLinks(page)).containsOnlyKeys("settings-name", "settings-calendarId");
		assertThat(errorNextTo(page, "settings-calendarId")).contains("on call covers its closed hours");

		String renamed = TestData.unique("Night cover");
		MockHttpServletResponse saved = send(post("/admin/rotas/" + id + "/settings").param("name", renamed)
			.param("calendarId", calendar)
			.param("optIn", "true")
			.param("swapApproval", "true")
			.param("version", String.valueOf(rota.version())), this.admin);
		assertThat(saved.getStatus()).isEqualTo(302);
		Rota after = this.rotas.get(id);
		assertThat(after.name()).isEqualTo(renamed);
		assertThat(after.swapApproval()).isTrue();
		assertThat(after.shifts(java.time.Instant.parse("2026-01-08T00:00:00Z"),
				java.time.Instant.parse("2026-03-01T00:00:00Z")))
			.isEqualTo(rota.shifts(java.time.Instant.parse("2026-01-08T00:00:00Z"),
					java.time.Instant.parse("2026-03-01T00:00:00Z")));

		MockHttpServletResponse stale = send(post("/admin/rotas/" + id + "/settings").param("name", "Again")
			.param("calendarId", calendar)
			.param("version", String.valueOf(rota.version())), this.admin);
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(this.rotas.get(id).name()).isEqualTo(renamed);
	}

	private MockHttpServletRequestBuilder newRota(String name, String handover) {
		LocalDate start = LocalDate.of(2026, 1, 5);
		return post("/admin/rotas").param("template", "CUSTOM")
			.param("name", name)
			.param("timeZone", "Europe/London")
			.param("startsOnDay", String.valueOf(start.getDayOfMonth()))
			.param("startsOnMonth", String.valueOf(start.getMonthValue()))
			.param("startsOnYear", String.valueOf(start.getYear()))
			.param("handoverTime", handover)
			.param("positions[0].name", "On support")
			.param("positions[0].stintWeeks", "1")
			.param("positions[0].everyWeeks", "1")
			.param("positions[0].offsetWeeks", "0");
	}

	@Test
	void aCoverIsTypedAsDatesInThreeBoxesAndTimesAndEachMistakeIsNamedNextToItsBox() throws Exception {
		Person manager = this.data.person(Role.MANAGER, null);
		Rota rota = demoRota("First-line support");
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusWeeks(2);
		MockHttpServletResponse refused = send(
				post("/rotas/" + rota.id() + "/covers").param("personId", String.valueOf(this.agent.id()))
					.param("startDay", String.valueOf(day.getDayOfMonth()))
					.param("startMonth", String.valueOf(day.getMonthValue()))
					.param("startYear", "")
					.param("startTime", "11:00")
					.param("endDay", String.valueOf(day.getDayOfMonth()))
					.param("endMonth", String.valueOf(day.getMonthValue()))
					.param("endYear", String.valueOf(day.getYear()))
					.param("endTime", "half past"),
				manager);
		assertThat(refused.getStatus()).isEqualTo(400);
		String html = refused.getContentAsString();
		assertThat(errorNextTo(html, "start")).contains("The day the cover starts must include a year");
		assertThat(errorNextTo(html, "cover-endTime")).contains("Enter a time as hours and minutes");
		assertThat(summaryLinks(html)).containsOnlyKeys("start", "cover-endTime");
		assertThat(html).as("the year box, at fault, is the one the summary leads to")
			.containsPattern("id=\"start\"[^>]*name=\"startYear\"|name=\"startYear\"[^>]*id=\"start\"");
		assertThat(this.rotas.get(rota.id()).covers()).noneMatch((c) -> c.personId() == this.agent.id());
	}

	private Rota demoRota(String name) {
		return this.rotas.list().stream().filter((r) -> r.name().equals(name)).findFirst().orElseThrow();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Person person) throws Exception {
		return this.mvc.perform(request.with(user(new HelpdeskUser(person, null, true))).with(csrf()))
			.andReturn()
			.getResponse();
	}

}
