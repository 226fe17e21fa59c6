package com.helpdesk.browser;

import java.util.List;

import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TriageChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents' queue: the filters are fetched when "Filter by…" is first opened and apply
 * only when "Apply filters" is pressed, and the address keeps them so a reload (or a link
 * shared) shows the same list with the filters open; each view shows its count, a group
 * member lands on their groups' work, New puts the first reply due soonest on top, and a
 * search looks through every ticket whatever the view.
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

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin admin;

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
		BrowserTestSupport.openView(browser, "All tickets");
		assertThat(browser.heading()).isEqualTo("All tickets");
		assertThat(browser.text()).contains(theirs).contains(mine);
		assertThat(browser.findAll(By.id("assignee"))).isEmpty();

		// 2. Open "Filter by…": the fields arrive; choosing the colleague changes nothing
		// until "Apply filters" is pressed, which narrows the list
		browser.find(By.cssSelector("#queue-filters summary")).click();
		BrowserTestSupport.select(browser, By.id("assignee"), colleague.name());
		WebElement results = browser.find(By.id("queue-results"));
		pause();
		assertThat(browser.url()).doesNotContain("assignee=");
		assertThat(ExpectedConditions.stalenessOf(results).apply(browser.driver())).as("the list was not reloaded")
			.isFalse();
		browser.find(By.xpath("//button[normalize-space()='Apply filters']")).click();
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

	@Test
	void aGroupMemberLandsOnTheirGroupsWorkAndEachViewShowsItsCount() {
		Browser browser = this.browser;
		Person member = this.data.agent();
		long group = this.data.group(member);
		String groupName = this.directory.group(group).name();
		Person requester = this.data.requester(this.data.client());
		for (String subject : List.of("Quota reached", "Mail bounces")) {
			long id = this.tickets.create(requester, TestData.question(subject + " " + BrowserTestSupport.unique()),
					List.of());
			this.tickets.triage(member, id, this.queries.ticket(member, id).version(),
					new TriageChange(null, null, null, group, false, null, false, null, "Ours to look at"));
		}

		browser.signIn(member.email(), TestData.PASSWORD);
		assertThat(browser.path()).isEqualTo("/tickets");
		assertThat(browser.heading()).isEqualTo("My groups");
		assertThat(BrowserTestSupport.currentView(browser)).isEqualTo("My groups");
		assertThat(BrowserTestSupport.sideCount(browser, "My groups")).isEqualTo("2");
		assertThat(BrowserTestSupport.sideCount(browser, groupName)).isEqualTo("2");
		assertThat(BrowserTestSupport.sideCount(browser, "Assigned to me")).isEqualTo("0");
		assertThat(BrowserTestSupport.sideCount(browser, "All tickets")).matches("[\\d,]+\\+?");
		assertThat(BrowserTestSupport.sideLink(browser, "My groups")
			.findElement(By.cssSelector(".app-count .govuk-visually-hidden"))
			.getAttribute("textContent")).as("the word for screen readers").isEqualTo("tickets");
		assertThat(browser.findAll(By.cssSelector("#queue-results tbody tr"))).hasSize(2);
		browser.checkPage("queue-counts-01-my-groups");
	}

	@Test
	void theCriticalHeadsNewAndTheClientFilterAppliesOnTheButton() {
		Browser browser = this.browser;
		Person agent = this.data.agent();
		long client = this.admin
			.createClient(new ClientCommand(TestData.unique("Shop"), this.data.plan("Managed Plus"), null, true), null);
		Person requester = this.data.requester(client);
		String question = "How do I export orders " + BrowserTestSupport.unique();
		String critical = "Checkout is down " + BrowserTestSupport.unique();
		this.tickets.create(requester, TestData.question(question), List.of());
		// Managed Plus: a critical first reply within 30 minutes, a normal one within 4
		// business hours
		this.tickets.create(requester, new NewTicket(RequestType.QUESTION, critical, "Every order fails",
				"Cleared the cache", Priority.CRITICAL, RequestDetails.none(), null), List.of());
		String clientName = this.directory.client(client).name();

		browser.signIn(agent.email(), TestData.PASSWORD);
		assertThat(browser.heading()).isEqualTo("New — to acknowledge");
		assertThat(browser.text()).contains("the first reply due soonest at the top");
		browser.find(By.cssSelector("#queue-filters summary")).click();
		BrowserTestSupport.select(browser, By.id("client"), clientName);
		pause();
		assertThat(browser.url()).doesNotContain("client=");
		browser.find(By.xpath("//button[normalize-space()='Apply filters']")).click();
		browser.waitUntil(ExpectedConditions.urlContains("client=" + client));
		browser.waitUntil((driver) -> browser.findAll(By.cssSelector("#queue-results tbody tr")).size() == 2);
		List<String> subjects = browser.findAll(By.cssSelector("#queue-results tbody tr td:first-child a"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(subjects).containsExactly(critical, question);
		assertThat(browser.find(By.id("queue-status")).getAttribute("textContent")).isEqualTo("2 tickets shown");
		browser.checkPage("queue-filters-02-new-by-due");
	}

	@Test
	void aRequestersEmailFromThePendingViewFindsTheirNewTicket() {
		Browser browser = this.browser;
		Person agent = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		String subject = "VPN drops every hour " + BrowserTestSupport.unique();
		this.tickets.create(requester, TestData.question(subject), List.of());

		browser.signIn(agent.email(), TestData.PASSWORD);
		BrowserTestSupport.openView(browser, "Pending — waiting on the requester");
		browser.type(By.id("q"), requester.email());
		browser.find(By.xpath("//button[normalize-space()='Search']")).click();
		browser.waitUntil(ExpectedConditions.urlContains("q="));
		WebElement row = BrowserTestSupport.row(browser, subject);
		assertThat(row.getText()).contains("New").contains(requester.name());
		assertThat(browser.text()).contains("Searching every ticket, whatever its status.");
		browser.checkPage("queue-search-01-by-email");

		// kept to the view, the new ticket is not among those pending
		browser.find(By.cssSelector("label[for='only']")).click();
		browser.find(By.xpath("//button[normalize-space()='Search']")).click();
		browser.waitUntil(ExpectedConditions.urlContains("only=true"));
		browser.waitUntil((driver) -> browser.text().contains("No tickets match."));
		assertThat(browser.text()).doesNotContain(subject)
			.contains("Searching Pending — waiting on the requester only.");
	}

	@Test
	void aSearchTermTheQueueCannotReadIsNamedNextToTheSearch() {
		Browser browser = this.browser;
		Person agent = this.data.agent();
		browser.signIn(agent.email(), TestData.PASSWORD);
		browser.open("/tickets");
		browser.type(By.id("q"), "status:sometimes");
		browser.find(By.xpath("//button[normalize-space()='Search']")).click();
		// with JavaScript, as without it: the summary at the top and the message by the
		// field
		assertThat(browser.find(By.id("q-error")).getText()).contains("Status must be new, open, pending or solved");
		assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Status must be new, open, pending or solved");
		assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo("status:sometimes");
	}

	/** Long enough for a change to have reloaded the list, had it done so. */
	private static void pause() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
