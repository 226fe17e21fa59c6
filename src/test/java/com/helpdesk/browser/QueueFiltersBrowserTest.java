package com.helpdesk.browser;

import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TriageChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent narrows the queue to one colleague's tickets: the filters are fetched when
 * "Filter by…" is first opened, choosing an assignee narrows the list at once, and the
 * address keeps the filter so a reload (or a link shared) shows the same list with the
 * filters open.
 */
@IntegrationTest
class QueueFiltersBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void anAgentNarrowsTheQueueToOneColleaguesTickets() {
		Browser browser = this.browser;
		Person agent = this.data.agent();
		Person colleague = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		String theirs = "Backups failing " + BrowserTestSupport.unique();
		String mine = "Certificate renewal " + BrowserTestSupport.unique();
		long theirId = this.tickets.create(requester, TestData.question(theirs), List.of());
		long myId = this.tickets.create(requester, TestData.question(mine), List.of());
		this.tickets.triage(colleague, theirId, this.queries.ticket(colleague, theirId).version(),
				TriageChange.take(colleague.id()));
		this.tickets.triage(agent, myId, this.queries.ticket(agent, myId).version(), TriageChange.take(agent.id()));

		// 1. All tickets: both are listed; the filters are not on the page until asked
		// for
		browser.signIn(agent.email(), TestData.PASSWORD);
		browser.clickLink("All tickets");
		assertThat(browser.heading()).isEqualTo("All tickets");
		assertThat(browser.text()).contains(theirs).contains(mine);
		assertThat(browser.findAll(By.id("assignee"))).isEmpty();

		// 2. Open "Filter by…": the fields arrive, and choosing the colleague narrows the
		// list
		browser.find(By.cssSelector("#queue-filters summary")).click();
		BrowserTestSupport.select(browser, By.id("assignee"), colleague.name());
		browser.waitUntil(ExpectedConditions.urlContains("assignee=" + colleague.id()));
		browser.waitUntil((driver) -> !browser.text().contains(mine));
		assertThat(BrowserTestSupport.row(browser, theirs).getText()).contains(colleague.name());
		assertThat(browser.url()).contains("view=all");
		browser.checkPage("queue-filters-01-by-assignee");

		// 3. Reloaded (or shared), the list is the same and the filters are open and set
		browser.open("/tickets?view=all&assignee=" + colleague.id());
		assertThat(browser.text()).contains(theirs).doesNotContain(mine);
		assertThat(browser.find(By.id("queue-filters")).getAttribute("open")).isNotNull();
		assertThat(BrowserTestSupport.selected(browser, By.id("assignee"))).isEqualTo(colleague.name());
		browser.clickLink("Clear filters");
		assertThat(browser.text()).contains(theirs).contains(mine);
	}

}
