package com.helpdesk.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.review.TeamCalendar;
import com.helpdesk.shared.Priority;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.AGENT;
import static com.helpdesk.browser.BrowserTestSupport.ALICE;
import static com.helpdesk.browser.BrowserTestSupport.BOB;
import static com.helpdesk.browser.BrowserTestSupport.flash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily and weekly reviews as the team uses them: on Monday morning the agent sees
 * Alice's New ticket on the daily review with the time it must be acknowledged by, and
 * marks the review done; on the weekly review an agent sets a next action and a day to
 * follow up for a ticket raised more than a week before, first mistyping the date.
 */
@IntegrationTest
class ReviewBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	TicketService tickets;

	@Autowired
	Directory directory;

	@Autowired
	TeamCalendar team;

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
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theAgentSeesANewTicketWithItsDeadlineOnTheDailyReviewAndMarksTheReviewDone() {
		now("2025-08-04T10:12");
		Person alice = this.directory.findPersonByEmail(ALICE).orElseThrow();
		String subject = "Daily review " + BrowserTestSupport.unique();
		long id = this.tickets.create(alice, TestData.question(subject), List.of());
		// Bob's plan answers a critical within 30 minutes, around the clock
		Person bob = this.directory.findPersonByEmail(BOB).orElseThrow();
		String outage = "Daily review outage " + BrowserTestSupport.unique();
		long critical = this.tickets.create(bob, new NewTicket(RequestType.QUESTION, outage, "Checkout is down",
				"Restarted it", Priority.CRITICAL, RequestDetails.none(), null), List.of());

		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.clickLink("Reviews");
		assertThat(browser.heading()).isEqualTo("Daily review");
		String row = browser.find(By.id("new-" + id)).getText();
		assertThat(row).contains("#" + id + " " + subject, "Client A", "4 Aug 2025, 17:00 BST", "end of the day",
				"left");
		String criticalRow = browser.find(By.id("new-" + critical)).getText();
		assertThat(criticalRow).contains("#" + critical + " " + outage, "4 Aug 2025, 10:42 BST", "first reply due",
				"left");
		browser.checkPage("review-01-daily");
		shot("daily");

		browser.clickButton("Mark today's review done");
		assertThat(flash(browser)).isEqualTo("Today's review is marked done.");
		assertThat(browser.find(By.id("review-done")).getText())
			.contains("Reviewed today by Alex Agent at 10:12 (Europe/London)");
		assertThat(browser.find(By.id("recent-reviews")).getText()).contains("4 August 2025: Alex Agent");
		assertThat(browser.findAll(By.xpath("//button[normalize-space()=\"Mark today's review done\"]"))).isEmpty();
		browser.checkPage("review-02-daily-done");
		narrow("daily-320");
	}

	@Test
	void anAgentSetsANextActionAndAFollowUpDayOnTheWeeklyReview() {
		now("2025-08-01T10:00");
		Person alice = this.directory.findPersonByEmail(ALICE).orElseThrow();
		String subject = "Weekly review " + BrowserTestSupport.unique();
		long id = this.tickets.create(alice, TestData.question(subject), List.of());
		now("2025-08-11T09:30");

		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/reviews/weekly");
		assertThat(browser.heading()).isEqualTo("Weekly review");
		By card = By.id("ticket-" + id);
		assertThat(browser.find(card).getText()).contains("#" + id + " " + subject, "None yet");
		String prefix = "t" + id + "-";
		browser.type(By.id(prefix + "nextAction"), "Ask Alice whether the new release fixed it");
		browser.type(By.id(prefix + "due"), "31");
		browser.type(By.id(prefix + "dueMonth"), "2");
		browser.type(By.id(prefix + "dueYear"), "2025");
		browser.clickButton(card, "Save next action #" + id);
		assertThat(browser.title()).startsWith("Error: Weekly review");
		assertThat(browser.find(By.id(prefix + "due-error")).getText())
			.contains("The day to follow up on must be a real date");
		assertThat(browser.find(By.id(prefix + "nextAction")).getAttribute("value"))
			.isEqualTo("Ask Alice whether the new release fixed it");
		browser.checkPage("review-03-weekly-error");

		browser.type(By.id(prefix + "due"), "13");
		browser.type(By.id(prefix + "dueMonth"), "8");
		browser.clickButton(card, "Save next action #" + id);
		assertThat(flash(browser)).isEqualTo("Follow-up saved on ticket #" + id + ".");
		assertThat(browser.url()).endsWith("/reviews/weekly#ticket-" + id);
		assertThat(browser.find(By.id("next-action-" + id)).getText())
			.contains("Ask Alice whether the new release fixed it", "follow up on 13 August 2025");
		browser.checkPage("review-04-weekly-saved");
		shot("weekly");
		narrow("weekly-320");

		browser.open("/reviews/follow-up?ticket=" + id);
		assertThat(browser.heading()).isEqualTo("Follow-up");
		assertThat(browser.find(By.id("follow-up-now")).getText())
			.contains("Ask Alice whether the new release fixed it", "13 August 2025", "Alex Agent");
		browser.checkPage("review-05-follow-up");
		shot("follow-up");

		browser.open("/tickets/" + id);
		assertThat(browser.find(By.id("follow-up")).getText()).contains("Ask Alice whether the new release fixed it");
		shot("ticket-panel");
	}

	@Test
	void anAgentGivesASecurityTicketToTheSpecialistWithAFollowUpThatComesBackWhenOverdue() {
		now("2025-09-01T10:00");
		Person alice = this.directory.findPersonByEmail(ALICE).orElseThrow();
		String subject = "Pen test findings " + BrowserTestSupport.unique();
		long id = this.tickets.create(alice, TestData.question(subject), List.of());

		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/tickets/" + id);
		browser.type(By.id("followUp-nextAction"), "Sam checks the pen test report and answers Alice");
		browser.type(By.id("followUp-due"), "3");
		browser.type(By.id("followUp-dueMonth"), "9");
		browser.type(By.id("followUp-dueYear"), "2025");
		new Select(browser.find(By.id("followUp-specialist")))
			.selectByVisibleText("Sam Specialist (Security specialists)");
		browser.clickButton(By.id("follow-up"), "Set the follow-up");
		assertThat(flash(browser)).isEqualTo("Follow-up saved on ticket #" + id + ".");
		assertThat(browser.find(By.id("follow-up")).getText()).contains("Sam checks the pen test report",
				"Sam Specialist");
		assertThat(browser.text()).contains("Assigned to Sam Specialist");
		browser.checkPage("review-06-specialist");

		// two days after the follow-up day, the daily review brings it back
		now("2025-09-05T09:30");
		browser.open("/reviews/daily");
		assertThat(browser.find(By.id("follow-ups-due")).getText()).contains(subject, "Sam Specialist");
		browser.checkPage("review-07-follow-up-overdue");
	}

	private void now(String londonTime) {
		this.clock.set(LocalDateTime.parse(londonTime).atZone(ZoneId.of("Europe/London")).toInstant());
	}

	/**
	 * A picture of the page for people to look at, as /tmp/review-NAME.png.
	 */
	private void shot(String name) {
		Path picture = this.browser.screenshot("review-" + name);
		try {
			Files.copy(picture, Path.of("/tmp", "review-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The page on a 320 px wide screen: it may scroll down, not across.
	 */
	private void narrow(String name) {
		Dimension size = this.browser.driver().manage().window().getSize();
		this.browser.driver().manage().window().setSize(new Dimension(320, 900));
		try {
			Object overflow = ((JavascriptExecutor) this.browser.driver())
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
			shot(name);
			assertThat(((Number) overflow).intValue()).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(0);
		}
		finally {
			this.browser.driver().manage().window().setSize(size);
		}
	}

}
