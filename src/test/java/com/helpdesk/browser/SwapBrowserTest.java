package com.helpdesk.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.rota.Shift;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.flash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engineers swap weeks on first-line support through the pages: the first asks (and
 * forgets to choose a week at first), the colleague is told, accepts, and the rota shows
 * the swap.
 */
@IntegrationTest
class SwapBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	Rotas rotas;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void anEngineerAsksForASwapAndTheColleagueAcceptsIt() {
		Browser browser = this.browser;
		Person priya = this.data.agent();
		Person tom = this.data.agent();
		String name = "Support " + BrowserTestSupport.unique();
		LocalDate start = LocalDate.now(ZoneId.of("Europe/London"))
			.minusWeeks(1)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
		long rotaId = this.rotas.create(new RotaCommand(name, RotaTemplate.CUSTOM, RotaDuty.FIRST_LINE, "Europe/London",
				start, LocalTime.of(10, 0), null, null, false, false,
				List.of(new PositionCommand("Engineer", 1, 1, 0, List.of(priya.id(), tom.id())))), null);
		Rota rota = this.rotas.get(rotaId);
		// Priya's and Tom's next weeks, both still to come
		Shift priyas = nextOf(rota, priya);
		Shift toms = nextOf(rota, tom);

		// 1. Priya asks to swap her next week
		browser.signIn(priya.email(), TestData.PASSWORD);
		browser.clickLink("Rotas");
		browser.clickLink("Your shifts");
		WebElement row = browser.find(By.xpath("//table[@id='my-shifts']//tr[td/a[normalize-space()='" + name + "']]"));
		assertThat(row.getText()).contains("Engineer");
		// her first shift still to come (one under way, as on a Wednesday before 10:00,
		// has
		// no link)
		browser.clickAndWaitForNewPage(browser.find(By.xpath("(//table[@id='my-shifts']//tr[td/a[normalize-space()='"
				+ name + "']]//a[starts-with(normalize-space(), 'Ask to swap')])[1]")));
		assertThat(browser.heading()).isEqualTo("Ask to swap a shift");
		browser.checkPage("swap-01-ask");

		// forgetting to choose what she wants in return
		browser.clickButton("Send the request");
		assertThat(browser.title()).startsWith("Error: Ask to swap a shift");
		assertThat(browser.find(By.id("colleague-error")).getText())
			.contains("Choose a colleague's shift, or offer yours to anyone on the rota");
		browser.checkPage("swap-02-ask-error");

		browser.find(By.xpath("//label[starts-with(normalize-space(), '" + tom.name() + ":')]")).click();
		browser.type(By.id("note"), "Could we swap? I am away that week.");
		browser.clickButton("Send the request");
		assertThat(flash(browser)).isEqualTo("Swap request sent.");
		assertThat(browser.find(By.id("swaps")).isDisplayed()).isTrue();
		assertThat(browser.text()).contains("Waiting for an answer", "Could we swap? I am away that week.");
		browser.checkPage("swap-03-requested");
		browser.signOut();

		// 2. Tom is told, and accepts
		browser.signIn(tom.email(), TestData.PASSWORD);
		browser.open("/notifications");
		assertThat(browser.text()).contains(priya.name() + " asks you to swap");
		browser.clickAndWaitForNewPage(browser.find(By.xpath("//a[contains(normalize-space(), 'asks you to swap')]")));
		assertThat(browser.path()).isEqualTo("/rotas/mine");
		browser.clickButton("Accept " + priya.name() + " " + at(browser, priyas));
		assertThat(flash(browser)).isEqualTo("Swap made: the rota shows it.");
		assertThat(browser.text()).contains("Swapped");
		String mine = browser.find(By.id("my-shifts")).getText();
		assertThat(mine).contains(shortDate(priyas));
		browser.checkPage("swap-04-accepted");

		// 3. The rota shows it
		Rota after = this.rotas.get(rotaId);
		assertThat(after.stint(after.positions().get(0), priyas.stint()).orElseThrow().personId()).isEqualTo(tom.id());
		assertThat(after.stint(after.positions().get(0), toms.stint()).orElseThrow().personId()).isEqualTo(priya.id());
	}

	private static Shift nextOf(Rota rota, Person person) {
		java.time.Instant now = java.time.Instant.now();
		return rota.shifts(now, now.plus(java.time.Duration.ofDays(28)))
			.stream()
			.filter((s) -> s.personId() == person.id() && s.start().isAfter(now))
			.findFirst()
			.orElseThrow();
	}

	/** How the pages write an instant, for the signed-in person in London. */
	private static String at(Browser browser, Shift shift) {
		java.time.ZonedDateTime local = shift.start().atZone(ZoneId.of("Europe/London"));
		return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.UK).format(local)
				+ " " + java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.US).format(local);
	}

	private static String shortDate(Shift shift) {
		return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
			.format(shift.start().atZone(ZoneId.of("Europe/London")));
	}

}
