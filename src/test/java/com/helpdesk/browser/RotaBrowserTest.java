package com.helpdesk.browser;

import java.util.List;

import com.helpdesk.directory.Person;
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
 * Rotas through the pages: an administrator sets up a staggered-pairs rota from its
 * template (leaving out its people first), and an engineer sees who is on now on every
 * page, reads a rota's month, and joins and leaves the opt-in on-call rota from their
 * shifts page.
 */
@IntegrationTest
class RotaBrowserTest {

	static final String ADMIN = "admin@helpdesk.test";

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	com.helpdesk.rota.Rotas rotas;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void anAdministratorSetsUpAStaggeredPairsRotaFromItsTemplate() {
		Browser browser = this.browser;
		String name = "Experts pairs " + BrowserTestSupport.unique();
		Person first = this.data.agent();
		Person second = this.data.agent();
		Person third = this.data.agent();

		browser.signIn(ADMIN);
		browser.clickLink("Rotas");
		assertThat(browser.heading()).isEqualTo("Rotas");
		browser.open("/admin");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("main a[href='/admin/rotas']")));
		assertThat(browser.path()).isEqualTo("/admin/rotas");
		assertThat(browser.text()).contains("First-line support", "Out-of-hours on call");
		browser.checkPage("rota-01-admin-list");

		browser.clickLink("Add a rota");
		assertThat(browser.heading()).isEqualTo("Which pattern does the rota follow?");
		browser.find(By.cssSelector("label[for='template-STAGGERED_PAIRS']")).click();
		browser.checkPage("rota-02-templates");
		browser.clickButton("Continue");
		assertThat(browser.heading()).isEqualTo("Add a rota");
		assertThat(browser.find(By.id("positions[0].name")).getAttribute("value")).isEqualTo("Support pair");
		assertThat(browser.find(By.id("positions[0].stintWeeks")).getAttribute("value")).isEqualTo("2");
		assertThat(browser.find(By.id("positions[0].everyWeeks")).getAttribute("value")).isEqualTo("1");

		// nobody on it yet
		browser.type(By.id("name"), name);
		browser.clickButton("Create the rota");
		assertThat(browser.title()).startsWith("Error: Add a rota");
		List<WebElement> links = browser.findAll(By.cssSelector(".govuk-error-summary__list a"));
		assertThat(links).extracting(WebElement::getText)
			.containsExactly("Choose who is on this position: a shift with no one on it is not allowed");
		assertThat(browser.find(By.id("positions[0].members-error")).getText())
			.contains("a shift with no one on it is not allowed");
		assertThat(browser.find(By.id("name")).getAttribute("value")).as("what was typed is kept").isEqualTo(name);
		browser.checkPage("rota-03-form-errors");

		browser.type(turn(first), "1");
		browser.type(turn(second), "2");
		browser.type(turn(third), "3");
		browser.clickButton("Create the rota");
		assertThat(flash(browser)).isEqualTo("Rota \"" + name + "\" created.");
		assertThat(browser.heading()).isEqualTo(name);
		assertThat(browser.text()).contains("Staggered pairs",
				first.name() + ", " + second.name() + ", " + third.name());
		browser.checkPage("rota-04-admin-detail");

		browser.clickLink("See the rota month by month");
		assertThat(browser.heading()).isEqualTo(name);
		assertThat(browser.find(By.id("rota-month")).getText()).contains(first.name());
		browser.checkPage("rota-05-month");
	}

	@Test
	void anEngineerSeesWhoIsOnAndJoinsAndLeavesTheOnCallRota() {
		Browser browser = this.browser;
		Person engineer = this.data.agent();
		browser.signIn(engineer.email(), TestData.PASSWORD);

		// who is on now, under the header of every staff page
		WebElement strip = browser.find(By.cssSelector(".app-onduty"));
		assertThat(strip.getText()).contains("First line:", "On call:", "All rotas");
		browser.clickLink("Rotas");
		assertThat(browser.heading()).isEqualTo("Rotas");
		assertThat(browser.text()).contains("On now", "Platform experts pairs", "Cloud platform sub-team");
		browser.checkPage("rota-06-on-now");

		browser.clickLink("First-line support");
		assertThat(browser.heading()).isEqualTo("First-line support");
		assertThat(browser.find(By.id("rota-month")).getText()).contains("Developer", "Ops engineer");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("a[rel='next']")));
		assertThat(browser.heading()).isEqualTo("First-line support");

		browser.clickLink("Rotas");
		browser.clickLink("Your shifts");
		assertThat(browser.heading()).isEqualTo("Your shifts");
		assertThat(browser.text()).contains("You have no shifts coming up.", "You are not on this rota.");
		browser.clickButton("Join Out-of-hours on call");
		assertThat(flash(browser)).startsWith("You joined Out-of-hours on call");
		assertThat(browser.find(By.id("my-shifts")).getText()).contains("Out-of-hours on call", "On call");
		browser.checkPage("rota-07-my-shifts");

		browser.clickButton("Leave Out-of-hours on call");
		assertThat(flash(browser)).startsWith("You left Out-of-hours on call");
		assertThat(browser.text()).contains("You are not on this rota.");
	}

	@Test
	void anEngineerMarksLeaveAndTheManagerArrangesTheSuggestedCover() {
		Browser browser = this.browser;
		Person ann = this.data.agent();
		Person bob = this.data.agent();
		java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
		java.time.LocalDate start = java.time.LocalDate.now(london)
			.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.WEDNESDAY));
		String name = "Leave test " + BrowserTestSupport.unique();
		long rotaId = this.rotas.create(new com.helpdesk.rota.RotaCommand(name, com.helpdesk.rota.RotaTemplate.CUSTOM,
				com.helpdesk.rota.RotaDuty.FIRST_LINE, "Europe/London", start, java.time.LocalTime.of(10, 0), null,
				null, false, false, List.of(new com.helpdesk.rota.RotaCommand.PositionCommand("On support", 1, 1, 0,
						List.of(bob.id(), ann.id())))),
				null);
		// Ann's turn is the second week: away on its Thursday and Friday
		java.time.LocalDate thursday = start.plusWeeks(1).plusDays(1);

		browser.signIn(ann.email(), TestData.PASSWORD);
		browser.open("/rotas/mine");
		typeDate(browser, "firstDay", thursday.plusDays(1));
		typeDate(browser, "lastDay", thursday);
		browser.type(By.id("note"), "Family wedding");
		browser.clickButton("Mark days away");
		assertThat(browser.title()).startsWith("Error: Your shifts");
		assertThat(browser.find(By.id("lastDay-error")).getText())
			.contains("The last day must be the same as or after the first day");
		browser.checkPage("rota-08-leave-error");
		typeDate(browser, "firstDay", thursday);
		typeDate(browser, "lastDay", thursday.plusDays(1));
		browser.clickButton("Mark days away");
		assertThat(flash(browser)).startsWith("Leave marked");
		assertThat(browser.find(By.id("my-leave")).getText()).contains("Family wedding");
		browser.signOut();

		browser.signIn("manager@helpdesk.test");
		browser.open("/rotas/" + rotaId + "?month=" + java.time.YearMonth.from(thursday));
		WebElement clash = browser.find(By.id("clashes"));
		assertThat(clash.getText()).contains(ann.name(), "Suggested cover: " + bob.name());
		browser.checkPage("rota-09-clash");
		browser.clickLink("Arrange this cover");
		assertThat(browser.find(By.id("cover-personId")).getAttribute("value")).isEqualTo(String.valueOf(bob.id()));
		browser.find(By.id("cover-reason")).sendKeys("Ann at a wedding");
		browser.clickButton("Arrange cover");
		assertThat(flash(browser)).isEqualTo("Cover arranged.");
		assertThat(browser.find(By.id("rota-month")).getText()).contains("covering for " + ann.name());
		browser.checkPage("rota-10-covered");
	}

	@Test
	void theManagerReadsLastMonthsOnCallHoursDownloadsThemAndSignsThemOff() throws Exception {
		Browser browser = this.browser;
		browser.signIn("manager@helpdesk.test");
		browser.clickLink("Rotas");
		browser.clickLink("On-call hours");
		assertThat(browser.heading()).isEqualTo("On-call hours");
		java.time.YearMonth last = java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).minusMonths(1);
		assertThat(browser.path()).isEqualTo("/rotas/hours");
		// the demo on-call rota has run for eight weeks: Tom, Alex and Erin took turns
		// last month
		WebElement table = browser.find(By.id("hours"));
		assertThat(table.getText()).contains("Tom Okafor", "Alex Agent", "Erin Expert");
		assertThat(browser.find(By.id("sign-off-status")).getText()).startsWith("Not signed off yet");
		browser.checkPage("rota-11-hours");

		String href = browser.find(By.linkText("Download as CSV")).getAttribute("href");
		java.net.http.HttpResponse<String> csv = browser.fetch(href);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
			.contains("oncall-hours-" + last + ".csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0))
			.isEqualTo("month,person,email,weekday_out_of_hours,weekend,bank_holiday,total,incidents,incident_hours,"
					+ "signed_off_by,signed_off_at");
		// each row of the page is a line of the CSV with the same figures
		List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
		assertThat(lines).hasSize(rows.size() + 1);
		for (WebElement row : rows) {
			List<String> cells = row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
			assertThat(lines).anyMatch((line) -> line.startsWith(last + "," + cells.get(0) + ",") && line
				.contains("," + cells.get(1) + "," + cells.get(2) + "," + cells.get(3) + "," + cells.get(4) + ","));
		}

		browser.clickButton("Sign off "
				+ java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK).format(last.atDay(1)));
		assertThat(flash(browser)).startsWith("On-call hours for");
		assertThat(browser.find(By.id("sign-off-status")).getText()).startsWith("Signed off by Morgan Manager");
		assertThat(browser.findAll(By.xpath("//button[starts-with(normalize-space(), 'Sign off')]"))).isEmpty();
		assertThat(browser.fetch(href).body()).contains("Morgan Manager");
	}

	private static void typeDate(Browser browser, String field, java.time.LocalDate date) {
		browser.type(By.name(field + "Day"), String.valueOf(date.getDayOfMonth()));
		browser.type(By.name(field + "Month"), String.valueOf(date.getMonthValue()));
		browser.type(By.name(field + "Year"), String.valueOf(date.getYear()));
	}

	private static By turn(Person person) {
		return By.xpath("//tr[td/label[normalize-space()='" + person.name() + "']]//input");
	}

}
