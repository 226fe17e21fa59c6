package com.helpdesk.ticket.web;

import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TriageChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The queue page: each row's tags and times as worked out before rendering, and the
 * filter fields only where they are asked for (a filter in use, the no-script link, or
 * the fragment htmx fetches).
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
			.contains("<strong class=\"govuk-tag govuk-tag--yellow\">New</strong>")
			.contains("<strong class=\"govuk-tag govuk-tag--orange\">High</strong>")
			.containsPattern(
					"<strong class=\"govuk-tag app-due govuk-tag--light-blue\" title=\"[^\"]+\">Due [^<]+</strong>")
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

	private String page(Person person, MockHttpServletRequestBuilder request) throws Exception {
		var response = this.mvc.perform(request.with(user(new HelpdeskUser(person, null, true))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString().trim();
	}

}
