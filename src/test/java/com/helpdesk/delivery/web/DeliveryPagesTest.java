package com.helpdesk.delivery.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.delivery.DeliveryState;
import com.helpdesk.delivery.ScopeCommand;
import com.helpdesk.delivery.DeliveryTeam;
import com.helpdesk.delivery.DeliveryTeams;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.DeliveryFixture;
import com.helpdesk.support.DeliveryFixture.Team;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.helpdesk.support.Pages.errorNextTo;
import static com.helpdesk.support.Pages.summaryLinks;
import static com.helpdesk.support.Pages.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The delivery pages through MockMvc: who may do what, bad input refused next to its
 * field with 400 and nothing saved, stale forms 409, and the requester's page showing the
 * planned week.
 */
@IntegrationTest
class DeliveryPagesTest {

	static final LocalDate WEEK = LocalDate.of(2027, 3, 3);

	@Autowired
	MockMvc mvc;

	@Autowired
	DeliveryRequests requests;

	@Autowired
	TicketService tickets;

	@Autowired
	DeliveryFixture fixture;

	@Autowired
	DeliveryTeams teams;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	Team team;

	@BeforeEach
	void setUp() {
		this.clock.set(LocalDateTime.of(2027, 3, 1, 12, 0).atZone(ZoneId.of("Europe/London")).toInstant());
		this.team = this.fixture.team();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void staffSeeTheIntakeTheRequestAndTheBoardButRequestersAreTurnedAway() throws Exception {
		DeliveryRequest request = intake("Deploy the intranet");
		String intake = page(get("/delivery"), this.team.dm(), 200);
		assertThat(title(intake)).startsWith("Delivery intake");
		assertThat(intake).contains("Deploy the intranet");
		assertThat(page(get("/delivery/requests/" + request.id()), this.team.ann(), 200))
			.contains("Deploy the intranet")
			.doesNotContain("schedule-form");
		assertThat(page(get("/delivery/requests/" + request.id()), this.team.dm(), 200)).contains("schedule-form");
		String board = page(get("/delivery/teams/" + this.team.id() + "/plan").param("from", "2027-03-03"),
				this.team.ann(), 200);
		assertThat(board).contains("period-2027-03-03", "8 days");
		page(get("/delivery"), this.team.requester(), 403);
		page(get("/delivery/requests/" + request.id()), this.team.requester(), 403);
		page(get("/delivery/requests/987654321"), this.team.dm(), 404);
	}

	@Test
	void anEstimateThatIsNotANumberIsRefusedNextToItsFieldWith400AndNothingSaved() throws Exception {
		DeliveryRequest request = intake("Deploy the blog");
		String page = page(post("/delivery/requests/" + request.id() + "/scope").param("estimateDays", "three")
			.param("desiredOutcome", "Blog live")
			.param("version", String.valueOf(request.version())), this.team.dm(), 400);
		assertThat(title(page)).startsWith("Error: ");
		assertThat(errorNextTo(page, "estimateDays")).contains("Enter the estimate as a number of days");
		assertThat(summaryLinks(page)).containsOnlyKeys("estimateDays");
		assertThat(this.requests.get(request.id())).isEqualTo(request);
	}

	@Test
	void aMeetingWithoutADateIsRefused() throws Exception {
		DeliveryRequest request = intake("Deploy the forum");
		String page = page(post("/delivery/requests/" + request.id() + "/scope").param("estimateDays", "2")
			.param("meetingNeeded", "true")
			.param("version", String.valueOf(request.version())), this.team.dm(), 400);
		assertThat(errorNextTo(page, "meetingAt")).contains("Enter the date of the scoping meeting");
		assertThat(this.requests.get(request.id()).estimateDays()).isNull();
	}

	@Test
	void schedulingPastTheFreeDaysWithoutAReasonIsRefusedAndWithOneIsPlanned() throws Exception {
		DeliveryRequest request = scoped("Deploy the big one", "9");
		String page = page(post("/delivery/requests/" + request.id() + "/schedule").param("period", WEEK.toString())
			.param("version", String.valueOf(request.version())), this.team.dm(), 400);
		assertThat(errorNextTo(page, "overcommitReason")).contains("There is not enough free capacity");
		assertThat(this.requests.get(request.id()).state()).isEqualTo(DeliveryState.INTAKE);
		MockHttpServletResponse planned = perform(
				post("/delivery/requests/" + request.id() + "/schedule").param("period", WEEK.toString())
					.param("overcommitReason", "The client's launch is that week")
					.param("version", String.valueOf(request.version())),
				this.team.dm());
		assertThat(planned.getStatus()).isEqualTo(302);
		assertThat(this.requests.get(request.id()).periodStart()).isEqualTo(WEEK);
		String board = page(get("/delivery/teams/" + this.team.id() + "/plan").param("from", WEEK.toString()),
				this.team.dm(), 200);
		assertThat(board).contains("Over-committed by 1 day", "The client&#39;s launch is that week");
	}

	@Test
	void aStaleFormAnswers409AndKeepsWhatWasTyped() throws Exception {
		DeliveryRequest request = scoped("Deploy twice", "1");
		String schedule = page(post("/delivery/requests/" + request.id() + "/schedule").param("period", WEEK.toString())
			.param("overcommitReason", "My careful reason")
			.param("version", String.valueOf(request.version() - 1)), this.team.dm(), 409);
		assertThat(schedule).contains("id=\"conflict\"", "My careful reason");
		String scope = page(post("/delivery/requests/" + request.id() + "/scope").param("estimateDays", "2")
			.param("desiredOutcome", "A long outcome I typed with care")
			.param("version", String.valueOf(request.version() - 1)), this.team.dm(), 409);
		assertThat(scope).contains("id=\"conflict\"", "A long outcome I typed with care",
				"name=\"version\" value=\"" + request.version() + "\"");
		assertThat(this.requests.get(request.id()).desiredOutcome()).isNotEqualTo("A long outcome I typed with care");
	}

	@Test
	void agentsMayNotScheduleNorRequestersDecline() throws Exception {
		DeliveryRequest request = scoped("Deploy by an agent", "1");
		page(post("/delivery/requests/" + request.id() + "/schedule").param("period", WEEK.toString())
			.param("version", String.valueOf(request.version())), this.team.ann(), 403);
		page(post("/delivery/requests/" + request.id() + "/decline").param("declineReason", "No")
			.param("version", String.valueOf(request.version())), this.team.requester(), 403);
		assertThat(this.requests.get(request.id()).state()).isEqualTo(DeliveryState.INTAKE);
	}

	@Test
	void postingWithoutTheFormsTokenIsForbidden() throws Exception {
		DeliveryRequest request = scoped("Deploy without a token", "1");
		MockHttpServletResponse response = this.mvc
			.perform(post("/delivery/requests/" + request.id() + "/schedule").param("period", WEEK.toString())
				.param("version", String.valueOf(request.version()))
				.with(user(new HelpdeskUser(this.team.dm(), null, true))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(this.requests.get(request.id()).state()).isEqualTo(DeliveryState.INTAKE);
	}

	@Test
	void sendingToDeliveryWithoutAReasonIsRefusedNextToTheField() throws Exception {
		long ticket = this.tickets.create(this.team.requester(), TestData.question("Is this big?"), List.of());
		String page = page(post("/delivery/send").param("ticket", String.valueOf(ticket)).param("reason", ""),
				this.team.ann(), 400);
		assertThat(page).contains("delivery-reason-error", "Say why this is in-depth work");
		assertThat(page).as("on the ticket page, with the summary at the top linking to the field")
			.contains("<h1 class=\"govuk-heading-l\">Is this big?</h1>");
		assertThat(summaryLinks(page)).containsKeys("delivery-reason");
		assertThat(this.requests.forTicket(ticket)).isEmpty();
		assertThat(perform(post("/delivery/send").param("ticket", String.valueOf(ticket)).param("reason", "Big"),
				this.team.ann())
			.getRedirectedUrl()).isEqualTo("/tickets/" + ticket);
		page(post("/delivery/send").param("ticket", String.valueOf(ticket)).param("reason", "Again"), this.team.ann(),
				409);
	}

	@Test
	void theRequesterSeesThePlannedWeekOnTheirRequest() throws Exception {
		DeliveryRequest request = scoped("Deploy the shop", "2");
		this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null);
		String page = page(get("/requests/" + request.ticketId()), this.team.requester(), 200);
		assertThat(page).contains("Planned for", "Week starting Wednesday 3 March 2027", "Scheduled");
	}

	@Test
	void theTicketPageSaysTheResolutionClockIsPausedForThePlannedWeekUntilItIsTakenOffThePlan() throws Exception {
		DeliveryRequest request = scoped("Deploy the calendar", "2");
		this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null);
		String ticket = page(get("/tickets/" + request.ticketId()), this.team.ann(), 200);
		assertThat(ticket).contains("paused: planned for the week of 3 March 2027",
				"Paused: planned for the week of 3 March 2027");
		assertThat(page(get("/delivery/requests/" + request.id()), this.team.ann(), 200))
			.doesNotContain("unschedule-form");
		DeliveryRequest scheduled = this.requests.get(request.id());
		assertThat(page(get("/delivery/requests/" + request.id()), this.team.dm(), 200)).contains("unschedule-form",
				"Take off the plan and tell the requester");

		page(post("/delivery/requests/" + request.id() + "/unschedule").param("version",
				String.valueOf(scheduled.version())), this.team.ann(), 403);
		page(post("/delivery/requests/" + request.id() + "/unschedule").param("version",
				String.valueOf(scheduled.version() - 1)), this.team.dm(), 409);
		assertThat(this.requests.get(request.id()).state()).isEqualTo(DeliveryState.SCHEDULED);
		MockHttpServletResponse taken = perform(post("/delivery/requests/" + request.id() + "/unschedule")
			.param("version", String.valueOf(scheduled.version())), this.team.dm());
		assertThat(taken.getRedirectedUrl()).isEqualTo("/delivery/requests/" + request.id());
		assertThat(this.requests.get(request.id()).state()).isEqualTo(DeliveryState.INTAKE);
		assertThat(page(get("/tickets/" + request.ticketId()), this.team.ann(), 200))
			.doesNotContain("paused: planned for the week of")
			.contains("Resumed: taken off the delivery plan");
	}

	@Test
	void aReopenedTicketWhoseRequestWasDeclinedOffersToSendItAgain() throws Exception {
		DeliveryRequest request = intake("Deploy the archive");
		this.requests.decline(this.team.dm(), request.id(), request.version(), "Not this quarter.");
		String solved = page(get("/delivery/panel").param("ticket", String.valueOf(request.ticketId())),
				this.team.ann(), 200);
		assertThat(solved).contains("Declined").doesNotContain("Send to delivery");
		this.tickets.reply(this.team.requester(), request.ticketId(), null, "It is this quarter now", null, List.of());
		String reopened = page(get("/delivery/panel").param("ticket", String.valueOf(request.ticketId())),
				this.team.ann(), 200);
		assertThat(reopened).contains("Declined", "Send to delivery again");
		assertThat(perform(post("/delivery/send").param("ticket", String.valueOf(request.ticketId()))
			.param("reason", "The client's plans moved"), this.team.ann()).getRedirectedUrl())
			.isEqualTo("/tickets/" + request.ticketId());
		assertThat(this.requests.forTicket(request.ticketId()).orElseThrow().state()).isEqualTo(DeliveryState.INTAKE);
		assertThat(page(get("/delivery"), this.team.dm(), 200)).contains("Deploy the archive");
	}

	@Test
	void movingToTheBacklogNeedsAnItemOrATitleThenTheBacklogCountsIt() throws Exception {
		DeliveryRequest request = intake("Dark mode for the admin screens");
		String refused = page(post("/delivery/requests/" + request.id() + "/backlog").param("featureTitle", "")
			.param("version", String.valueOf(request.version())), this.team.dm(), 400);
		assertThat(errorNextTo(refused, "featureTitle")).contains("Enter a title for the new backlog item");
		String title = TestData.unique("Dark mode");
		MockHttpServletResponse moved = perform(
				post("/delivery/requests/" + request.id() + "/backlog").param("featureTitle", title)
					.param("version", String.valueOf(request.version())),
				this.team.dm());
		assertThat(moved.getRedirectedUrl()).startsWith("/delivery/backlog/");
		String item = page(get(moved.getRedirectedUrl()), this.team.ann(), 200);
		assertThat(item).contains(title, "Asked for in 1 request from 1 client.", "Dark mode for the admin screens");
		assertThat(page(get("/delivery/backlog"), this.team.ann(), 200)).contains(title);
		String merge = page(post(moved.getRedirectedUrl() + "/merge").param("version", "0").param("intoId", ""),
				this.team.dm(), 400);
		assertThat(merge).contains("intoId-error", "Choose another item in the backlog");
		page(get("/delivery/backlog"), this.team.requester(), 403);
	}

	@Test
	void anAdministratorSetsUpATeamInTwoWeekSprintsAndBadInputIsRefusedNextToItsField() throws Exception {
		Person admin = this.data.person(Role.ADMIN, null);
		String name = TestData.unique("Sprint team");
		MockHttpServletRequestBuilder form = post("/admin/delivery").param("name", name)
			.param("deliveryManagerId", String.valueOf(this.team.dm().id()))
			.param("calendarId", String.valueOf(this.team.calendarId()))
			.param("reservePercent", "lots")
			.param("periodWeeks", "2")
			.param("periodsStartOnDay", "3")
			.param("periodsStartOnMonth", "3")
			.param("periodsStartOnYear", "2027")
			.param("memberIds", String.valueOf(this.team.ann().id()), String.valueOf(this.team.cal().id()))
			.param("rotaIds", String.valueOf(this.team.rotaId()));
		String refused = page(form, admin, 400);
		assertThat(errorNextTo(refused, "reservePercent")).contains("whole number from 0 to 90");
		assertThat(this.teams.list()).extracting(DeliveryTeam::name).doesNotContain(name);
		MockHttpServletResponse created = perform(post("/admin/delivery").param("name", name)
			.param("deliveryManagerId", String.valueOf(this.team.dm().id()))
			.param("calendarId", String.valueOf(this.team.calendarId()))
			.param("reservePercent", "25")
			.param("periodWeeks", "2")
			.param("periodsStartOnDay", "3")
			.param("periodsStartOnMonth", "3")
			.param("periodsStartOnYear", "2027")
			.param("memberIds", String.valueOf(this.team.ann().id()), String.valueOf(this.team.cal().id()))
			.param("rotaIds", String.valueOf(this.team.rotaId())), admin);
		assertThat(created.getRedirectedUrl()).isEqualTo("/admin/delivery");
		DeliveryTeam sprints = this.teams.list()
			.stream()
			.filter((t) -> t.name().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(sprints.cadence().isSprint()).isTrue();
		// the sprint from 3 March: Ann on first line in its first week, Cal free both
		String board = page(get("/delivery/teams/" + sprints.id() + "/plan").param("from", "2027-03-03"), admin, 200);
		assertThat(board).contains("Sprint from Wednesday 3 March 2027 to Tuesday 16 March 2027",
				"20 working days, less 5 on rota duties, 0 on leave and 3.8 kept for unplanned support (25%)");
		assertThat(page(get("/admin/delivery/" + sprints.id()), admin, 200)).contains(name);
		page(get("/admin/delivery"), this.team.dm(), 403);
	}

	private DeliveryRequest intake(String subject) {
		long ticket = this.tickets.create(this.team.requester(),
				new NewTicket(RequestType.DEVELOPMENT_SUPPORT, subject, "Please " + subject, "Tried it ourselves",
						Priority.NORMAL, new RequestDetails(null, null, null, null, null, null, null, subject + " done",
								null, null, null, null, null, null),
						null),
				List.of());
		return this.requests.forTicket(ticket).orElseThrow();
	}

	private DeliveryRequest scoped(String subject, String days) {
		DeliveryRequest request = intake(subject);
		this.requests.scope(this.team.dm(), request.id(), request.version(),
				new ScopeCommand(null, new BigDecimal(days), false, null, null));
		return this.requests.get(request.id());
	}

	private String page(MockHttpServletRequestBuilder request, Person person, int status) throws Exception {
		MockHttpServletResponse response = perform(request, person);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		return response.getContentAsString();
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, Person person) throws Exception {
		return this.mvc.perform(request.with(user(new HelpdeskUser(person, null, true))).with(csrf()))
			.andReturn()
			.getResponse();
	}

}
