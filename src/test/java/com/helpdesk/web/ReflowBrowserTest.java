package com.helpdesk.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.browser.Browser;
import com.helpdesk.browser.BrowserExtension;
import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reflow (WCAG 1.4.10): every page each kind of person can open, at 320 px wide and at
 * 1280, is no wider than the window ({@code document.documentElement.scrollWidth} at most
 * {@code window.innerWidth}, and at most the width shown beside the scroll bar), so
 * nothing needs scrolling sideways but what scrolls inside its own region. The pages are
 * the access matrices' {@code GET} rows that answer a page to that person, with the
 * matrices' own people and ids; each is saved to
 * {@code target/screenshots/reflow-<width>-<person>-<page>.png}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReflowBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	AutowireCapableBeanFactory beans;

	/** Person → the paths they can open, from both matrices. */
	final Map<String, List<String>> pages = new LinkedHashMap<>();

	final Map<String, String> emails = new LinkedHashMap<>();

	@BeforeAll
	void pagesFromTheAccessMatrices() {
		AccessMatrixTest matrix = new AccessMatrixTest();
		this.beans.autowireBean(matrix);
		matrix.createTheTicketsAndPeople();
		for (AccessMatrixTest.Row row : matrix.rows()) {
			row.expected.forEach((who, expect) -> {
				Person person = matrix.fixture.person(who);
				if (!row.api && row.name.startsWith("GET ") && person != null
						&& opensAPage(expect.status(), expect.redirectPath())) {
					add(who.name(), person, path(row.request.apply(matrix.fixture)));
				}
			});
		}
		SlaAccessMatrixTest sla = new SlaAccessMatrixTest();
		this.beans.autowireBean(sla);
		sla.createThePeople();
		for (SlaAccessMatrixTest.Row row : sla.rows()) {
			row.expected.forEach((who, expect) -> {
				Person person = sla.fixture.person(who);
				if (!row.api && row.name.startsWith("GET ") && person != null
						&& opensAPage(expect.status(), expect.redirectPath())) {
					add("SLA_" + who.name(), person, path(row.request.apply(sla.fixture)));
				}
			});
		}
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 320, 1280 })
	void everyPageFitsTheWindow(int width) throws Exception {
		Browser browser = browsers.browser(this.port);
		List<String> tooWide = new ArrayList<>();
		int visited = 0;
		browser.driver().manage().window().setSize(new Dimension(width, 900));
		visit(browser, width, "anonymous", "/login", tooWide);
		for (Map.Entry<String, List<String>> person : this.pages.entrySet()) {
			browser.open("/login");
			browser.driver().manage().deleteAllCookies();
			browser.signIn(this.emails.get(person.getKey()), TestData.PASSWORD);
			for (String path : person.getValue()) {
				if (isPage(browser, path)) {
					visit(browser, width, person.getKey(), path, tooWide);
					visited++;
				}
			}
		}
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		assertThat(visited).as("pages visited").isGreaterThan(100);
		assertThat(tooWide).as("pages wider than a %d px window", width).isEmpty();
	}

	/**
	 * On a phone the queue's first screen is the queue, with a link to its views, which
	 * come after the list; a wide screen has them on the left.
	 */
	@org.junit.jupiter.api.Test
	void onAPhoneTheQueueComesBeforeItsViews() {
		Browser browser = browsers.browser(this.port);
		browser.open("/login");
		browser.driver().manage().deleteAllCookies();
		String agent = this.emails.get("AGENT");
		browser.signIn(agent, TestData.PASSWORD);
		try {
			browser.driver().manage().window().setSize(new Dimension(320, 700));
			browser.open("/tickets");
			Object[] narrow = positions(browser);
			assertThat((long) narrow[0]).as("the heading on the first screen").isLessThan(700);
			assertThat((long) narrow[0]).as("the heading above the views").isLessThan((long) narrow[1]);
			assertThat(browser.find(org.openqa.selenium.By.linkText("Other views and groups")).getAttribute("href"))
				.endsWith("#queue-views");
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			browser.open("/tickets");
			Object[] wide = positions(browser);
			assertThat((long) wide[3]).as("the views left of the list").isLessThan((long) wide[2]);
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
	}

	/**
	 * The header's "Helpdesk" link is black on yellow when focused (WCAG 2.4.7), and the
	 * plan board's "How capacity is worked out" is a 24 px target on a 375 px phone (WCAG
	 * 2.5.8).
	 */
	@org.junit.jupiter.api.Test
	void focusShowsOnTheHeaderAndThePlanBoardsTargetsAreBigEnough() {
		Browser browser = browsers.browser(this.port);
		browser.open("/login");
		browser.driver().manage().deleteAllCookies();
		browser.signIn(this.emails.get("DELIVERY_MANAGER"), TestData.PASSWORD);
		String plan = this.pages.get("DELIVERY_MANAGER")
			.stream()
			.filter((p) -> p.matches("/delivery/teams/\\d+/plan"))
			.findFirst()
			.orElseThrow();
		try {
			browser.driver().manage().window().setSize(new Dimension(375, 800));
			browser.open(plan);
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			List<?> focused = (List<?>) js.executeScript("var a = document.querySelector('.app-header__service');"
					+ " a.focus(); var s = getComputedStyle(a); return [s.color, s.backgroundColor];");
			assertThat(focused.stream().map(String::valueOf).toList()).containsExactly("rgb(11, 12, 12)",
					"rgb(255, 221, 0)");
			List<?> heights = (List<?>) js.executeScript("return Array.from(document.querySelectorAll("
					+ "'.app-plan__details > summary')).map(function (s) { return s.getBoundingClientRect().height; });");
			assertThat(heights).isNotEmpty()
				.allSatisfy((h) -> assertThat(((Number) h).doubleValue()).isGreaterThanOrEqualTo(24));
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
	}

	/** The queue's heading and views: their tops, then their lefts. */
	private static Object[] positions(Browser browser) {
		List<?> values = (List<?>) ((JavascriptExecutor) browser.driver())
			.executeScript("var h = document.querySelector('main h1').getBoundingClientRect();"
					+ " var v = document.querySelector('#queue-views').getBoundingClientRect();"
					+ " return [Math.round(h.top), Math.round(v.top), Math.round(h.left), Math.round(v.left)];");
		return values.stream().map((v) -> ((Number) v).longValue()).toArray();
	}

	/**
	 * Pages whose layout changes most on a phone: checked with axe-core at 320 px too.
	 */
	private static final List<String> CHECKED_NARROW = List.of("/tickets", "/rotas/mine", "/admin/users",
			"/rotas/handovers", "/notifications", "/dashboard/sla", "/requests");

	private final java.util.Set<String> checkedNarrow = new java.util.HashSet<>();

	private void visit(Browser browser, int width, String who, String path, List<String> tooWide) {
		browser.open(path);
		if (width == 320 && CHECKED_NARROW.contains(path) && this.checkedNarrow.add(path)) {
			browser.checkAccessibility(path + " at 320 px");
		}
		Object widths = ((JavascriptExecutor) browser.driver())
			.executeScript("var d = document.documentElement; var wide = [];"
					+ " document.querySelectorAll('body *').forEach(function (e) {"
					+ "   var r = e.getBoundingClientRect();"
					+ "   if (r.right > d.clientWidth + 1 && e.closest('.app-table-wrapper, .moj-side-navigation') === null)"
					+ "     wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
					+ "       + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
					+ "       + ' ' + Math.round(r.right));" + " });"
					+ " return [d.scrollWidth, window.innerWidth, wide.slice(0, 5).join(', '), d.clientWidth];");
		List<?> values = (List<?>) widths;
		long document = ((Number) values.get(0)).longValue();
		long window = ((Number) values.get(1)).longValue();
		// the window less its scroll bar: wider than that, something is cut off or
		// scrolls
		long visible = ((Number) values.get(3)).longValue();
		browser.screenshot("reflow-" + width + "-" + who.toLowerCase(java.util.Locale.ROOT) + "-"
				+ path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""));
		if (document > window || document > visible) {
			tooWide.add(who + " " + path + ": " + document + " px in " + visible + " of " + window + " ("
					+ values.get(2) + ")");
		}
	}

	/** A page of the app, not a file, a fragment or an error. */
	private boolean isPage(Browser browser, String path) throws Exception {
		var response = browser.fetch("http://localhost:" + this.port + path);
		String type = response.headers().firstValue("Content-Type").orElse("");
		return (response.statusCode() == 200 || response.statusCode() == 302) && type.startsWith("text/html")
				&& (response.statusCode() == 302 || response.body().contains("<main"));
	}

	private static boolean opensAPage(int status, String redirect) {
		return status == 200 || (status == 302 && redirect != null && !redirect.startsWith("/login"));
	}

	private void add(String who, Person person, String path) {
		this.emails.put(who, person.email());
		List<String> paths = this.pages.computeIfAbsent(who, (k) -> new ArrayList<>());
		if (!paths.contains(path)) {
			paths.add(path);
		}
	}

	/** The path and query a matrix row's request asks for. */
	private static String path(MockHttpServletRequestBuilder builder) {
		MockHttpServletRequest request = builder.buildRequest(new MockServletContext());
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> uri.queryParam(name, (Object[]) values));
		return uri.encode().build().toUriString();
	}

}
