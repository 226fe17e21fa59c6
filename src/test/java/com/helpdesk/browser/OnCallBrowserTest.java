package com.helpdesk.browser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.flash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At two in the morning a 24/7 client raises a critical ticket; the on-call engineer
 * finds the page in their notifications, opens the ticket, sees who was paged and who to
 * escalate to, and says "I'm on it", which stops the escalation.
 */
@IntegrationTest
class OnCallBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	com.helpdesk.support.RotaFixture rotaFixture;

	@Autowired
	Rotas rotas;

	@Autowired
	Directory directory;

	@Autowired
	TicketService tickets;

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
	void theOnCallEngineerFindsThePageOpensTheTicketAndAcknowledgesIt() {
		Person ann = this.data.agent();
		Person bob = this.data.agent();
		long tier1 = this.directory.defaultIntakeGroup().orElseThrow().id();
		long calendar = this.rotaFixture.teamHours();
		this.rotas.create(new RotaCommand(TestData.unique("Night cover"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
				"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), calendar, tier1, true, false,
				List.of(new PositionCommand("On call", 1, 1, 0, List.of(ann.id(), bob.id())))), null);
		Person requester = this.rotaFixture.allHoursRequester();
		this.clock.set(LocalDateTime.parse("2027-01-09T02:00").atZone(ZoneId.of("Europe/London")).toInstant());
		String subject = TestData.unique("Checkout down");
		long id = this.tickets.create(requester, new NewTicket(RequestType.QUESTION, subject, "Nobody can pay",
				"Cleared the cache", Priority.CRITICAL, RequestDetails.none(), null), List.of());

		Browser browser = this.browser;
		browser.signIn(ann.email(), TestData.PASSWORD);
		browser.open("/notifications");
		assertThat(browser.text()).contains("Out of hours, you are on call: #" + id + " " + subject);
		// the notice names its ticket, which links to it
		browser.clickLink("#" + id + " " + subject);
		assertThat(browser.path()).isEqualTo("/tickets/" + id);
		assertThat(browser.find(By.id("pages")).getText()).contains(ann.name(), "on call", "Not acknowledged yet");
		assertThat(browser.find(By.id("escalate-to")).getText()).contains("Night cover", ann.name());
		browser.checkPage("oncall-01-paged-ticket");
		// paged out of hours on a phone, "I'm on it" is in the first screen
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
		browser.open("/tickets/" + id);
		Number ackTop = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
				"return [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === \"I'm on it\")"
						+ ".getBoundingClientRect().bottom");
		Number screen = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return window.innerHeight");
		assertThat(ackTop.doubleValue()).as("I'm on it without scrolling on a phone").isLessThan(screen.doubleValue());
		browser.screenshot("oncall-01b-paged-ticket-phone");
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

		browser.clickButton("I'm on it");
		assertThat(flash(browser)).isEqualTo("Acknowledged: the page will not escalate.");
		assertThat(browser.find(By.id("pages")).getText()).contains("Acknowledged");
		assertThat(browser.findAll(By.xpath("//button[normalize-space()=\"I'm on it\"]"))).isEmpty();

		// the time spent, for the on-call hours report, logged later that night
		this.clock.set(LocalDateTime.parse("2027-01-09T02:50").atZone(ZoneId.of("Europe/London")).toInstant());
		browser.type(By.id("minutes"), "0");
		browser.clickButton("Log time");
		assertThat(browser.title()).as("the ticket page, with the problem").startsWith("Error: #" + id);
		assertThat(browser.find(By.id("minutes-error")).getText()).contains("from 1 to 720");
		browser.checkPage("oncall-02-time-error");
		browser.type(By.id("minutes"), "40");
		browser.clickButton("Log time");
		assertThat(flash(browser)).isEqualTo("Time logged: 40 minutes.");
		assertThat(browser.find(By.id("pages")).getText()).contains(ann.name() + " logged 40 minutes");
	}

	@Test
	void aCriticalRequestRaisedAtNightIsReceivedWithThePageAndTheFirstReplyDueTime() {
		Person ann = this.data.agent();
		long tier1 = this.directory.defaultIntakeGroup().orElseThrow().id();
		this.rotas.create(new RotaCommand(TestData.unique("Night receipt"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
				"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), this.rotaFixture.teamHours(), tier1,
				true, false, List.of(new PositionCommand("On call", 1, 1, 0, List.of(ann.id())))), null);
		Person requester = this.rotaFixture.allHoursRequester();
		this.clock.set(LocalDateTime.parse("2027-01-09T02:00").atZone(ZoneId.of("Europe/London")).toInstant());

		Browser browser = this.browser;
		browser.signIn(requester.email(), TestData.PASSWORD);
		browser.clickLink("New request");
		browser.find(By.xpath("//label[normalize-space()='Ask a question']")).click();
		browser.clickButton("Continue");
		browser.type(By.id("subject"), TestData.unique("Payments fail"));
		browser.type(By.id("description"), "Every payment fails since two o'clock.");
		browser.type(By.id("alreadyTried"), "Restarted the payment service.");
		String critical = browser.findPresent(By.cssSelector("input[name=priority][value=CRITICAL]"))
			.getAttribute("id");
		browser.find(By.cssSelector("label[for='" + critical + "']")).click();
		browser.clickButton("Send request");
		String receipt = "Your request is critical and arrived out of hours, so we have paged our on-call engineer. "
				+ "Expect a first reply by 02:30 GMT on Saturday 9 January 2027.";
		assertThat(flash(browser)).contains("sent. " + receipt);
		assertThat(browser.find(By.id("receipt")).getText()).isEqualTo(receipt);
		browser.checkPage("oncall-03-receipt");
	}

}
