package com.helpdesk.browser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.helpdesk.browser.BrowserTestSupport.AGENT;
import static com.helpdesk.browser.BrowserTestSupport.ALICE;
import static com.helpdesk.browser.BrowserTestSupport.select;
import static com.helpdesk.browser.BrowserTestSupport.selected;
import static com.helpdesk.browser.BrowserTestSupport.ticketDetail;
import static com.helpdesk.browser.BrowserTestSupport.ticketNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What people see when they get something wrong, or type something nasty: GOV.UK error
 * summaries that link to the fields, messages next to the fields, "Error:" in the title,
 * nothing half-saved, and markup shown as text.
 */
@IntegrationTest
class BadInputBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void anEmptyBugFormShowsEachProblemAndCreatesNothing() {
		Browser browser = this.browser;
		browser.signIn(ALICE);
		int listedBefore = browser.findAll(By.cssSelector("table.app-queue tbody tr")).size();
		long ticketsBefore = ticketCount();

		browser.open("/requests/new?type=BUG&chosen=yes");
		assertThat(browser.heading()).isEqualTo("Report a bug");
		browser.clickButton("Send request");

		assertThat(browser.title()).startsWith("Error: Report a bug");
		WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
		assertThat(summary.findElement(By.cssSelector(".govuk-error-summary__title")).getText())
			.isEqualTo("There is a problem");
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("subject", "Enter a summary");
		expected.put("description", "Enter a description");
		expected.put("stepsToReproduce", "Enter the steps to reproduce the bug");
		expected.put("expectedOutcome", "Enter what you expected to happen");
		expected.put("actualOutcome", "Enter what happened instead");
		expected.put("alreadyTried",
				"Tell us what you have already tried, or say that you have not tried anything yet");
		Map<String, String> linked = new LinkedHashMap<>();
		for (WebElement link : summary.findElements(By.cssSelector(".govuk-error-summary__list a"))) {
			String href = link.getAttribute("href");
			linked.put(href.substring(href.indexOf('#') + 1), link.getText());
		}
		assertThat(linked).as("the error summary links each field to its message").isEqualTo(expected);
		for (Map.Entry<String, String> field : expected.entrySet()) {
			String id = field.getKey();
			WebElement input = browser.find(By.id(id));
			WebElement message = browser.find(By.id(id + "-error"));
			assertThat(textOf(message)).as("message next to %s", id).isEqualTo("Error: " + field.getValue());
			assertThat(input.getAttribute("aria-describedby")).as("%s is described by its message", id)
				.contains(id + "-error");
			assertThat(input.findElement(By.xpath("ancestor::div[contains(@class,'govuk-form-group')][1]"))
				.getAttribute("class")).contains("govuk-form-group--error");
		}
		browser.checkPage("bad-input-01-empty-bug-form");

		summary.findElement(By.cssSelector("a[href='#description']")).click();
		browser.waitUntil((driver) -> "description".equals(driver.switchTo().activeElement().getAttribute("id")));

		assertThat(ticketCount()).as("no ticket was saved").isEqualTo(ticketsBefore);
		browser.open("/requests");
		assertThat(browser.findAll(By.cssSelector("table.app-queue tbody tr"))).as("her list did not grow")
			.hasSize(listedBefore);
	}

	@Test
	void movingATicketToAnotherGroupWithoutAReasonShowsTheErrorNextToTheReason() {
		String subject = "Escalate me " + BrowserTestSupport.unique();
		long number = this.tickets.create(requester(), TestData.question(subject), List.of());

		Browser browser = this.browser;
		browser.signIn(AGENT);
		browser.open("/tickets/" + number);
		assertThat(ticketDetail(browser, "Group")).isEqualTo("Tier 1");
		select(browser, By.id("group"), "Platform experts");
		browser.clickButton(By.id("triage"), "Save changes");

		assertThat(browser.title()).startsWith("Error: #" + number + " " + subject);
		List<WebElement> summaries = browser.findAll(By.cssSelector(".govuk-error-summary"));
		assertThat(summaries).as("one error summary, at the top of the page").hasSize(1);
		WebElement summary = summaries.get(0);
		assertThat(summary.getText()).contains("There is a problem")
			.contains("Enter why the ticket is moving to another group");
		assertThat(summary.findElement(By.linkText("Enter why the ticket is moving to another group"))
			.getAttribute("href")).endsWith("#reason");
		assertThat(textOf(browser.find(By.id("reason-error"))))
			.isEqualTo("Error: Enter why the ticket is moving to another group");
		assertThat(browser.find(By.id("reason")).getAttribute("aria-describedby")).contains("reason-error");
		assertThat(selected(browser, By.id("group"))).as("the group chosen is kept").isEqualTo("Platform experts");
		assertThat(ticketDetail(browser, "Group")).as("the ticket did not move").isEqualTo("Tier 1");
		assertThat(browser.findAll(By.cssSelector("#composer .govuk-error-message")))
			.as("the composer shows no errors of its own")
			.isEmpty();
		browser.checkPage("bad-input-02-escalation-without-reason");
	}

	@Test
	void aScriptTypedIntoTheSummaryIsShownAsTextToTheAgent() {
		String script = "<script>alert(1)</script>";
		String subject = script + " hello " + BrowserTestSupport.unique();

		Browser browser = this.browser;
		browser.signIn(ALICE);
		browser.open("/requests/new?type=QUESTION&chosen=yes");
		browser.type(By.id("subject"), subject);
		browser.type(By.id("description"), "Does <b>this</b> show as bold? " + script);
		browser.type(By.id("alreadyTried"), "Nothing yet");
		browser.clickButton("Send request");
		long number = ticketNumber(browser);
		assertThat(browser.heading()).isEqualTo(subject);
		assertNoAlert(browser);
		browser.signOut();

		browser.signIn(AGENT);
		browser.open("/tickets/" + number);
		assertNoAlert(browser);
		assertThat(browser.heading()).isEqualTo(subject);
		assertThat(browser.title()).contains(subject);
		assertThat(browser.source()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<b>this</b>");
		Object injected = ((JavascriptExecutor) browser.driver())
			.executeScript("return Array.from(document.scripts).some((s) => s.textContent.includes('alert(1)'))");
		assertThat(injected).as("no script element made of what was typed").isEqualTo(false);
		assertThat(browser.findAll(By.cssSelector("main b"))).as("no markup made of what was typed").isEmpty();
		browser.screenshot("bad-input-03-script-in-summary");
	}

	private void assertNoAlert(Browser browser) {
		try {
			new WebDriverWait(browser.driver(), Duration.ofSeconds(2)).until(ExpectedConditions.alertIsPresent());
		}
		catch (TimeoutException ex) {
			return;
		}
		String text = browser.driver().switchTo().alert().getText();
		browser.driver().switchTo().alert().dismiss();
		fail("An alert fired on " + browser.url() + ": " + text);
	}

	/**
	 * The text of an element as a screen reader reads it, visually hidden parts included.
	 */
	private static String textOf(WebElement element) {
		return element.getAttribute("textContent").strip().replaceAll("\\s+", " ");
	}

	private Person requester() {
		return this.data.requester(this.data.client());
	}

	private long ticketCount() {
		return this.jdbc.sql("select count(*) from ticket").query(Long.class).single();
	}

}
