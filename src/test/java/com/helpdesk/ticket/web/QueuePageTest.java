package com.helpdesk.ticket.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.internal.SlaSweep;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TriageChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The queue page: each row's tags and times as worked out before rendering, the filter
 * fields only where they are asked for (a filter in use, the no-script link, or the
 * fragment htmx fetches) and applied only by a button, the sidebar's counts and where a
 * group member lands.
 */
@IntegrationTest
class QueuePageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	SlaSweep sweep;

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void aRowShowsItsStatusPriorityTypeDueTimeAssigneeAndTime() throws Exception {
		Person agent = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		String subject = TestData.unique("Disk nearly full");
		long id = this.tickets.create(requester, TestData.bug(subject), List.of());
		this.tickets.triage(agent, id, this.queries.ticket(agent, id).version(), TriageChange.take(agent.id()));

		String page = page(agent, get("/tickets").param("view", "mine"));

		String row = page.substring(page.indexOf("/tickets/" + id + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains(">" + subject + "<")
			.contains("#" + id + " · Bug")
			.contains("<strong class=\"govuk-tag govuk-tag--blue\">New</strong>")
			.contains("<strong class=\"govuk-tag govuk-tag--orange\">High</strong>")
			.containsPattern(
					"<strong class=\"govuk-tag govuk-tag--light-blue app-due\" title=\"[^\"]+\">Due [^<]+</strong>")
			.contains(agent.name())
			.containsPattern("<time datetime=\"20\\d\\d-[^\"]+Z\" title=\"[^\"]+ (GMT|BST)\">");
	}

	@Test
	void theFilterFieldsComeOnlyWhenAskedFor() throws Exception {
		Person agent = this.data.agent();

		String plain = page(agent, get("/tickets").param("view", "all"));
		assertThat(plain).doesNotContain("id=\"assignee\"")
			.contains("hx-get=\"/tickets/filters?view=all")
			.containsPattern("href=\"/tickets\\?view=all[^\"]*&amp;filters=all\">Show the filters</a>");

		assertThat(page(agent, get("/tickets").param("view", "all").param("filters", "all")))
			.contains("id=\"assignee\"")
			.contains("id=\"client\"");
		assertThat(page(agent, get("/tickets").param("view", "all").param("assignee", String.valueOf(agent.id()))))
			.contains("id=\"assignee\"")
			.containsPattern("<option value=\"" + agent.id() + "\" selected=\"selected\">");

		String fragment = page(agent, get("/tickets/filters").param("view", "all"));
		assertThat(fragment).startsWith("<div id=\"queue-filter-fields\">")
			.contains("id=\"status\"")
			.contains("id=\"group\"")
			.contains(agent.name())
			.doesNotContain("<html");
	}

	@Test
	void aBreachedRowNamesTheMetricAndHowLateItIsInItsOwnColours() throws Exception {
		Person agent = this.data.agent();
		long client = this.admin.createClient(
				new ClientCommand(TestData.unique("Late client"), this.data.plan("Managed Plus"), null, true), null);
		Person requester = this.data.requester(client);
		String subject = TestData.unique("Payments down");
		// Managed Plus: a critical first reply within 30 minutes, 24/7
		Instant now = Instant.now();
		this.clock.set(now.minus(Duration.ofHours(2)));
		long id;
		try {
			id = this.tickets.create(requester, new NewTicket(RequestType.QUESTION, subject, "Every payment fails",
					"Retried", Priority.CRITICAL, RequestDetails.none(), null), List.of());
		}
		finally {
			this.clock.set(now);
		}
		this.sweep.run();

		String page = page(agent, get("/tickets").param("view", "breached").param("q", "#" + id).param("only", "true"));
		String row = page.substring(page.indexOf("/tickets/" + id + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("<strong class=\"govuk-tag govuk-tag--red\">Critical</strong>")
			.containsPattern("<strong class=\"govuk-tag app-tag--breached app-due\" title=\"Breached: due [^\"]+\">"
					+ "First reply 1 h 30 min late</strong>");
	}

	@Test
	void aGroupMemberLandsOnMyGroupsWithEachViewCounted() throws Exception {
		Person member = this.data.agent();
		long group = this.data.group(member);
		Person requester = this.data.requester(this.data.client());
		for (int i = 0; i < 2; i++) {
			long id = this.tickets.create(requester, TestData.question(TestData.unique("Counted")), List.of());
			this.tickets.triage(member, id, this.queries.ticket(member, id).version(),
					new TriageChange(null, null, null, group, false, null, false, null, "Ours"));
		}

		String landing = page(member, get("/tickets"));
		assertThat(landing).contains("<h1 class=\"govuk-heading-l\">My groups</h1>")
			.contains(
					"My groups<span class=\"app-count\"> 2 <span class=\"govuk-visually-hidden\">tickets</span></span>")
			.containsPattern(
					"Assigned to me<span class=\"app-count\"> 0 <span class=\"govuk-visually-hidden\">tickets</span>")
			.containsPattern(
					"All tickets<span class=\"app-count\"> [\\d,]+\\+? <span class=\"govuk-visually-hidden\">tickets</span>");
		String groupName = this.directory.group(group).name();
		assertThat(landing).contains(
				groupName + "<span class=\"app-count\"> 2 <span class=\"govuk-visually-hidden\">tickets</span></span>");

		Person loner = this.data.agent();
		assertThat(page(loner, get("/tickets"))).contains("<h1 class=\"govuk-heading-l\">New — to acknowledge</h1>")
			.doesNotContain(">My groups<");
	}

	@Test
	void filtersApplyOnlyWithAButtonAndWithoutJavaScriptOpenInOneStep() throws Exception {
		Person agent = this.data.agent();
		String plain = page(agent, get("/tickets").param("view", "open"));
		assertThat(plain).contains("hx-trigger=\"submit\"")
			.doesNotContain("hx-trigger=\"change")
			.doesNotContain("aria-live")
			.contains("role=\"status\"")
			.contains("Only in Open — waiting on us");
		assertThat(page(agent, get("/tickets").param("view", "open").param("filters", "all")))
			.contains("<details class=\"govuk-details\" id=\"queue-filters\" open=\"open\">")
			.contains("id=\"assignee\"");
	}

	@Test
	void anUnknownStatusInTheSearchIsShownNextToTheField() throws Exception {
		Person agent = this.data.agent();
		var response = this.mvc
			.perform(get("/tickets").param("view", "new")
				.param("q", "status:lost")
				.with(user(new HelpdeskUser(agent, null, true))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("govuk-error-summary")
			.contains("<a href=\"#q\">Status must be new, open, pending or solved, for example status:open</a>")
			.contains("id=\"q-error\"")
			.contains("aria-describedby=\"q-hint q-error\"")
			.doesNotContain("Exception");
	}

	private String page(Person person, MockHttpServletRequestBuilder request) throws Exception {
		var response = this.mvc.perform(request.with(user(new HelpdeskUser(person, null, true))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString().trim();
	}

}
