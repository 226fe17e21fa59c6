package com.helpdesk.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One headless Chromium, signed in as one person at a time, with the steps people take
 * (sign in, click a button, fill a field) and the checks we make on every page
 * (screenshot, accessibility). Made and quit by {@link BrowserExtension}.
 */
public final class Browser {

	/** The password of every demo account. */
	public static final String DEMO_PASSWORD = "demo-pass-2026";

	/** Long enough for a page on a busy two-core machine. */
	public static final Duration WAIT = Duration.ofSeconds(20);

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

	private final String baseUrl;

	private final Path profile;

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final List<String> accessibilityNotes = new ArrayList<>();

	private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.service = service;
		this.driver = driver;
		this.wait = new WebDriverWait(driver, WAIT);
	}

	/**
	 * Starts a headless Chromium with a fresh profile, pointed at the app on
	 * {@code port}. Never asks Selenium Manager for anything: the machine has no
	 * internet.
	 */
	static Browser start(int port) {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		Path profile;
		try {
			profile = Files.createTempDirectory("helpdesk-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
		return new Browser("http://localhost:" + port, profile, service, driver);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Opens a page of the app, e.g. {@code "/login"}.
	 */
	public void open(String path) {
		this.driver.get(this.baseUrl + path);
		waitForPage();
	}

	/**
	 * Signs in through the sign-in page with a demo account, and waits for the home page
	 * the app sends this person to.
	 */
	public void signIn(String email) {
		signIn(email, DEMO_PASSWORD);
	}

	public void signIn(String email, String password) {
		open("/login");
		assertThat(heading()).isEqualTo("Sign in");
		type(By.id("username"), email);
		type(By.id("password"), password);
		clickButton("Sign in");
		assertThat(path()).as("signed in as %s, not sent back to the sign-in page", email).doesNotStartWith("/login");
		assertThat(this.driver.findElement(By.cssSelector(".app-header__user")).getText()).contains("Sign out");
	}

	/**
	 * Signs out with the button in the header, and checks the app says so.
	 */
	public void signOut() {
		clickAndWaitForNewPage(this.driver.findElement(By.cssSelector("form.app-signout button")));
		assertThat(path()).isEqualTo("/login");
		assertThat(text()).contains("You have signed out.");
	}

	/**
	 * Types into a field, replacing what it held.
	 */
	public void type(By field, String text) {
		WebElement element = this.wait.until(ExpectedConditions.elementToBeClickable(field));
		element.clear();
		element.sendKeys(text);
	}

	/**
	 * Clicks the button with this visible text and waits for the page it leads to.
	 */
	public void clickButton(String label) {
		clickAndWaitForNewPage(find(By.xpath("//button[normalize-space()=" + xpathLiteral(label) + "]")));
	}

	/**
	 * Clicks the button with this visible text inside {@code scope} (a form, say).
	 */
	public void clickButton(By scope, String label) {
		WebElement container = find(scope);
		clickAndWaitForNewPage(
				container.findElement(By.xpath(".//button[normalize-space()=" + xpathLiteral(label) + "]")));
	}

	/**
	 * Follows the link with exactly this text.
	 */
	public void clickLink(String text) {
		clickAndWaitForNewPage(find(By.linkText(text)));
	}

	/**
	 * Clicks something that loads another page, and waits until that page has loaded.
	 */
	public void clickAndWaitForNewPage(WebElement element) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		element.click();
		try {
			this.wait.until(ExpectedConditions.stalenessOf(page));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Clicking " + describe(element) + " on " + this.driver.getCurrentUrl()
					+ " did not load a new page within " + WAIT.toSeconds() + " s", ex);
		}
		waitForPage();
	}

	public WebElement find(By by) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/**
	 * An element that is on the page, whether or not it can be seen: GOV.UK radios and
	 * checkboxes hide the real input behind their own drawing.
	 */
	public WebElement findPresent(By by) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(by));
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	public <T> T waitUntil(ExpectedCondition<T> condition) {
		return this.wait.until(condition);
	}

	/** The path of the current page, without the query string. */
	public String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	public String url() {
		return this.driver.getCurrentUrl();
	}

	public String title() {
		return this.driver.getTitle();
	}

	/** The page's main heading. */
	public String heading() {
		return find(By.tagName("h1")).getText();
	}

	/** All visible text of the page. */
	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/** The page as the browser holds it now. */
	public String source() {
		return this.driver.getPageSource();
	}

	/**
	 * Saves what the whole page looks like to {@code target/screenshots/<name>.png}. The
	 * window is stretched to the page's height for the picture, then put back.
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Dimension size = this.driver.manage().window().getSize();
			Object heights = ((JavascriptExecutor) this.driver)
				.executeScript("return [Math.max(document.body.scrollHeight, document.documentElement.scrollHeight),"
						+ " window.innerHeight]");
			int pageHeight = size.getHeight();
			int viewportHeight = size.getHeight();
			if (heights instanceof List<?> values && values.size() == 2 && values.get(0) instanceof Number page
					&& values.get(1) instanceof Number viewport) {
				pageHeight = page.intValue();
				viewportHeight = viewport.intValue();
			}
			boolean stretch = pageHeight > viewportHeight;
			if (stretch) {
				int frame = size.getHeight() - viewportHeight;
				this.driver.manage()
					.window()
					.setSize(new Dimension(size.getWidth(), Math.min(pageHeight + frame, 10000)));
			}
			try {
				File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
				Path target = SCREENSHOTS.resolve(name + ".png");
				Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
				return target;
			}
			finally {
				if (stretch) {
					this.driver.manage().window().setSize(size);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves the page's HTML next to the screenshots, to see what went wrong.
	 */
	public Path savePage(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".html");
			Files.writeString(target, "<!-- " + this.driver.getCurrentUrl() + " -->\n" + source(),
					StandardCharsets.UTF_8);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs axe-core on the page as it is now and fails on any violation with impact
	 * "serious" or "critical", listing each with the elements at fault. Lesser violations
	 * are written to the test output and kept in {@link #accessibilityNotes()}.
	 */
	public void checkAccessibility(String pageName) {
		Results results = new AxeBuilder().setTimeout(90).analyze(this.driver);
		if (results.isErrored()) {
			fail("axe-core could not check " + pageName + " (" + this.driver.getCurrentUrl() + "): "
					+ results.getErrorMessage());
		}
		assertThat(results.getPasses()).as("axe-core ran its rules on %s", pageName).isNotEmpty();
		List<Rule> violations = (results.getViolations() != null) ? results.getViolations() : List.of();
		List<Rule> blocking = violations.stream()
			.filter((rule) -> BLOCKING_IMPACTS.contains(rule.getImpact()))
			.toList();
		violations.stream().filter((rule) -> !BLOCKING_IMPACTS.contains(rule.getImpact())).forEach((rule) -> {
			String note = pageName + ": " + describe(rule);
			this.accessibilityNotes.add(note);
			System.out.println("[axe, not blocking] " + note);
		});
		if (!blocking.isEmpty()) {
			fail(blocking.size() + " serious or critical accessibility violation(s) on " + pageName + " ("
					+ this.driver.getCurrentUrl() + "):\n"
					+ blocking.stream().map(Browser::describe).collect(Collectors.joining("\n")));
		}
	}

	/**
	 * The moderate and minor accessibility violations seen so far.
	 */
	public List<String> accessibilityNotes() {
		return List.copyOf(this.accessibilityNotes);
	}

	/**
	 * Screenshot and accessibility check of the page as it is now: what every distinct
	 * page of a journey gets.
	 */
	public void checkPage(String name) {
		screenshot(name);
		checkAccessibility(name);
	}

	/**
	 * Fetches a page of the app as the signed-in browser would, with its session cookie,
	 * to see what a download holds and what status a page answers.
	 */
	public HttpResponse<String> fetch(String url) throws Exception {
		String cookies = this.driver.manage()
			.getCookies()
			.stream()
			.map((c) -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		Cookie session = this.driver.manage().getCookieNamed("SESSION");
		assertThat(session).as("the browser holds the session cookie").isNotNull();
		HttpClient client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(30))
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Cookie", cookies)
			.timeout(Duration.ofSeconds(90))
			.GET()
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	void quit() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteProfile();
		}
	}

	private void waitForPage() {
		this.wait.until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
		// the "who is on now" strip loads after the page and pushes it down: wait for it,
		// so
		// that a click lands where it was aimed
		this.wait.until((driver) -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
			.executeScript("return document.querySelector('[hx-get=\"/rotas/now\"]') === null"
					+ " || typeof htmx === 'undefined'")));
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary directory; the machine cleans it up in the end
		}
	}

	private static String describe(Rule rule) {
		StringBuilder text = new StringBuilder();
		text.append("  - [")
			.append(rule.getImpact())
			.append("] ")
			.append(rule.getId())
			.append(": ")
			.append(rule.getHelp())
			.append(" (")
			.append(rule.getHelpUrl())
			.append(")");
		if (rule.getNodes() != null) {
			for (CheckedNode node : rule.getNodes()) {
				text.append("\n      at ").append(node.getTarget()).append(": ").append(abbreviate(node.getHtml()));
				if (node.getFailureSummary() != null) {
					text.append("\n         ").append(node.getFailureSummary().replace("\n", "\n         "));
				}
			}
		}
		return text.toString();
	}

	private static String describe(WebElement element) {
		try {
			String text = element.getText();
			return "<" + element.getTagName() + ">" + ((text != null && !text.isBlank()) ? " \"" + text + "\"" : "");
		}
		catch (RuntimeException ex) {
			return "the element";
		}
	}

	private static String abbreviate(String html) {
		if (html == null) {
			return "";
		}
		return (html.length() > 200) ? html.substring(0, 200) + "…" : html;
	}

	/** An XPath string literal for any text, quotes included. */
	static String xpathLiteral(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		if (!text.contains("\"")) {
			return "\"" + text + "\"";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

}
