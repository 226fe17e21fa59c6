package com.helpdesk.browser;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.PlanSummary;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaDashboard;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaReport;
import com.helpdesk.sla.web.SlaHistory;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static com.helpdesk.browser.BrowserTestSupport.select;
import static com.helpdesk.sla.web.SlaHistory.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's SLA dashboard, as Morgan the manager uses it: history for two fresh
 * clients on the Default plan is imported first (first replies on time and late, over the
 * past weeks), then Morgan signs in, reads the period's totals, narrows the dashboard to
 * one client (the URL carries the filter), downloads the CSV through the page's link and
 * finds in it exactly what the page shows, and gets a mistyped date back with an error
 * summary.
 */
@IntegrationTest
class SlaDashboardBrowserTest {

	static final String MANAGER = "manager@helpdesk.test";

	static final DateTimeFormatter PAGE_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	static final DateTimeFormatter PAGE_SHORT = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.UK);

	static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	TestData data;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	Calendars calendars;

	@Autowired
	SlaDashboard dashboard;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void aManagerReadsTheServiceLevelsOfAClientAndDownloadsThemAsCsv() throws Exception {
		History history = importHistory();
		Browser browser = this.browser;

		// 1. Signing in lands on the dashboard, for the last four weeks
		browser.signIn(MANAGER);
		assertThat(browser.path()).isEqualTo("/dashboard/sla");
		assertThat(browser.heading()).isEqualTo("Service levels");
		assertThat(browser.title()).startsWith("Service levels");
		LocalDate today = LocalDate.now(SlaHistory.LONDON);
		assertThat(date(browser, "to")).isEqualTo(today);
		assertThat(date(browser, "from")).isEqualTo(today.minusWeeks(4).plusDays(1));
		assertThat(browser.text())
			.contains("From " + PAGE_DATE.format(today.minusWeeks(4).plusDays(1)) + " to " + PAGE_DATE.format(today));

		// 2. The period's totals: everyone's, so at least our clients' and exactly what
		// the dashboard counts
		Map<String, Card> all = cards(browser);
		assertThat(all.keySet()).containsExactly("First reply", "Next reply", "Resolution");
		SlaReport report = this.dashboard.report(this.dashboard.defaultFilter(SlaHistory.LONDON), SlaHistory.LONDON);
		for (SlaReport.MetricTotal total : report.totals()) {
			Card card = all.get(name(total.metric()));
			assertThat(card.met()).as("%s met", total.metric()).isEqualTo(total.met());
			assertThat(card.breached()).as("%s breached", total.metric()).isEqualTo(total.breached());
		}
		assertThat(all.get("First reply").met()).isGreaterThanOrEqualTo(4);
		assertThat(all.get("First reply").breached()).isGreaterThanOrEqualTo(3);
		assertThat(all.get("Resolution").met()).isGreaterThanOrEqualTo(6);
		browser.checkPage("sla-dashboard-01-period");

		// 3. Narrowed to one client: the URL carries the filter, the breaches are theirs
		select(browser, By.id("client"), history.northName());
		browser.clickButton("Apply filters");
		assertThat(browser.path()).isEqualTo("/dashboard/sla");
		assertThat(browser.url()).contains("client=" + history.north());
		assertNorthOnly(browser, history);
		browser.checkPage("sla-dashboard-02-one-client");
		// the address is all it takes to see it again
		String shared = browser.url();
		browser.open("/tickets/" + history.northLateHigh());
		browser.open(URI.create(shared).getRawPath() + "?" + URI.create(shared).getRawQuery());
		assertThat(browser.find(By.id("client")).getAttribute("value")).isEqualTo(String.valueOf(history.north()));
		assertNorthOnly(browser, history);

		// 4. The CSV of the link holds exactly what the page shows
		WebElement link = browser.find(By.linkText("Download as CSV"));
		String href = link.getAttribute("href");
		assertThat(href).contains("/dashboard/sla.csv?").contains("client=" + history.north());
		HttpResponse<String> csv = this.browser.fetch(href);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
			.contains(".csv");
		assertCsvIsThePage(browser, csv.body());
		List<Map<String, String>> breaches = SlaHistory.section(SlaHistory.csvRecords(csv.body()), "breach");
		assertThat(breaches).extracting((r) -> r.get("ticket"))
			.containsExactly(String.valueOf(history.northLateNormal()), String.valueOf(history.northLateHigh()));
		assertThat(breaches).extracting((r) -> r.get("client")).containsOnly(history.northName());
		assertThat(breaches.get(1).get("late minutes")).isEqualTo("120");
		assertThat(breaches.get(1).get("breached at")).isEqualTo(CSV_TIME.format(history.firstDay().atTime(14, 0)));
		assertThat(breaches.get(1).get("met at")).isEqualTo(CSV_TIME.format(history.firstDay().atTime(16, 0)));

		// 5. A date that is not one: the error summary, and a 400
		browser.type(By.name("fromDay"), "30");
		browser.type(By.name("fromMonth"), "2");
		browser.type(By.name("fromYear"), "2026");
		browser.clickButton("Apply filters");
		assertThat(browser.title()).startsWith("Error: Service levels");
		WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
		assertThat(summary.getText()).contains("There is a problem").contains("The start date must be a real date");
		assertThat(summary.findElement(By.linkText("The start date must be a real date")).getAttribute("href"))
			.endsWith("#from");
		assertThat(browser.find(By.id("from-error")).getText()).contains("The start date must be a real date");
		assertThat(browser.find(By.name("fromDay")).getAttribute("value")).as("what was typed is kept").isEqualTo("30");
		assertThat(browser.findAll(By.cssSelector("input.govuk-input--error"))).as("all three boxes").hasSize(3);
		assertThat(browser.find(By.cssSelector("fieldset[aria-describedby~='from-error']"))).isNotNull();
		// a year left out: only the year is highlighted, and the summary leads to it
		browser.type(By.name("fromDay"), "2");
		browser.find(By.name("fromYear")).clear();
		browser.clickButton("Apply filters");
		assertThat(browser.find(By.id("from-error")).getText()).contains("The start date must include a year");
		assertThat(browser.findAll(By.cssSelector("input.govuk-input--error")))
			.extracting((e) -> e.getAttribute("name"))
			.containsExactly("fromYear");
		assertThat(browser.find(By.id("from")).getAttribute("name")).isEqualTo("fromYear");
		assertThat(browser.findAll(By.linkText("Download as CSV"))).as("no figures for a period that is not one")
			.isEmpty();
		assertThat(this.browser.fetch(browser.url()).statusCode()).isEqualTo(400);
		assertThat(this.browser.fetch(browser.url().replace("/dashboard/sla?", "/dashboard/sla.csv?")).statusCode())
			.isEqualTo(400);
		browser.checkPage("sla-dashboard-03-bad-date");
	}

	// --- the history -----------------------------------------------------------------

	/**
	 * Two fresh clients on the Default plan (HIGH: first reply in 4 business hours;
	 * NORMAL: by the end of the business day). North: two first replies in time, one HIGH
	 * 2 h late, one NORMAL replied the next working day. South: one in time, one HIGH 1 h
	 * late. All solved, so their resolutions are met.
	 */
	History importHistory() throws Exception {
		SlaHistory sla = new SlaHistory(this.mvc, this.json, this.calendars);
		long defaultPlan = this.directory.plans()
			.stream()
			.filter((p) -> p.name().equals("Default"))
			.map(PlanSummary::id)
			.findFirst()
			.orElseThrow();
		String token = BrowserTestSupport.unique();
		String northName = "North Dashboard " + token;
		String southName = "South Dashboard " + token;
		long north = this.admin.createClient(new ClientCommand(northName, defaultPlan, null, true), null);
		long south = this.admin.createClient(new ClientCommand(southName, defaultPlan, null, true), null);
		Person northRequester = this.data.requester(north);
		Person southRequester = this.data.requester(south);
		LocalDate today = LocalDate.now(SlaHistory.LONDON);
		LocalDate first = sla.workingDayOnOrBefore(today.minusDays(14));
		LocalDate second = sla.workingDayOnOrBefore(today.minusDays(7));
		LocalDate afterSecond = sla.nextWorkingDay(second);

		JsonNode onTime = sla.answeredAndSolved(northRequester.email(), "Invoice export " + token, Priority.HIGH,
				at(first, 10, 0), at(first, 11, 0), at(first, 12, 0));
		JsonNode lateHigh = sla.answeredAndSolved(northRequester.email(), "Login loop " + token, Priority.HIGH,
				at(first, 10, 0), at(first, 16, 0), at(first, 17, 0));
		JsonNode onTimeNormal = sla.answeredAndSolved(northRequester.email(), "Logo size " + token, Priority.NORMAL,
				at(second, 10, 0), at(second, 12, 0), at(second, 12, 30));
		JsonNode lateNormal = sla.answeredAndSolved(northRequester.email(), "Footer links " + token, Priority.NORMAL,
				at(second, 10, 0), at(afterSecond, 11, 0), at(afterSecond, 11, 30));
		JsonNode southOnTime = sla.answeredAndSolved(southRequester.email(), "Cookie banner " + token, Priority.NORMAL,
				at(second, 11, 0), at(second, 11, 30), at(second, 12, 0));
		JsonNode southLate = sla.answeredAndSolved(southRequester.email(), "Search broken " + token, Priority.HIGH,
				at(first, 10, 0), at(first, 15, 0), at(first, 15, 30));

		// the clocks came out as planned, before anyone looks at the dashboard
		assertThat(SlaHistory.state(onTime, "FIRST_REPLY")).isEqualTo("FULFILLED");
		assertThat(SlaHistory.state(lateHigh, "FIRST_REPLY")).isEqualTo("BREACHED");
		assertThat(OffsetDateTime.parse(SlaHistory.clock(lateHigh, "FIRST_REPLY").get("breachedAt").asString())
			.toInstant()).isEqualTo(at(first, 14, 0).toInstant());
		assertThat(SlaHistory.state(onTimeNormal, "FIRST_REPLY")).isEqualTo("FULFILLED");
		assertThat(SlaHistory.state(lateNormal, "FIRST_REPLY")).isEqualTo("BREACHED");
		assertThat(SlaHistory.state(southOnTime, "FIRST_REPLY")).isEqualTo("FULFILLED");
		assertThat(SlaHistory.state(southLate, "FIRST_REPLY")).isEqualTo("BREACHED");
		for (JsonNode ticket : List.of(onTime, lateHigh, onTimeNormal, lateNormal, southOnTime, southLate)) {
			assertThat(SlaHistory.state(ticket, "RESOLUTION")).as("resolution of %s", ticket.get("subject"))
				.isEqualTo("FULFILLED");
		}
		Duration lateNormalBy = Duration.between(at(second, 18, 0), at(afterSecond, 11, 0));
		return new History(north, northName, south, southName, onTime.get("id").asLong(), lateHigh.get("id").asLong(),
				lateNormal.get("id").asLong(), southLate.get("id").asLong(), "Login loop " + token,
				"Footer links " + token, first, second, lateNormalBy);
	}

	record History(long north, String northName, long south, String southName, long northOnTime, long northLateHigh,
			long northLateNormal, long southLate, String lateHighSubject, String lateNormalSubject, LocalDate firstDay,
			LocalDate secondDay, Duration lateNormalBy) {
	}

	// --- what the page shows ---------------------------------------------------------

	/** North's figures: 2 of 4 first replies met, 4 resolutions met, its 2 breaches. */
	void assertNorthOnly(Browser browser, History history) {
		Map<String, Card> cards = cards(browser);
		assertThat(cards.get("First reply")).isEqualTo(new Card("50.0%", 2, 2));
		assertThat(cards.get("Next reply")).isEqualTo(new Card("–", 0, 0));
		assertThat(cards.get("Resolution")).isEqualTo(new Card("100.0%", 4, 0));
		List<BreachOnPage> breaches = breaches(browser);
		assertThat(breaches).extracting(BreachOnPage::ticketId)
			.as("latest first, and none of South's")
			.containsExactly(history.northLateNormal(), history.northLateHigh());
		assertThat(breaches).extracting(BreachOnPage::client).containsOnly(history.northName());
		assertThat(breaches).extracting(BreachOnPage::metric).containsOnly("First reply");
		assertThat(breaches.get(0).ticket())
			.isEqualTo("#" + history.northLateNormal() + " " + history.lateNormalSubject());
		assertThat(breaches.get(0).late()).isEqualTo("met " + duration(history.lateNormalBy()) + " late");
		assertThat(breaches.get(1).ticket()).isEqualTo("#" + history.northLateHigh() + " " + history.lateHighSubject());
		assertThat(breaches.get(1).late()).isEqualTo("met 2 h late");
		assertThat(breaches.get(1).breachedAt()).isEqualTo(PAGE_SHORT.format(history.firstDay().atTime(14, 0)));
		assertThat(breaches.get(1).heldBy()).as("nobody held it, so its group").isEqualTo("Tier 1");
		assertThat(rowsUnder(browser, "Breaches")).extracting(WebElement::getText)
			.noneMatch((row) -> row.contains(history.southName()));
		assertThat(browser.text()).contains("Nothing is at risk now.");
	}

	/** A card of the totals: its percentage and its "N met, M breached". */
	record Card(String figure, long met, long breached) {
	}

	static Map<String, Card> cards(Browser browser) {
		Map<String, Card> cards = new LinkedHashMap<>();
		for (WebElement card : browser.findAll(By.cssSelector(".app-card"))) {
			String counts = card.findElement(By.cssSelector("p.govuk-body-s")).getText();
			String[] parts = counts.replace(" met,", "").replace(" breached", "").split(" ");
			cards.put(card.findElement(By.tagName("h3")).getText(),
					new Card(card.findElement(By.cssSelector(".app-card__figure")).getText(), Long.parseLong(parts[0]),
							Long.parseLong(parts[1])));
		}
		return cards;
	}

	record BreachOnPage(long ticketId, String ticket, String client, String metric, String breachedAt, String late,
			String heldBy) {
	}

	static List<BreachOnPage> breaches(Browser browser) {
		List<BreachOnPage> rows = new ArrayList<>();
		for (WebElement row : rowsUnder(browser, "Breaches")) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			WebElement link = cells.get(0).findElement(By.tagName("a"));
			rows.add(new BreachOnPage(id(link), link.getText(),
					cells.get(0).findElement(By.cssSelector(".app-timeline-meta")).getText(), cells.get(1).getText(),
					cells.get(2).getText(), cells.get(3).getText(), cells.get(4).getText()));
		}
		return rows;
	}

	record RiskOnPage(long ticketId, String metric, String due) {
	}

	static List<RiskOnPage> atRisk(Browser browser) {
		List<RiskOnPage> rows = new ArrayList<>();
		for (WebElement row : rowsUnder(browser, "At risk now")) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			rows.add(new RiskOnPage(id(cells.get(0).findElement(By.tagName("a"))), cells.get(1).getText(),
					cells.get(2).getText()));
		}
		return rows;
	}

	/** The body rows of the table under a heading, none when the page says "none". */
	static List<WebElement> rowsUnder(Browser browser, String heading) {
		WebElement next = browser
			.find(By.xpath("//h2[normalize-space()=" + Browser.xpathLiteral(heading) + "]/following-sibling::*[1]"));
		if (!next.getTagName().equals("div")) {
			return List.of();
		}
		return next.findElements(By.cssSelector("tbody tr"));
	}

	/**
	 * The weekly table (inside a details element, so read from the page rather than as
	 * seen): week → metric → cell.
	 */
	static Map<LocalDate, List<String>> weeks(Browser browser) {
		Map<LocalDate, List<String>> weeks = new LinkedHashMap<>();
		for (WebElement row : browser.findAll(By.cssSelector("details table tbody tr"))) {
			String week = row.findElement(By.tagName("th")).getAttribute("textContent").trim();
			weeks.put(LocalDate.parse(week, PAGE_DATE),
					row.findElements(By.tagName("td"))
						.stream()
						.map((td) -> td.getAttribute("textContent").trim())
						.toList());
		}
		return weeks;
	}

	static long id(WebElement link) {
		String href = link.getAttribute("href");
		return Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
	}

	/** The date shown in a GOV.UK date input's three boxes. */
	static LocalDate date(Browser browser, String field) {
		return LocalDate.of(Integer.parseInt(browser.find(By.name(field + "Year")).getAttribute("value")),
				Integer.parseInt(browser.find(By.name(field + "Month")).getAttribute("value")),
				Integer.parseInt(browser.find(By.name(field + "Day")).getAttribute("value")));
	}

	/**
	 * Every section of the CSV against the page: the period's totals, each week, each
	 * breach and what is at risk, in the same order.
	 */
	static void assertCsvIsThePage(Browser browser, String csv) {
		List<Map<String, String>> records = SlaHistory.csvRecords(csv);
		assertThat(SlaHistory.parseCsv(csv).get(0)).containsExactly("section", "week", "metric", "met", "breached",
				"achievement %", "ticket", "subject", "client", "breached at", "met at", "late minutes", "held by",
				"group", "due at");

		Map<String, Card> cards = cards(browser);
		List<Map<String, String>> period = SlaHistory.section(records, "period");
		assertThat(period).extracting((r) -> r.get("metric")).containsExactlyElementsOf(cards.keySet());
		String from = date(browser, "from").toString();
		String to = date(browser, "to").toString();
		for (Map<String, String> total : period) {
			Card card = cards.get(total.get("metric"));
			assertThat(total.get("week")).isEqualTo(from + " to " + to);
			assertThat(Long.parseLong(total.get("met"))).as("met %s", total.get("metric")).isEqualTo(card.met());
			assertThat(Long.parseLong(total.get("breached"))).isEqualTo(card.breached());
			assertThat(total.get("achievement %").isEmpty() ? "–" : total.get("achievement %") + "%")
				.isEqualTo(card.figure());
		}

		Map<LocalDate, List<String>> weeks = weeks(browser);
		List<Map<String, String>> csvWeeks = SlaHistory.section(records, "week");
		assertThat(csvWeeks).hasSize(weeks.size() * cards.size());
		int i = 0;
		for (Map.Entry<LocalDate, List<String>> week : weeks.entrySet()) {
			for (String cell : week.getValue()) {
				Map<String, String> row = csvWeeks.get(i++);
				assertThat(row.get("week")).isEqualTo(week.getKey().toString());
				long met = Long.parseLong(row.get("met"));
				long total = met + Long.parseLong(row.get("breached"));
				String expected = (total == 0) ? "–" : row.get("achievement %") + "% (" + met + "/" + total + ")";
				assertThat(cell).as("week of %s, %s", week.getKey(), row.get("metric")).isEqualTo(expected);
			}
		}

		List<BreachOnPage> breaches = breaches(browser);
		List<Map<String, String>> csvBreaches = SlaHistory.section(records, "breach");
		assertThat(csvBreaches).extracting((r) -> Long.parseLong(r.get("ticket")))
			.containsExactlyElementsOf(breaches.stream().map(BreachOnPage::ticketId).toList());
		for (int b = 0; b < breaches.size(); b++) {
			BreachOnPage page = breaches.get(b);
			Map<String, String> row = csvBreaches.get(b);
			assertThat("#" + row.get("ticket") + " " + row.get("subject")).isEqualTo(page.ticket());
			assertThat(row.get("client")).isEqualTo(page.client());
			assertThat(row.get("metric")).isEqualTo(page.metric());
			assertThat(PAGE_SHORT.format(LocalDateTime.parse(row.get("breached at"), CSV_TIME)))
				.isEqualTo(page.breachedAt());
			String late = duration(Duration.ofMinutes(Long.parseLong(row.get("late minutes"))));
			assertThat(page.late())
				.isEqualTo(row.get("met at").isEmpty() ? "still open, " + late + " so far" : "met " + late + " late");
			String holder = !row.get("held by").isEmpty() ? row.get("held by")
					: (!row.get("group").isEmpty() ? row.get("group") : "–");
			assertThat(page.heldBy()).isEqualTo(holder);
		}

		List<RiskOnPage> risks = atRisk(browser);
		List<Map<String, String>> csvRisks = SlaHistory.section(records, "at risk");
		assertThat(csvRisks).extracting((r) -> Long.parseLong(r.get("ticket")) + " " + r.get("metric"))
			.containsExactlyElementsOf(risks.stream().map((r) -> r.ticketId() + " " + r.metric()).toList());
		assertThat(records).extracting((r) -> r.get("section"))
			.as("nothing in the CSV that the page does not show")
			.isSubsetOf("period", "week", "breach", "at risk");
	}

	/** As the dashboard writes durations: "2 h", "17 h", "3 days 1 h", "30 min". */
	static String duration(Duration duration) {
		long minutes = duration.toMinutes();
		List<String> parts = new ArrayList<>();
		long days = minutes / (24 * 60);
		long hours = (minutes % (24 * 60)) / 60;
		long mins = minutes % 60;
		if (days > 0) {
			parts.add(days + ((days == 1) ? " day" : " days"));
		}
		if (hours > 0) {
			parts.add(hours + " h");
		}
		if (mins > 0 || parts.isEmpty()) {
			parts.add(mins + " min");
		}
		return String.join(" ", parts);
	}

	static String name(SlaMetric metric) {
		return switch (metric) {
			case FIRST_REPLY -> "First reply";
			case NEXT_REPLY -> "Next reply";
			case RESOLUTION -> "Resolution";
		};
	}

}
