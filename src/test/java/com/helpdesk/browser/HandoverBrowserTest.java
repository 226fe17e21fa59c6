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
 * Monday 09:45: the on-call engineer sees the morning handover is due on every page,
 * writes it from the weekend's summary (forgetting the notes at first), and the day
 * engineer, seeing it unacknowledged, reads and acknowledges it.
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
		this.clock.set(LocalDateTime.parse("2027-01-11T09:45").atZone(ZoneId.of("Europe/London")).toInstant());
		By strip = By.xpath("//p[contains(@class,'app-onduty__handover')]/a[contains(., '" + rota + "')]");

		Browser browser = this.browser;
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
		browser.checkPage("handover-02-written");
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
