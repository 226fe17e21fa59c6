package com.helpdesk.browser;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helpdesk.calendar.CalendarView;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.Holiday;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.PlanSla;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.SlaTarget;
import com.helpdesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.flash;
import static com.helpdesk.browser.BrowserTestSupport.row;
import static com.helpdesk.browser.BrowserTestSupport.select;
import static com.helpdesk.browser.BrowserTestSupport.selected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator sets up service levels through the pages only: a business calendar
 * (mistyped hours first, then a holiday of their own, a mistyped holiday, and the shipped
 * bank holidays), then a plan counting it, with its targets typed into the grid (a
 * mistyped one first), then changes one target. Every form is screenshotted and checked
 * for accessibility.
 */
@IntegrationTest
class PlanAndCalendarBrowserTest {

	static final String ADMIN = "admin@helpdesk.test";

	static final String WEEKDAY_HOURS = "09:00-17:00";

	static final String HOURS_ERROR = "Enter hours like 10:00-18:00, with intervals separated by commas";

	static final String TARGET_ERROR = "Enter a time like 4h, 30m or 2d, or eod for the end of the business day";

	static final Pattern ID = Pattern.compile("/admin/(?:calendars|plans)/(\\d+)$");

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	Calendars calendars;

	@Autowired
	SlaPolicies policies;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void anAdministratorAddsACalendarAndAPlanOnItThroughThePages() {
		Browser browser = this.browser;
		String token = BrowserTestSupport.unique();
		String calendarName = "Leeds office hours " + token;
		// sorts after "Default", so the plan other tests' clients get stays Default
		String planName = "Team plan " + token;

		// 1. Administration → Business calendars → Add a calendar
		browser.signIn(ADMIN);
		assertThat(browser.path()).isEqualTo("/admin");
		browser.clickLink("Business calendars");
		assertThat(browser.heading()).isEqualTo("Business calendars");
		browser.clickLink("Add a calendar");
		assertThat(browser.heading()).isEqualTo("Add a calendar");
		assertThat(browser.title()).startsWith("Add a calendar");
		browser.checkPage("calendar-01-new");

		// 2. Hours typed as people say them, "9-5": refused next to the day
		browser.type(By.id("name"), calendarName);
		select(browser, By.id("timeZone"), "Europe/London");
		for (String day : List.of("TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
			browser.type(By.id("hours-" + day), WEEKDAY_HOURS);
		}
		browser.type(By.id("hours-MONDAY"), "9-5");
		browser.find(By.id("hours-SATURDAY")).clear();
		browser.find(By.id("hours-SUNDAY")).clear();
		browser.clickButton("Save");
		assertThat(browser.path()).isEqualTo("/admin/calendars");
		assertThat(browser.title()).startsWith("Error: Add a calendar");
		assertThat(errorSummaryLinks(browser)).containsExactly(HOURS_ERROR + " → #hours-MONDAY");
		assertThat(browser.find(By.id("hours-MONDAY-error")).getText()).contains(HOURS_ERROR);
		assertThat(browser.findAll(By.id("hours-TUESDAY-error"))).as("only the day at fault").isEmpty();
		assertThat(browser.find(By.id("hours-MONDAY")).getAttribute("value")).as("what was typed is kept")
			.isEqualTo("9-5");
		assertThat(browser.find(By.id("hours-MONDAY")).getAttribute("class")).contains("govuk-input--error");
		assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo(calendarName);
		browser.checkPage("calendar-02-bad-hours");

		// 3. Put right: the calendar is added
		browser.type(By.id("hours-MONDAY"), WEEKDAY_HOURS);
		browser.clickButton("Save");
		long calendarId = id(browser);
		assertThat(flash(browser)).isEqualTo("Calendar " + calendarName + " added.");
		assertThat(browser.heading()).isEqualTo("Change a calendar");
		assertThat(browser.text()).contains("There are no holidays yet.");
		assertThat(browser.find(By.id("hours-MONDAY")).getAttribute("value")).isEqualTo(WEEKDAY_HOURS);
		assertThat(browser.find(By.id("hours-SATURDAY")).getAttribute("value")).isEmpty();

		// 4. A holiday of its own
		browser.type(By.id("holiday-date"), "24");
		browser.type(By.id("holiday-dateMonth"), "12");
		browser.type(By.id("holiday-dateYear"), "2026");
		browser.type(By.id("holiday-name"), "Christmas Eve");
		browser.clickButton("Add a holiday");
		assertThat(browser.path()).isEqualTo("/admin/calendars/" + calendarId);
		assertThat(flash(browser)).isEqualTo("1 holiday was added.");
		assertThat(holidays(browser)).containsExactly("24 December 2026 Christmas Eve");

		// 5. A holiday on a day that does not exist, without a name
		browser.type(By.id("holiday-date"), "31");
		browser.type(By.id("holiday-dateMonth"), "2");
		browser.type(By.id("holiday-dateYear"), "2027");
		browser.clickButton("Add a holiday");
		assertThat(browser.title()).startsWith("Error: " + calendarName);
		assertThat(errorSummaryLinks(browser)).containsExactly("Enter a real date → #holiday-date",
				"Enter the holiday’s name (120 characters or fewer) → #holiday-name");
		assertThat(browser.find(By.id("holiday-date-error")).getText()).contains("Enter a real date");
		assertThat(browser.find(By.id("holiday-name-error")).getText()).contains("Enter the holiday’s name");
		assertThat(browser.find(By.id("holiday-date")).getAttribute("value")).isEqualTo("31");
		assertThat(holidays(browser)).as("nothing added").hasSize(1);
		browser.checkPage("calendar-03-bad-holiday");

		// 6. The bank holidays shipped with the helpdesk
		browser.clickButton("Add the 2026–2028 bank holidays");
		assertThat(browser.path()).isEqualTo("/admin/calendars/" + calendarId);
		int bankHolidays = Calendars.englandAndWalesBankHolidays().size();
		assertThat(flash(browser)).isEqualTo(bankHolidays + " holidays were added.");
		List<String> holidays = holidays(browser);
		assertThat(holidays).hasSize(bankHolidays + 1)
			.contains("24 December 2026 Christmas Eve", "25 December 2026 Christmas Day",
					"28 December 2026 Boxing Day (substitute day)", "26 December 2028 Boxing Day");
		browser.checkPage("calendar-04-with-holidays");
		CalendarView saved = this.calendars.get(calendarId);
		assertThat(saved.name()).isEqualTo(calendarName);
		assertThat(saved.timeZone()).isEqualTo("Europe/London");
		assertThat(saved.hours()).hasSize(5)
			.allSatisfy((h) -> assertThat(h.start() + "-" + h.end()).isEqualTo(WEEKDAY_HOURS));
		assertThat(saved.holidays()).extracting(Holiday::name).contains("Christmas Eve", "Easter Monday");

		// 7. Listed with its hours and holidays
		browser.clickLink("Business calendars");
		WebElement listed = row(browser, calendarName);
		assertThat(listed.getText()).contains("Mon " + WEEKDAY_HOURS)
			.contains("Fri " + WEEKDAY_HOURS)
			.doesNotContain("Sat")
			.contains(String.valueOf(bankHolidays + 1));

		// 8. A plan counting it: Administration → Support plans → Add a plan
		browser.clickLink("Administration");
		browser.clickLink("Support plans");
		assertThat(browser.heading()).isEqualTo("Support plans");
		browser.clickLink("Add a plan");
		assertThat(browser.heading()).isEqualTo("Add a plan");
		browser.checkPage("plan-01-new");
		browser.type(By.id("name"), planName);
		select(browser, By.id("calendarId"), calendarName);
		browser.type(By.id("within-HIGH_FIRST_REPLY"), "2h");
		browser.type(By.id("within-NORMAL_FIRST_REPLY"), "eod");
		browser.type(By.id("within-CRITICAL_RESOLUTION"), "4h");
		select(browser, By.id("clock-CRITICAL_RESOLUTION"), "24/7");
		browser.type(By.id("within-LOW_RESOLUTION"), "soon");
		browser.clickButton("Save");

		// 9. "soon" is no time: refused next to its cell, the rest kept
		assertThat(browser.path()).isEqualTo("/admin/plans");
		assertThat(browser.title()).startsWith("Error: Add a plan");
		assertThat(errorSummaryLinks(browser)).containsExactly(TARGET_ERROR + " → #within-LOW_RESOLUTION");
		assertThat(browser.find(By.id("within-LOW_RESOLUTION-error")).getText()).contains(TARGET_ERROR);
		assertThat(browser.find(By.id("within-LOW_RESOLUTION")).getAttribute("value")).isEqualTo("soon");
		assertThat(browser.find(By.id("within-LOW_RESOLUTION")).getAttribute("class")).contains("govuk-input--error");
		assertThat(browser.findAll(By.id("within-HIGH_FIRST_REPLY-error"))).isEmpty();
		assertThat(browser.find(By.id("within-HIGH_FIRST_REPLY")).getAttribute("value")).isEqualTo("2h");
		assertThat(browser.find(By.id("within-NORMAL_FIRST_REPLY")).getAttribute("value")).isEqualTo("eod");
		assertThat(selected(browser, By.id("clock-CRITICAL_RESOLUTION"))).isEqualTo("24/7");
		assertThat(selected(browser, By.id("calendarId"))).isEqualTo(calendarName);
		assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo(planName);
		browser.checkPage("plan-02-bad-target");

		// 10. Without it, the plan is added with its three targets
		browser.find(By.id("within-LOW_RESOLUTION")).clear();
		browser.clickButton("Save");
		long planId = id(browser);
		assertThat(flash(browser)).isEqualTo("Plan " + planName + " added.");
		assertThat(browser.heading()).isEqualTo("Change a plan");
		assertThat(browser.find(By.id("within-HIGH_FIRST_REPLY")).getAttribute("value")).isEqualTo("2h");
		assertThat(selected(browser, By.id("clock-HIGH_FIRST_REPLY"))).isEqualTo("Business hours");
		assertThat(browser.find(By.id("within-NORMAL_FIRST_REPLY")).getAttribute("value")).isEqualTo("eod");
		assertThat(browser.find(By.id("within-CRITICAL_RESOLUTION")).getAttribute("value")).isEqualTo("4h");
		assertThat(selected(browser, By.id("clock-CRITICAL_RESOLUTION"))).isEqualTo("24/7");
		assertThat(browser.find(By.id("within-LOW_RESOLUTION")).getAttribute("value")).isEmpty();
		assertThat(selected(browser, By.id("calendarId"))).isEqualTo(calendarName);
		PlanSla plan = this.policies.plan(planId).orElseThrow();
		assertThat(plan.calendarId()).isEqualTo(calendarId);
		assertThat(plan.atRiskShare()).isEqualTo(0.25);
		assertThat(plan.targets()).containsExactlyInAnyOrder(
				new SlaTarget(Priority.HIGH, SlaMetric.FIRST_REPLY, Duration.ofHours(2), false, SlaClock.BUSINESS),
				new SlaTarget(Priority.NORMAL, SlaMetric.FIRST_REPLY, null, true, SlaClock.BUSINESS),
				new SlaTarget(Priority.CRITICAL, SlaMetric.RESOLUTION, Duration.ofHours(4), false, SlaClock.ALWAYS));
		browser.checkPage("plan-03-edit");

		// 11. One target changed
		browser.type(By.id("within-HIGH_FIRST_REPLY"), "1h30m");
		browser.clickButton("Save");
		assertThat(browser.path()).isEqualTo("/admin/plans/" + planId);
		assertThat(flash(browser)).isEqualTo("Plan " + planName + " saved.");
		assertThat(browser.find(By.id("within-HIGH_FIRST_REPLY")).getAttribute("value")).isEqualTo("1h30m");
		assertThat(browser.find(By.id("within-CRITICAL_RESOLUTION")).getAttribute("value")).isEqualTo("4h");
		assertThat(this.policies.plan(planId).orElseThrow().targets())
			.contains(new SlaTarget(Priority.HIGH, SlaMetric.FIRST_REPLY, Duration.ofMinutes(90), false,
					SlaClock.BUSINESS))
			.hasSize(3);
		browser.screenshot("plan-04-target-changed");

		// 12. Listed with its calendar and number of targets
		browser.clickLink("Support plans");
		assertThat(row(browser, planName).getText()).contains(calendarName).contains(" 3 ").contains("No");
	}

	/** Each link of the error summary as "text → #target". */
	static List<String> errorSummaryLinks(Browser browser) {
		WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
		assertThat(summary.getText()).startsWith("There is a problem");
		return summary.findElements(By.cssSelector(".govuk-error-summary__list a")).stream().map((a) -> {
			String href = a.getAttribute("href");
			return a.getText() + " → " + href.substring(href.indexOf('#'));
		}).toList();
	}

	/** The holidays table as "date name" rows. */
	static List<String> holidays(Browser browser) {
		return browser.findAll(By.xpath("//h2[@id='holidays']/following-sibling::div[1]//tbody/tr"))
			.stream()
			.map((tr) -> tr.findElements(By.tagName("td")).get(0).getText() + " "
					+ tr.findElements(By.tagName("td")).get(1).getText())
			.toList();
	}

	static long id(Browser browser) {
		Matcher matcher = ID.matcher(browser.path());
		assertThat(matcher.find()).as("on a calendar or plan page, not %s", browser.url()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
