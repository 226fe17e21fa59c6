package com.helpdesk.review.web;

import java.time.LocalDate;
import java.time.LocalTime;

import com.helpdesk.directory.Person;
import com.helpdesk.review.AcknowledgeDeadline;
import com.helpdesk.review.FollowUpCommand;
import com.helpdesk.review.FollowUps;
import com.helpdesk.review.ReviewFixture;
import com.helpdesk.review.TeamCalendar;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.web.TimeDisplay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.helpdesk.support.Pages.errorNextTo;
import static com.helpdesk.support.Pages.summaryLinks;
import static com.helpdesk.support.Pages.text;
import static com.helpdesk.support.Pages.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The review pages as browsers send them: staff only, CSRF on every form, marking a
 * review done once (409 for the second, naming the first), follow-ups from the weekly
 * review and beside the ticket, bad input answered 400 next to the field with nothing
 * saved, and a stale follow-up answered 409 with what was typed kept.
 */
@IntegrationTest
class ReviewPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TeamCalendar team;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	FollowUps followUps;

	@Autowired
	TimeDisplay when;

	@Autowired
	MovableClock clock;

	ReviewFixture fixture;

	Person agent;

	@BeforeEach
	void setUp() {
		this.fixture = new ReviewFixture(this.team, this.tickets, this.queries, this.data, this.clock);
		this.agent = this.data.agent();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
		SecurityContextHolder.clearContext();
	}

	@Test
	void staffSeeTheReviewsAndRequestersAndStrangersAreTurnedAway() throws Exception {
		MockHttpServletResponse daily = send(get("/reviews/daily"), this.agent);
		assertThat(daily.getStatus()).isEqualTo(200);
		assertThat(title(daily.getContentAsString())).isEqualTo("Daily review – Helpdesk");
		assertThat(daily.getContentAsString()).contains("New tickets to acknowledge", "Open for more than a day",
				"Pending, solved automatically within a day", "Service level breaches since yesterday",
				"Follow-ups due", "href=\"/reviews/daily\"");
		MockHttpServletResponse weekly = send(get("/reviews/weekly").param("by", "group"), this.agent);
		assertThat(weekly.getStatus()).isEqualTo(200);
		assertThat(title(weekly.getContentAsString())).isEqualTo("Weekly review – Helpdesk");
		assertThat(send(get("/reviews"), this.agent).getRedirectedUrl()).isEqualTo("/reviews/daily");

		Person requester = this.data.requester(this.data.client());
		assertThat(send(get("/reviews/daily"), requester).getStatus()).isEqualTo(403);
		assertThat(send(get("/reviews/weekly"), requester).getStatus()).isEqualTo(403);
		assertThat(send(post("/reviews/daily/done").param("day", "2025-07-01"), requester).getStatus()).isEqualTo(403);
		assertThat(
				send(post("/reviews/follow-ups").param("ticket", "1").param("nextAction", "x"), requester).getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(get("/reviews/daily")).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void theDailyReviewShowsANewTicketsDeadlineAndIsMarkedDoneOnceADay() throws Exception {
		this.fixture.now("2025-07-07T10:12");
		long id = this.fixture.raise("Daily page question");
		String subject = this.fixture.ticket(this.agent, id).subject();
		var arrived = this.fixture.ticket(this.agent, id).createdAt();
		var due = new AcknowledgeDeadline(LocalTime.of(17, 0)).dueAt(arrived, this.team.get().calendar());

		String page = send(get("/reviews/daily"), this.agent).getContentAsString();
		String row = row(page, "new-" + id);
		assertThat(row).contains("#" + id + " " + subject, atLondon(due), "end of the day", "left");
		assertThat(page).contains("Mark today&#39;s review done");

		MockHttpServletRequestBuilder done = post("/reviews/daily/done").param("day", "2025-07-07");
		assertThat(this.mvc.perform(done.with(user(new HelpdeskUser(this.agent, null, true))))
			.andReturn()
			.getResponse()
			.getStatus()).as("no CSRF token").isEqualTo(403);
		MockHttpServletResponse marked = send(post("/reviews/daily/done").param("day", "2025-07-07"), this.agent);
		assertThat(marked.getStatus()).isEqualTo(302);
		assertThat(marked.getRedirectedUrl()).isEqualTo("/reviews/daily");
		page = send(get("/reviews/daily"), this.agent).getContentAsString();
		assertThat(text(page)).contains("Reviewed today by " + this.agent.name() + " at 10:12 (Europe/London)");
		assertThat(page).doesNotContain("Mark today&#39;s review done");

		Person colleague = this.data.agent();
		MockHttpServletResponse again = send(post("/reviews/daily/done").param("day", "2025-07-07"), colleague);
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(text(again.getContentAsString()))
			.contains("Today's review was already marked done by " + this.agent.name() + " at 10:12 (Europe/London)");
		assertThat(send(post("/reviews/daily/done").param("day", "yesterday"), colleague).getStatus()).isEqualTo(400);
	}

	@Test
	void aNextActionIsSetFromTheWeeklyReviewAndBadInputIsAnswered400NextToTheField() throws Exception {
		this.fixture.now("2025-07-01T10:00");
		long id = this.fixture.raise("Weekly page question");
		this.fixture.now("2025-07-14T09:30");
		String page = send(get("/reviews/weekly"), this.agent).getContentAsString();
		assertThat(page).contains("id=\"ticket-" + id + "\"", "id=\"t" + id + "-nextAction\"");

		MockHttpServletResponse bad = send(post("/reviews/follow-ups").param("ticket", String.valueOf(id))
			.param("from", "weekly")
			.param("nextAction", " ")
			.param("dueDay", "31")
			.param("dueMonth", "2")
			.param("dueYear", "2025"), this.agent);
		assertThat(bad.getStatus()).isEqualTo(400);
		String html = bad.getContentAsString();
		assertThat(title(html)).startsWith("Error: Weekly review");
		String prefix = "t" + id + "-";
		assertThat(errorNextTo(html, prefix + "nextAction")).isEqualTo("Error: Enter the next action");
		assertThat(errorNextTo(html, prefix + "due")).contains("must be a real date");
		assertThat(summaryLinks(html)).containsKeys(prefix + "nextAction", prefix + "due");
		assertThat(html).contains("value=\"31\"");
		assertThat(this.followUps.latest(id)).isEmpty();

		MockHttpServletResponse past = send(post("/reviews/follow-ups").param("ticket", String.valueOf(id))
			.param("from", "weekly")
			.param("nextAction", "Ask for logs")
			.param("dueDay", "1")
			.param("dueMonth", "7")
			.param("dueYear", "2025"), this.agent);
		assertThat(past.getStatus()).isEqualTo(400);
		assertThat(errorNextTo(past.getContentAsString(), prefix + "due"))
			.isEqualTo("Error: The day to follow up on must be today or later");

		MockHttpServletResponse saved = send(post("/reviews/follow-ups").param("ticket", String.valueOf(id))
			.param("from", "weekly")
			.param("by", "group")
			.param("nextAction", "Ask the client for logs")
			.param("dueDay", "16")
			.param("dueMonth", "7")
			.param("dueYear", "2025"), this.agent);
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/reviews/weekly?by=group#ticket-" + id);
		assertThat(text(row(send(get("/reviews/weekly"), this.agent).getContentAsString(), "next-action-" + id)))
			.contains("Ask the client for logs", "follow up on 16 July 2025");

		MockHttpServletResponse done = send(post("/reviews/weekly/done").param("day", "2025-07-14"), this.agent);
		assertThat(done.getRedirectedUrl()).isEqualTo("/reviews/weekly");
		assertThat(text(send(get("/reviews/weekly"), this.agent).getContentAsString()))
			.contains("Reviewed this week by " + this.agent.name() + " on Monday 14 July at 09:30 (Europe/London)");
		assertThat(send(post("/reviews/monthly/done").param("day", "2025-07-14"), this.agent).getStatus())
			.isEqualTo(404);
	}

	@Test
	void theTicketPageShowsTheFollowUpPanelAndAStaleChangeIsAnswered409WithWhatWasTyped() throws Exception {
		this.fixture.now("2025-07-21T10:00");
		long id = this.fixture.raise("Panel question");
		Person specialist = this.data.agent();
		String ticketPage = send(get("/tickets/" + id), this.agent).getContentAsString();
		assertThat(ticketPage).as("the panel comes with the ticket page, not loaded after it")
			.contains("id=\"follow-up\"", "Set the follow-up", "followUp-specialist")
			.doesNotContain("hx-get=\"/reviews/follow-up");

		// a follow-up refused from the ticket page comes back on the ticket page, 400
		MockHttpServletResponse refused = send(post("/reviews/follow-ups").param("ticket", String.valueOf(id))
			.param("nextAction", " ")
			.param("dueDay", "22")
			.param("dueMonth", "7")
			.param("dueYear", "2025"), this.agent);
		assertThat(refused.getStatus()).isEqualTo(400);
		String refusedPage = refused.getContentAsString();
		assertThat(title(refusedPage)).startsWith("Error: #" + id);
		assertThat(errorNextTo(refusedPage, "followUp-nextAction")).isEqualTo("Error: Enter the next action");
		assertThat(summaryLinks(refusedPage)).containsKeys("followUp-nextAction");
		assertThat(title(
				send(get("/reviews/follow-up").param("ticket", String.valueOf(id)), this.agent).getContentAsString()))
			.startsWith("Follow-up for #" + id);
		assertThat(send(get("/reviews/follow-up").param("ticket", "987654321"), this.agent).getStatus()).isEqualTo(404);

		MockHttpServletResponse badSpecialist = send(post("/reviews/follow-ups").param("ticket", String.valueOf(id))
			.param("nextAction", "Check the certificate")
			.param("dueDay", "23")
			.param("dueMonth", "7")
			.param("dueYear", "2025")
			.param("specialist", "nobody"), this.agent);
		assertThat(badSpecialist.getStatus()).isEqualTo(400);
		assertThat(errorNextTo(badSpecialist.getContentAsString(), "followUp-specialist"))
			.isEqualTo("Error: Choose a specialist from the list");

		MockHttpServletResponse set = send(post("/reviews/follow-ups").param("ticket", String.valueOf(id))
			.param("nextAction", "Check the certificate")
			.param("dueDay", "23")
			.param("dueMonth", "7")
			.param("dueYear", "2025")
			.param("specialist", String.valueOf(specialist.id())), this.agent);
		assertThat(set.getRedirectedUrl()).isEqualTo("/tickets/" + id);
		assertThat(this.fixture.ticket(this.agent, id).assigneeName()).isEqualTo(specialist.name());
		long read = this.followUps.open(id).orElseThrow().version();
		this.followUps.set(id,
				new FollowUpCommand("Renew the certificate", LocalDate.of(2025, 7, 24), specialist.id(), read),
				this.data.agent());

		MockHttpServletResponse stale = send(post("/reviews/follow-ups").param("ticket", String.valueOf(id))
			.param("nextAction", "My late change")
			.param("dueDay", "25")
			.param("dueMonth", "7")
			.param("dueYear", "2025")
			.param("version", String.valueOf(read)), this.agent);
		assertThat(stale.getStatus()).isEqualTo(409);
		String conflict = stale.getContentAsString();
		assertThat(title(conflict)).startsWith("Someone else changed this follow-up");
		assertThat(text(conflict)).contains("It is now \"Renew the certificate\"");
		assertThat(conflict).contains("value=\"My late change\"", "value=\"25\"");
		assertThat(this.followUps.open(id).orElseThrow().nextAction()).isEqualTo("Renew the certificate");

		MockHttpServletResponse staleDone = send(post("/reviews/follow-ups/done").param("ticket", String.valueOf(id))
			.param("version", String.valueOf(read)), this.agent);
		assertThat(staleDone.getStatus()).isEqualTo(409);
		MockHttpServletResponse done = send(post("/reviews/follow-ups/done").param("ticket", String.valueOf(id))
			.param("version", String.valueOf(this.followUps.open(id).orElseThrow().version()))
			.param("from", "daily"), this.agent);
		assertThat(done.getRedirectedUrl()).isEqualTo("/reviews/daily#follow-ups");
		assertThat(this.followUps.open(id)).isEmpty();
	}

	/**
	 * A time as the agent (in London) sees it on the page.
	 */
	private String atLondon(java.time.Instant instant) {
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(new HelpdeskUser(this.agent, null, true), null));
		try {
			return this.when.at(instant);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * The element with this id, up to the end of its row or list entry.
	 */
	private static String row(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("an element with id %s", id).isPositive();
		int end = page.indexOf("</tr>", start);
		int dd = page.indexOf("</dd>", start);
		if (end < 0 || (dd > 0 && dd < end)) {
			end = dd;
		}
		return page.substring(start, end);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Person person) throws Exception {
		return this.mvc.perform(request.with(user(new HelpdeskUser(person, null, true))).with(csrf()))
			.andReturn()
			.getResponse();
	}

}
