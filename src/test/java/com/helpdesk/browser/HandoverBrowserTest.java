package com.helpdesk.browser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
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
 * Monday 09:45: the on-call engineer sees the morning handover is due on every page (a
 * colleague on neither side does not), writes it from the weekend's summary (forgetting
 * the notes at first) whose ticket numbers link to the tickets, is not offered to
 * acknowledge it, and the day engineer, seeing it unacknowledged, reads and acknowledges
 * it.
 */
@IntegrationTest
class HandoverBrowserTest {

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
	MovableClock clock;

	@Autowired
	com.helpdesk.ticket.TicketService tickets;

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
	void theOnCallEngineerWritesTheMorningHandoverAndTheDayEngineerAcknowledgesIt() {
		Person onCall = this.data.agent();
		Person dayEngineer = this.data.agent();
		long calendar = this.rotaFixture.teamHours();
		String rota = TestData.unique("Handover on call");
		this.rotas.create(
				new RotaCommand(rota, RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL, "Europe/London",
						LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), calendar, null, true, false,
						List.of(new PositionCommand("On call", 1, 1, 0, List.of(onCall.id(), dayEngineer.id())))),
				null);
		this.rotas.create(new RotaCommand(TestData.unique("Handover day team"), RotaTemplate.WEEKLY_PAIR,
				RotaDuty.FIRST_LINE, "Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), calendar, null,
				false, false, List.of(new PositionCommand("Support", 1, 1, 0, List.of(dayEngineer.id())))), null);
		Person bystander = this.data.agent();
		this.clock.set(LocalDateTime.parse("2027-01-09T03:00").atZone(ZoneId.of("Europe/London")).toInstant());
		String weekend = TestData.unique("Weekend outage");
		long raised = this.tickets.create(this.data.requester(this.data.client()), TestData.question(weekend),
				List.of());
		this.clock.set(LocalDateTime.parse("2027-01-11T09:45").atZone(ZoneId.of("Europe/London")).toInstant());
		By strip = By.xpath("//p[contains(@class,'app-onduty__handover')]/a[contains(., '" + rota + "')]");

		Browser browser = this.browser;
		browser.signIn(bystander.email(), TestData.PASSWORD);
		assertThat(browser.find(By.cssSelector(".app-onduty")).getText()).contains("First line:", "On call:");
		assertThat(browser.findAll(strip)).as("a handover is shown only to the people it concerns").isEmpty();
		browser.signOut();

		browser.signIn(onCall.email(), TestData.PASSWORD);
		assertThat(browser.find(strip).getText()).startsWith("Morning: on call to the day team").endsWith("Due now");
		browser.clickAndWaitForNewPage(browser.find(strip));
		assertThat(browser.heading()).isEqualTo("Morning: on call to the day team");
		assertThat(browser.find(By.id("handover-summary")).getText()).contains("Tickets raised",
				"Critical tickets and incidents still open", "Out-of-hours pages", "SLA breaches");
		browser.clickButton("Write the handover");
		assertThat(browser.title()).startsWith("Error: ");
		assertThat(browser.find(By.id("notes-error")).getText())
			.contains("Write what the people coming on need to know");
		browser.checkPage("handover-01-error");
		browser.type(By.id("notes"), "Quiet weekend. The shop's disk is at 85%: keep an eye on it.");
		browser.clickButton("Write the handover");
		assertThat(flash(browser)).startsWith("Handover written.");
		assertThat(browser.find(By.id("handover-status")).getText()).isEqualTo("Not acknowledged");
		assertThat(browser.findAll(By.xpath("//button[normalize-space()='Acknowledge']")))
			.as("the writer is not offered to acknowledge their own handover")
			.isEmpty();
		assertThat(browser.find(By.id("acknowledge-rule")).getText()).contains("Waiting for someone coming on");
		assertThat(browser.find(By.cssSelector("#handover-summary a[href='/tickets/" + raised + "']")).getText())
			.isEqualTo("#" + raised);
		browser.checkPage("handover-02-written");
		browser.signOut();

		browser.signIn(onCall.email(), TestData.PASSWORD);
		assertThat(browser.findAll(strip)).as("written: nothing more for the writer to do").isEmpty();
		browser.signOut();

		browser.signIn(dayEngineer.email(), TestData.PASSWORD);
		assertThat(browser.find(strip).getText()).endsWith("Not acknowledged");
		browser.clickAndWaitForNewPage(browser.find(strip));
		assertThat(browser.find(By.id("handover-notes")).getText()).contains("The shop's disk is at 85%");
		browser.clickButton("Acknowledge");
		assertThat(flash(browser)).isEqualTo("Handover acknowledged.");
		assertThat(browser.find(By.id("handover-status")).getText()).isEqualTo("Acknowledged");
		assertThat(browser.text()).contains("Acknowledged by " + dayEngineer.name());

		browser.open("/rotas/handovers");
		assertThat(browser.find(By.id("handovers")).getText()).contains("Acknowledged");
		browser.checkPage("handover-03-list");
	}

}
