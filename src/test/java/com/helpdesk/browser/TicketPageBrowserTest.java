package com.helpdesk.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.AGENT;
import static com.helpdesk.browser.BrowserTestSupport.flash;
import static com.helpdesk.browser.BrowserTestSupport.select;
import static com.helpdesk.browser.BrowserTestSupport.selected;
import static com.helpdesk.browser.BrowserTestSupport.statusTag;
import static com.helpdesk.browser.BrowserTestSupport.ticketDetail;
import static com.helpdesk.browser.BrowserTestSupport.ticketNumber;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's ticket page as an agent works it: one submit saves the reply with every
 * triage change made beside it, a refused part saves nothing and keeps everything typed,
 * escalating is an action, panels' errors stay on the page, the work is in the first
 * screen and nothing moves once the page is shown.
 */
@IntegrationTest
class TicketPageBrowserTest {

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

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.driver().manage().window().setSize(new Dimension(1280, 900));
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void aReplySentWithTriageChangesSavesThemAllAsOneChange() {
		String subject = TestData.unique("Checkout is down");
		long number = this.tickets.create(requester(), TestData.question(subject), List.of());
		String answer = "We are on it: the payment worker is restarting. " + BrowserTestSupport.unique();

		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/tickets/" + number);
		assertThat(statusTag(browser)).isEqualTo("New");
		select(browser, By.id("priority"), "Critical");
		select(browser, By.id("assignee"), "Erin Expert");
		browser.type(By.id("tags"), "payments, checkout");
		browser.type(By.id("body"), answer);
		browser.clickButton(By.id("composer"), "Send and keep open");

		assertThat(flash(browser)).isEqualTo("Reply sent and changes saved. The ticket is now Open.");
		assertThat(statusTag(browser)).isEqualTo("Open");
		assertThat(browser.find(By.cssSelector("main h1 + p")).getText()).contains("Critical", "payments", "checkout");
		assertThat(ticketDetail(browser, "Assignee")).isEqualTo("Erin Expert");
		assertThat(selected(browser, By.id("priority"))).isEqualTo("Critical");
		WebElement newest = browser.find(By.cssSelector(".app-conversation .moj-timeline__item"));
		assertThat(newest.getText()).as("the reply and its changes are one entry, newest first")
			.contains("Reply from support", answer, "Priority changed from Normal to Critical",
					"Assigned to Erin Expert", "Tags: payments, checkout", "Status: Open");

		TicketView saved = this.queries.ticket(this.directory.findPersonByEmail(AGENT).orElseThrow(), number);
		assertThat(saved.priority().name()).isEqualTo("CRITICAL");
		assertThat(saved.assigneeName()).isEqualTo("Erin Expert");
		assertThat(saved.timeline().stream().filter((e) -> e.ticketVersion() == saved.version()).count())
			.as("reply, priority, tags, assignee and status saved in one version")
			.isEqualTo(5);
		browser.checkPage("ticket-page-01-reply-with-triage");
	}

	@Test
	void aRefusedPartSavesNothingAndKeepsEverythingTyped(@TempDir Path folder) throws Exception {
		String subject = TestData.unique("Logs are missing");
		long number = this.tickets.create(requester(), TestData.question(subject), List.of());
		TicketView before = this.queries.ticket(this.directory.findPersonByEmail(AGENT).orElseThrow(), number);
		String answer = "Can you send us the time it last worked? " + BrowserTestSupport.unique();
		Path log = Files.writeString(folder.resolve("worker.log"), "12:00 worker stopped\n");

		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/tickets/" + number);
		select(browser, By.id("priority"), "High");
		select(browser, By.id("group"), "Platform experts");
		browser.type(By.id("body"), answer);
		browser.find(By.id("attachments")).sendKeys(log.toAbsolutePath().toString());
		browser.clickButton(By.id("composer"), "Send and wait for the requester");

		assertThat(browser.title()).startsWith("Error: #" + number);
		WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
		assertThat(summary.getText()).contains("Enter why the ticket is moving to another group")
			.contains("Choose your files again (worker.log)");
		assertThat(summary.getLocation().getY()).as("the summary is at the top of the page")
			.isLessThan(browser.find(By.tagName("h1")).getLocation().getY());
		assertThat(browser.find(By.id("reason-error")).getText()).contains("Enter why the ticket is moving");
		assertThat(browser.find(By.id("attachments-error")).getText()).contains("worker.log");
		assertThat(browser.find(By.id("body")).getAttribute("value")).as("the reply is kept").isEqualTo(answer);
		assertThat(selected(browser, By.id("priority"))).as("the priority chosen is kept").isEqualTo("High");
		assertThat(selected(browser, By.id("group"))).as("the group chosen is kept").isEqualTo("Platform experts");
		assertThat(statusTag(browser)).as("nothing was saved").isEqualTo("New");
		browser.checkPage("ticket-page-02-refused-keeps-everything");

		TicketView after = this.queries.ticket(this.directory.findPersonByEmail(AGENT).orElseThrow(), number);
		assertThat(after.version()).as("nothing was saved").isEqualTo(before.version());
		assertThat(after.timeline()).hasSameSizeAs(before.timeline());
		assertThat(after.priority()).isEqualTo(before.priority());

		// with the reason given (and the file chosen again) all of it goes at once
		browser.type(By.id("reason"), "Needs a platform engineer to read the worker's logs");
		browser.find(By.id("attachments")).sendKeys(log.toAbsolutePath().toString());
		browser.clickButton(By.id("composer"), "Send and wait for the requester");
		assertThat(flash(browser)).isEqualTo("Reply sent and changes saved. The ticket is now Pending.");
		assertThat(ticketDetail(browser, "Group")).isEqualTo("Platform experts");
		assertThat(browser.find(By.cssSelector(".app-conversation .moj-timeline__item")).getText()).contains(answer,
				"worker.log", "Moved from Tier 1 to Platform experts", "Priority changed from Normal to High");
	}

	@Test
	void choosingAStatusAndPressingAButtonForAnotherIsRefusedRatherThanGuessed() {
		long number = this.tickets.create(requester(), TestData.question(TestData.unique("Two statuses")), List.of());
		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/tickets/" + number);
		select(browser, By.id("status"), "Open");
		browser.type(By.id("body"), "Looking into it");
		browser.clickButton(By.id("composer"), "Send and solve");
		assertThat(browser.find(By.id("status-error")).getText()).contains("Choose the status here");
		assertThat(statusTag(browser)).isEqualTo("New");
		browser.clickButton(By.id("triage"), "Save changes");
		assertThat(flash(browser)).isEqualTo("Reply sent. The ticket is now Open.");
	}

	@Test
	void escalatingIsAnActionWithItsReason() {
		String subject = TestData.unique("Database is slow");
		long number = this.tickets.create(requester(), TestData.question(subject), List.of());
		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/tickets/" + number);
		browser.clickButton(By.id("triage"), "Save changes");
		assertThat(flash(browser)).isEqualTo("Nothing was saved: nothing was changed or typed.");

		openEscalations(browser);
		browser.clickButton(By.id("triage"), "Escalate to Platform experts");
		assertThat(browser.find(By.id("reason-error")).getText()).contains("Enter why the ticket is moving");
		browser.type(By.id("reason"), "Query plans need a platform engineer");
		browser.type(By.id("body"), "Asked the platform team to look at the query plans.");
		browser.find(By.cssSelector("label[for='internal-note']")).click();
		openEscalations(browser);
		browser.clickButton(By.id("triage"), "Escalate to Platform experts");
		assertThat(flash(browser)).isEqualTo("Internal note added and changes saved. The ticket is now New.");
		assertThat(ticketDetail(browser, "Group")).isEqualTo("Platform experts");
		assertThat(browser.find(By.cssSelector(".app-conversation .moj-timeline__item")).getText()).contains(
				"Internal note", "Asked the platform team", "Moved from Tier 1 to Platform experts",
				"Reason: Query plans need a platform engineer");
		assertThat(browser.findAll(By.xpath("//button[normalize-space()='Escalate to Platform experts']")))
			.as("no escalating to the group it is in")
			.isEmpty();
	}

	@Test
	void aFollowUpThatIsRefusedStaysOnTheTicketPageWithTheSummaryAtTheTop() {
		String subject = TestData.unique("Certificate renewal");
		long number = this.tickets.create(requester(), TestData.question(subject), List.of());
		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/tickets/" + number);
		WebElement panel = browser.find(By.id("follow-up"));
		panel.findElement(By.xpath(".//button[normalize-space()='Set the follow-up']")).click();
		browser.waitUntil((driver) -> browser.title().startsWith("Error:"));

		assertThat(browser.heading()).as("the ticket page, not a page of the panel's own").isEqualTo(subject);
		assertThat(browser.title()).startsWith("Error: #" + number);
		WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
		assertThat(summary.getLocation().getY()).isLessThan(browser.find(By.tagName("h1")).getLocation().getY());
		WebElement link = summary.findElement(By.cssSelector("a[href^='#followUp-']"));
		String target = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
		assertThat(browser.findAll(By.id(target))).as("the summary links to the field in the panel").hasSize(1);
		browser.checkPage("ticket-page-03-follow-up-error");
	}

	@Test
	void theWorkIsInTheFirstScreenAndNothingMovesOnceThePageIsShown() {
		long number = this.tickets.create(requester(), TestData.question(TestData.unique("First screen")), List.of());
		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.driver().manage().window().setSize(new Dimension(1280, 800));
		browser.open("/tickets/" + number);
		long height = ((Number) js(browser, "return window.innerHeight")).longValue();
		for (String id : List.of("body", "status", "priority", "group", "assignee")) {
			assertThat(top(browser, id)).as("%s is in the first screen at 1280 px", id).isLessThan(height);
		}
		// layout shifts after load, as Chromium measures them (CLS)
		browser.waitUntil((driver) -> Boolean.TRUE.equals(
				js(browser, "return document.readyState === 'complete' && !document.querySelector('.htmx-request')")));
		Number shift = (Number) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				let total = 0;
				new PerformanceObserver((list) => {
				  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => done(total), 1500);
				""");
		assertThat(shift.doubleValue()).as("cumulative layout shift").isLessThan(0.1);
	}

	@Test
	void staffRaisingATicketForSomeoneNewAddThemAsARequester() {
		String email = TestData.unique("caller") + "@client-a.test";
		String subject = TestData.unique("Phoned in: cannot sign in");
		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/tickets/new?type=QUESTION");
		browser.type(By.id("requester"), email);
		browser.find(By.cssSelector("label[for='newRequester-yes']")).click();
		browser.type(By.id("subject"), subject);
		browser.type(By.id("description"), "They phoned: the sign-in page says their account is locked.");
		browser.type(By.id("alreadyTried"), "Waited an hour");
		browser.clickButton("Send request");
		assertThat(browser.find(By.id("requesterName-error")).getText()).contains("Enter a name");
		assertThat(browser.find(By.id("requesterClient-error")).getText()).contains("Choose the client");
		assertThat(this.directory.findPersonByEmail(email)).as("nobody added").isEmpty();

		browser.type(By.id("requesterName"), "Casey Caller");
		select(browser, By.id("requesterClient"), "Client A");
		browser.clickButton("Send request");
		long number = ticketNumber(browser);
		assertThat(ticketDetail(browser, "Requester")).contains("Casey Caller", email);
		assertThat(ticketDetail(browser, "Client")).contains("Client A");
		Person added = this.directory.findPersonByEmail(email).orElseThrow();
		assertThat(added.isRequester()).isTrue();
		assertThat(number).isPositive();
	}

	/**
	 * With many groups (the test database has plenty) the escalation buttons are folded
	 * away behind a summary.
	 */
	private static void openEscalations(Browser browser) {
		for (WebElement summary : browser.findAll(By.cssSelector(".app-escalate summary"))) {
			summary.click();
		}
	}

	private Person requester() {
		return this.directory.findPersonByEmail(BrowserTestSupport.ALICE).orElseThrow();
	}

	private static Object js(Browser browser, String script) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script);
	}

	private static long top(Browser browser, String id) {
		return ((Number) js(browser,
				"return document.getElementById('" + id + "').getBoundingClientRect().top + window.scrollY"))
			.longValue();
	}

}
