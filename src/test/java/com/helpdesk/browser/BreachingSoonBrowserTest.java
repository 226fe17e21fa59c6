package com.helpdesk.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.ClientSummary;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.PlanSummary;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaLine;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaService;
import com.helpdesk.sla.SlaState;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent watching "Breaching soon": a critical ticket of a client just moved to Managed
 * Plus (first reply within 30 minutes, 24/7) is due before anything else, so it heads the
 * list with its due tag; when its time passes and the sweep runs, it is listed as
 * breached, its page says so, and the agent who holds it is told.
 */
@IntegrationTest
class BreachingSoonBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

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
	SlaService sla;

	@Autowired
	SlaSweep sweep;

	@Autowired
	MovableClock clock;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void anAgentSeesACriticalTicketComingDueThenBreached() {
		Browser browser = this.browser;
		String subject = "Shop is down " + BrowserTestSupport.unique();
		Person agent = this.data.agent();

		// Whatever was already overdue is marked first, so "Breaching soon" lists only
		// what is still to come (the sweep of the running app would have done it).
		this.sweep.run();

		// A client moved from Default to Managed Plus, whose CRITICAL first reply is due
		// in 30 minutes, 24/7; the ticket was raised 27 minutes ago, so it is due in
		// three: sooner than anything else. Its agent takes it.
		Instant raised = Instant.now().minus(Duration.ofMinutes(27));
		this.clock.set(raised);
		long client = this.admin
			.createClient(new ClientCommand(TestData.unique("Shop client"), plan("Default"), null, true), null);
		ClientSummary before = this.directory.client(client);
		assertThat(before.planName()).isEqualTo("Default");
		this.admin.updateClient(client, before.version(),
				new ClientCommand(before.name(), plan("Managed Plus"), null, true), null);
		Person requester = this.data.requester(client);
		long id = this.tickets.create(requester,
				new NewTicket(RequestType.QUESTION, subject, "Every page of the shop answers 503.",
						"Restarted the browser", Priority.CRITICAL, RequestDetails.none(), null),
				List.of());
		this.tickets.triage(agent, id, this.queries.ticket(agent, id).version(), TriageChange.take(agent.id()));
		this.clock.reset();
		SlaLine first = firstReply(id);
		assertThat(first.state()).isEqualTo(SlaState.ACTIVE);
		assertThat(Duration.between(raised, first.dueAt())).as("30 minutes, 24/7")
			.isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));

		// 1. Tickets → "Breaching soon": it heads the list, with its due tag
		browser.signIn(agent.email(), TestData.PASSWORD);
		assertThat(browser.path()).isEqualTo("/tickets");
		BrowserTestSupport.openView(browser, "Breaching soon");
		assertThat(browser.heading()).isEqualTo("Breaching soon");
		assertThat(browser.url()).contains("view=breaching");
		WebElement top = browser.find(By.cssSelector("#queue-results table tbody tr"));
		assertThat(top.findElement(By.cssSelector("td a")).getText()).as("the first row").isEqualTo(subject);
		WebElement due = top.findElement(By.cssSelector(".app-due"));
		assertThat(due.getText()).startsWith("Due ").endsWith(", at risk");
		assertThat(due.getAttribute("class")).as("less than a quarter of its time left").contains("govuk-tag--yellow");
		assertThat(top.findElement(By.xpath(".//strong[normalize-space()='Critical']")).getAttribute("class"))
			.as("the one red on the row")
			.contains("govuk-tag--red");
		assertThat(top.getText()).contains("Critical").contains(agent.name());
		browser.checkPage("breaching-01-breaching-soon");

		// 2. Its time passes and the sweep runs
		this.clock.advance(Duration.ofMinutes(10));
		SlaSweep.Result swept = this.sweep.run();
		assertThat(swept.breached()).isGreaterThanOrEqualTo(1);
		assertThat(firstReply(id).state()).isEqualTo(SlaState.BREACHED);

		// 3. "Breached" lists it, naming the metric and how late it is, white on black
		BrowserTestSupport.openView(browser, "Breached");
		assertThat(browser.heading()).isEqualTo("Breached");
		browser.type(By.id("q"), subject);
		browser.find(By.xpath("//button[normalize-space()='Search']")).click();
		browser.waitUntil(ExpectedConditions.urlContains("q="));
		WebElement listed = row(browser, subject);
		assertThat(listed.findElement(By.cssSelector(".app-due")).getText()).matches("First reply \\d+ min late");
		assertThat(listed.findElement(By.cssSelector(".app-due")).getAttribute("class")).contains("app-tag--breached")
			.doesNotContain("govuk-tag--red");
		browser.checkPage("breaching-02-breached");

		// 4. The ticket page's "Service level" says so
		browser.clickLink(subject);
		assertThat(browser.heading()).isEqualTo(subject);
		WebElement firstReplyClock = browser.find(By.xpath(
				"//h2[normalize-space()='Service level']/following-sibling::ul//li[strong[normalize-space()='First reply']]"));
		assertThat(firstReplyClock.findElement(By.cssSelector(".govuk-tag")).getText()).isEqualTo("Breached");
		assertThat(firstReplyClock.getText()).contains("breached ").contains("30 min, 24/7");
		browser.checkPage("breaching-03-ticket");

		// 5. The agent holding it is told
		By notifications = By.cssSelector(".govuk-service-navigation a[href='/notifications']");
		// the menu counts what is unread (loaded after the page)
		browser.waitUntil(ExpectedConditions.textMatches(notifications,
				java.util.regex.Pattern.compile("Notifications\\s*[1-9]\\d*(\\s*unread)?")));
		WebElement menu = browser.find(notifications);
		browser.clickAndWaitForNewPage(menu);
		assertThat(browser.heading()).isEqualTo("Notifications");
		List<String> notices = browser.findAll(By.cssSelector(".app-inbox__item"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(notices).anySatisfy((notice) -> assertThat(notice).contains("New")
			.contains("#" + id + " " + subject + ": First reply breached"));
		browser.checkPage("breaching-04-notifications");
	}

	SlaLine firstReply(long ticketId) {
		return this.sla.clocks(ticketId)
			.stream()
			.filter((line) -> line.metric() == SlaMetric.FIRST_REPLY)
			.findFirst()
			.orElseThrow();
	}

	long plan(String name) {
		return this.directory.plans()
			.stream()
			.filter((p) -> p.name().equals(name))
			.map(PlanSummary::id)
			.findFirst()
			.orElseThrow();
	}

}
