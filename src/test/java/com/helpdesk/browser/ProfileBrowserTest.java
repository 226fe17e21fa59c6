package com.helpdesk.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.ALICE;
import static com.helpdesk.browser.BrowserTestSupport.flash;
import static com.helpdesk.browser.BrowserTestSupport.select;
import static com.helpdesk.browser.BrowserTestSupport.selected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice's own page: she moves to New York time and back, and makes, uses and revokes an
 * API token; an engineer changes their password. Her time zone is put back to
 * Europe/London whatever happens, as the demo data is shared with the other tests.
 */
@IntegrationTest
class ProfileBrowserTest {

	private static final String LONDON = "Europe/London";

	private static final String NEW_YORK = "America/New_York";

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin directoryAdmin;

	@Autowired
	TestData data;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	/**
	 * The test puts her back through the page; this is for when it fails half-way.
	 */
	@AfterEach
	void aliceIsBackInLondon() {
		Person alice = this.directory.findPersonByEmail(ALICE).orElseThrow();
		if (!LONDON.equals(alice.timeZone())) {
			this.directoryAdmin.updateProfile(alice.id(), alice.name(), LONDON);
		}
	}

	@Test
	void aliceMovesToNewYorkTimeAndMakesUsesAndRevokesAnApiToken() throws Exception {
		Browser browser = this.browser;
		browser.signIn(ALICE);

		// 1. Her profile, in London time
		browser.clickLink("Your profile");
		assertThat(browser.path()).isEqualTo("/profile");
		assertThat(browser.heading()).isEqualTo("Your profile");
		assertThat(selected(browser, By.id("timeZone"))).isEqualTo(LONDON);
		assertThat(footer(browser)).contains("Times are shown in Europe/London.").doesNotContain("API documentation");
		// the API reference is offered where her tokens are, not on every page
		assertThat(browser.find(By.id("api-docs")).getAttribute("href")).endsWith("/swagger-ui.html");
		// the stylesheet is linked by a fingerprint of its content, and it loads
		assertThat(browser.driver().findElement(By.cssSelector("link[href*='/css/helpdesk-']")).getAttribute("href"))
			.matches(".*/css/helpdesk-[0-9a-f]{32}\\.css");
		assertThat(browser.find(By.tagName("body")).getCssValue("font-family")).startsWith("system-ui");
		browser.checkPage("profile-01-profile");

		// 2. New York
		select(browser, By.id("timeZone"), NEW_YORK);
		browser.clickButton("Save");
		assertThat(browser.path()).isEqualTo("/profile");
		assertThat(flash(browser)).isEqualTo("Your details have been saved.");
		assertThat(selected(browser, By.id("timeZone"))).isEqualTo(NEW_YORK);
		assertThat(footer(browser)).contains("Times are shown in America/New_York.");
		browser.screenshot("profile-02-saved-new-york");

		browser.clickLink("Your requests");
		assertThat(footer(browser)).contains("Times are shown in America/New_York.");
		List<WebElement> times = browser.findAll(By.cssSelector("table.app-queue time"));
		assertThat(times).as("her requests show when they were last updated").isNotEmpty();
		for (WebElement time : times) {
			Instant at = Instant.parse(time.getAttribute("datetime"));
			assertThat(time.getText()).as("shown at New York's time of day")
				.startsWith(DAY_AND_TIME.format(at.atZone(ZoneId.of(NEW_YORK))))
				.doesNotEndWith(" GMT")
				.doesNotEndWith(" BST");
		}
		browser.screenshot("profile-03-requests-in-new-york-time");

		// 3. A token for CI, shown once
		browser.clickLink("Your profile");
		browser.type(By.id("token-name"), "CI");
		browser.clickButton("Create token");
		assertThat(browser.path()).isEqualTo("/profile");
		assertThat(flash(browser)).isEqualTo("Token created.");
		String secret = browser.find(By.id("new-token")).getText().strip();
		assertThat(secret).startsWith("hd_").hasSizeGreaterThan(20);
		assertThat(browser.find(By.cssSelector(".govuk-panel")).getText())
			.contains("Copy it now: it will not be shown again.");
		browser.checkPage("profile-04-new-token");

		assertThat(callApi(secret)).as("the API answers to the new token").isEqualTo(200);

		browser.open("/profile");
		assertThat(browser.findAll(By.id("new-token"))).as("shown once only").isEmpty();
		assertThat(browser.source()).doesNotContain(secret);
		String prefix = secret.substring(0, 10);
		WebElement row = tokenRow(browser, prefix);
		assertThat(row.getText()).startsWith("CI").contains(prefix + "…").doesNotContain("Never");
		browser.screenshot("profile-05-token-listed");

		// 4. Revoked
		browser.clickAndWaitForNewPage(row.findElement(By.tagName("button")));
		assertThat(flash(browser)).isEqualTo("Token revoked. It no longer works.");
		assertThat(tokenRow(browser, prefix).getText()).contains("Revoked");
		assertThat(tokenRow(browser, prefix).findElements(By.tagName("button"))).isEmpty();
		assertThat(callApi(secret)).as("the API no longer answers to it").isEqualTo(401);

		// 5. A token without a name
		browser.find(By.id("token-name")).clear();
		browser.clickButton("Create token");
		assertThat(browser.title()).startsWith("Error: Your profile");
		assertThat(textOf(browser.find(By.id("token-name-error")))).isEqualTo("Error: Enter a name for the token");
		WebElement name = browser.find(By.id("token-name"));
		assertThat(name.getAttribute("aria-describedby")).contains("token-name-error");
		assertThat(name.findElement(By.xpath("ancestor::div[contains(@class,'govuk-form-group')][1]"))
			.getAttribute("class")).contains("govuk-form-group--error");
		browser.checkPage("profile-06-token-without-name");

		// 6. Back to London
		select(browser, By.id("timeZone"), LONDON);
		browser.clickButton("Save");
		assertThat(flash(browser)).isEqualTo("Your details have been saved.");
		assertThat(footer(browser)).contains("Times are shown in Europe/London.");
		assertThat(this.directory.findPersonByEmail(ALICE).orElseThrow().timeZone()).isEqualTo(LONDON);
	}

	/**
	 * Times name their zone so everyone reads them the same way: in New York that is EST
	 * in winter and EDT in summer.
	 */
	@Test
	void timesInNewYorkNameTheZoneAsEstOrEdt() {
		Browser browser = this.browser;
		browser.signIn(ALICE);
		browser.clickLink("Your profile");
		select(browser, By.id("timeZone"), NEW_YORK);
		browser.clickButton("Save");
		assertThat(flash(browser)).isEqualTo("Your details have been saved.");

		browser.clickLink("Your requests");
		List<WebElement> times = browser.findAll(By.cssSelector("table.app-queue time"));
		assertThat(times).isNotEmpty();
		for (WebElement time : times) {
			assertThat(time.getText()).matches(".*, \\d\\d:\\d\\d (EST|EDT)");
		}

		browser.clickLink("Your profile");
		select(browser, By.id("timeZone"), LONDON);
		browser.clickButton("Save");
		assertThat(flash(browser)).isEqualTo("Your details have been saved.");
	}

	/**
	 * The new token is shown once, so it must be readable: dark on light in its box.
	 */
	@Test
	void theNewTokenCanBeRead() {
		Browser browser = this.browser;
		browser.signIn(ALICE);
		browser.open("/profile");
		browser.type(By.id("token-name"), "Readable");
		browser.clickButton("Create token");
		WebElement secret = browser.find(By.id("new-token"));
		String prefix = secret.getText().strip().substring(0, 10);
		try {
			assertThat(contrast(secret.getCssValue("color"), secret.getCssValue("background-color")))
				.as("contrast of %s on %s", secret.getCssValue("color"), secret.getCssValue("background-color"))
				.isGreaterThanOrEqualTo(4.5);
		}
		finally {
			browser.open("/profile");
			browser.clickAndWaitForNewPage(tokenRow(browser, prefix).findElement(By.tagName("button")));
			assertThat(flash(browser)).isEqualTo("Token revoked. It no longer works.");
		}
	}

	/**
	 * An engineer changes their password: a wrong current one is refused next to its
	 * field; then they stay signed in here and their session elsewhere ends.
	 */
	@Test
	void anEngineerChangesTheirPasswordStaysSignedInHereAndIsSignedOutElsewhere() throws Exception {
		Person engineer = this.data.agent();
		java.net.CookieManager elsewhere = new java.net.CookieManager();
		HttpClient laptop = HttpClient.newBuilder()
			.cookieHandler(elsewhere)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		signInWith(laptop, engineer.email(), TestData.PASSWORD);
		assertThat(status(laptop, "/tickets")).as("signed in on the laptop").isEqualTo(200);
		Browser browser = this.browser;
		browser.signIn(engineer.email(), TestData.PASSWORD);
		browser.clickLink("Your profile");

		browser.type(By.id("currentPassword"), "not my password");
		browser.type(By.id("newPassword"), "too short");
		browser.clickButton("Change password");
		assertThat(browser.title()).startsWith("Error: Your profile");
		assertThat(browser.find(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Enter your current password correctly", "Enter a password of at least 12 characters");
		assertThat(browser.find(By.id("currentPassword-error")).getText())
			.contains("Enter your current password correctly");
		browser.checkPage("profile-07-password-refused");

		String newPassword = "four words I remember";
		browser.type(By.id("currentPassword"), TestData.PASSWORD);
		browser.type(By.id("newPassword"), newPassword);
		browser.clickButton("Change password");
		assertThat(flash(browser))
			.isEqualTo("Your password has been changed. You have been signed out everywhere else.");
		browser.checkPage("profile-08-password-changed");
		browser.open("/tickets");
		assertThat(browser.path()).as("still signed in here").isEqualTo("/tickets");
		assertThat(status(laptop, "/tickets")).as("signed out on the laptop").isEqualTo(302);

		browser.signOut();
		browser.signIn(engineer.email(), newPassword);
	}

	private void signInWith(HttpClient client, String email, String password) throws Exception {
		String login = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		String csrf = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
						+ "&password=" + password + "&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private int status(HttpClient client, String path) throws Exception {
		return client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** The WCAG contrast ratio of two CSS colours, {@code rgb(…)} or {@code rgba(…)}. */
	private static double contrast(String foreground, String background) {
		double a = luminance(foreground);
		double b = luminance(background);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	private static double luminance(String color) {
		String[] parts = color.replaceAll("[^0-9.,]", "").split(",");
		double[] channels = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Double.parseDouble(parts[i]) / 255;
			channels[i] = (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}

	/** A plain HTTP call to the API with the token, as a script would make it. */
	private int callApi(String token) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/tickets"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The row of the tokens table for the token whose secret starts with this. */
	private static WebElement tokenRow(Browser browser, String prefix) {
		return browser
			.find(By.xpath("//table//tr[.//code[normalize-space()=" + Browser.xpathLiteral(prefix + "…") + "]]"));
	}

	private static String footer(Browser browser) {
		return browser.find(By.cssSelector(".govuk-footer")).getText();
	}

	/**
	 * The text of an element as a screen reader reads it, visually hidden parts included.
	 */
	private static String textOf(WebElement element) {
		return element.getAttribute("textContent").strip().replaceAll("\\s+", " ");
	}

}
