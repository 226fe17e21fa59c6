package com.helpdesk.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.helpdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.AGENT;
import static com.helpdesk.browser.BrowserTestSupport.ALICE;
import static com.helpdesk.browser.BrowserTestSupport.EXPERT;
import static com.helpdesk.browser.BrowserTestSupport.flash;
import static com.helpdesk.browser.BrowserTestSupport.row;
import static com.helpdesk.browser.BrowserTestSupport.searchQueueAndOpen;
import static com.helpdesk.browser.BrowserTestSupport.select;
import static com.helpdesk.browser.BrowserTestSupport.statusTag;
import static com.helpdesk.browser.BrowserTestSupport.ticketDetail;
import static com.helpdesk.browser.BrowserTestSupport.ticketNumber;
import static com.helpdesk.browser.BrowserTestSupport.timeline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bug report from start to finish, clicked through as people would: the requester
 * reports it with a file, Tier 1 asks for details, the requester answers, Tier 1
 * escalates to the platform experts, an expert solves it, and the requester sees it
 * solved. Every distinct page is screenshotted and checked for accessibility.
 */
@IntegrationTest
class RequestJourneyBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = browsers.browser(this.port);
	}

	@Test
	void bugIsReportedAnsweredEscalatedAndSolvedThroughThePages(@TempDir Path files) throws Exception {
		Browser browser = this.browser;
		String token = BrowserTestSupport.unique();
		String subject = "Checkout button does nothing " + token;
		String fileName = "console-" + token + ".txt";
		Path file = Files.writeString(files.resolve(fileName),
				"Uncaught TypeError: cannot read properties of undefined (reading 'total')\n", StandardCharsets.UTF_8);
		String question = "Which browser and version do you use? (" + token + ")";
		String answer = "Firefox 128 on Windows 11, and the same in Edge. (" + token + ")";
		String reason = "The checkout runs on the platform cluster. (" + token + ")";
		String solution = "We fixed the script bundle on the cluster; please try again. (" + token + ")";

		// 1. Alice reports the bug, with a file
		browser.open("/login");
		browser.checkPage("journey-01-login");
		browser.signIn(ALICE);
		assertThat(browser.path()).isEqualTo("/requests");
		assertThat(browser.heading()).isEqualTo("Your requests");
		browser.checkPage("journey-02-requests-list");

		browser.clickLink("New request");
		assertThat(browser.path()).isEqualTo("/requests/new");
		assertThat(browser.heading()).isEqualTo("What do you need help with?");
		browser.checkPage("journey-03-choose-type");
		browser.find(By.xpath("//label[normalize-space()='Something is broken']")).click();
		WebElement bug = browser.findPresent(By.cssSelector("input[name='type'][value='BUG']"));
		assertThat(bug.isSelected()).as("the radio 'Something is broken' chooses type BUG").isTrue();
		browser.clickButton("Continue");

		assertThat(browser.heading()).isEqualTo("Report a bug");
		assertThat(browser.title()).startsWith("Report a bug");
		browser.checkPage("journey-04-bug-form");
		browser.type(By.id("subject"), subject);
		browser.type(By.id("description"), "Pressing 'Pay now' on the checkout does nothing at all.");
		browser.type(By.id("stepsToReproduce"),
				"1. Put any product in the basket\n2. Go to checkout\n3. Press Pay now");
		browser.type(By.id("expectedOutcome"), "The payment page opens");
		browser.type(By.id("actualOutcome"), "Nothing happens; the console shows a TypeError");
		browser.type(By.id("alreadyTried"), "Cleared the cache and tried a private window.");
		browser.find(By.id("attachments")).sendKeys(file.toAbsolutePath().toString());
		browser.screenshot("journey-05-bug-form-filled");
		browser.clickButton("Send request");

		assertThat(browser.path()).matches("/requests/\\d+");
		long number = ticketNumber(browser);
		assertThat(browser.heading()).as("the new request's page, with its attachment, not an error page")
			.isEqualTo(subject);
		assertThat(flash(browser)).contains("Request " + number + " sent. Expect a first reply by ");
		assertThat(browser.find(By.id("receipt")).getText()).startsWith("Expect a first reply by ");
		assertThat(statusTag(browser)).isEqualTo("Received");
		WebElement attachment = browser.find(By.linkText(fileName));
		assertThat(attachment.getAttribute("href")).matches(".*/attachments/\\d+");
		browser.checkPage("journey-06-request-received");
		browser.signOut();

		// 2. The agent (in Tier 1) finds it among their groups' work and asks for details
		browser.signIn(AGENT);
		assertThat(browser.path()).isEqualTo("/tickets");
		assertThat(browser.heading()).isEqualTo("My groups");
		assertThat(BrowserTestSupport.currentView(browser)).isEqualTo("My groups");
		browser.checkPage("journey-07-queue-new");
		searchQueueAndOpen(browser, subject);
		assertThat(browser.path()).isEqualTo("/tickets/" + number);
		assertThat(statusTag(browser)).isEqualTo("New");
		assertThat(ticketDetail(browser, "Group")).isEqualTo("Tier 1");
		assertThat(browser.find(By.linkText(fileName)).isDisplayed()).isTrue();
		browser.checkPage("journey-08-ticket-new");
		browser.type(By.cssSelector("#composer #body"), question);
		browser.clickButton(By.id("composer"), "Send and wait for the requester");
		assertThat(browser.path()).isEqualTo("/tickets/" + number);
		assertThat(flash(browser)).isEqualTo("Reply sent. The ticket is now Pending.");
		assertThat(statusTag(browser)).isEqualTo("Pending");
		assertThat(timeline(browser)).contains(question);
		browser.signOut();

		// 3. Alice sees the question and answers it
		browser.signIn(ALICE);
		assertThat(row(browser, subject).getText()).contains("Waiting for your reply");
		browser.clickLink(subject);
		assertThat(browser.path()).isEqualTo("/requests/" + number);
		assertThat(statusTag(browser)).isEqualTo("Waiting for your reply");
		assertThat(timeline(browser)).contains("Reply from support").contains(question);
		browser.checkPage("journey-09-request-waiting");
		browser.type(By.id("body"), answer);
		browser.clickButton("Send reply");
		assertThat(browser.path()).isEqualTo("/requests/" + number);
		assertThat(flash(browser)).isEqualTo("Your reply has been sent.");
		assertThat(statusTag(browser)).isEqualTo("In progress");
		assertThat(timeline(browser)).contains(answer);
		browser.screenshot("journey-10-request-in-progress");
		browser.signOut();

		// 4. The agent escalates it to the platform experts, saying why
		browser.signIn(AGENT);
		browser.open("/tickets/" + number);
		assertThat(statusTag(browser)).isEqualTo("Open");
		assertThat(timeline(browser)).contains(answer);
		select(browser, By.id("group"), "Platform experts");
		browser.type(By.id("reason"), reason);
		browser.clickButton(By.id("triage"), "Save changes");
		assertThat(browser.path()).isEqualTo("/tickets/" + number);
		assertThat(flash(browser)).isEqualTo("Changes saved.");
		assertThat(timeline(browser)).contains("Moved from Tier 1 to Platform experts").contains("Reason: " + reason);
		assertThat(ticketDetail(browser, "Group")).isEqualTo("Platform experts");
		browser.screenshot("journey-11-ticket-escalated");
		browser.signOut();

		// 5. An expert finds it in their group's view and solves it
		browser.signIn(EXPERT);
		assertThat(browser.path()).isEqualTo("/tickets");
		BrowserTestSupport.openView(browser, "Platform experts");
		assertThat(browser.heading()).isEqualTo("Group: Platform experts");
		browser.screenshot("journey-12-queue-platform-experts");
		searchQueueAndOpen(browser, subject);
		assertThat(browser.path()).isEqualTo("/tickets/" + number);
		browser.type(By.cssSelector("#composer #body"), solution);
		browser.clickButton(By.id("composer"), "Send and solve");
		assertThat(flash(browser)).isEqualTo("Reply sent. The ticket is now Solved.");
		assertThat(statusTag(browser)).isEqualTo("Solved");
		browser.screenshot("journey-13-ticket-solved");
		browser.signOut();

		// 6. Alice sees it solved, on the request and among her solved requests
		browser.signIn(ALICE);
		assertThat(browser.findAll(By.linkText(subject))).as("no longer among the open requests").isEmpty();
		browser.clickLink("Solved");
		assertThat(browser.find(By.cssSelector(".moj-sub-navigation a[aria-current='page']")).getText())
			.isEqualTo("Solved");
		assertThat(row(browser, subject).getText()).contains("Solved");
		browser.screenshot("journey-14-requests-solved");
		browser.clickLink(subject);
		assertThat(statusTag(browser)).isEqualTo("Solved");
		assertThat(timeline(browser)).contains(solution);
		browser.checkPage("journey-15-request-solved");
		browser.signOut();
	}

}
