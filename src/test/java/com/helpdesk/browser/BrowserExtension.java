package com.helpdesk.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Chromium browsers for the tests of one class, quit after the class. Register
 * it in a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static BrowserExtension browsers = new BrowserExtension();
 * </pre>
 *
 * Where Chromium or its driver is not installed the tests are skipped, except on CI
 * (environment variable {@code CI} set) where they fail. When a test fails, each open
 * browser's page is saved to {@code target/screenshots} as a PNG and as HTML.
 */
public class BrowserExtension implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

	private final List<Browser> browsers = new ArrayList<>();

	private Browser first;

	@Override
	public void beforeAll(ExtensionContext context) {
		String missing = missing();
		if (missing == null) {
			return;
		}
		String reason = "Browser tests need " + missing + " (Chromium and chromedriver, e.g. apt-get install chromium "
				+ "chromium-driver)";
		if (System.getenv("CI") != null) {
			Assertions.fail(reason + "; on CI they must run, not be skipped");
		}
		Assumptions.abort(reason + "; skipping them");
	}

	/**
	 * The browser of this test class, started on first use.
	 */
	public synchronized Browser browser(int port) {
		if (this.first == null) {
			this.first = another(port);
		}
		return this.first;
	}

	/**
	 * Another browser with its own profile and cookies, for a second person working at
	 * the same time. Quit with the others after the class.
	 */
	public synchronized Browser another(int port) {
		Browser browser = Browser.start(port);
		this.browsers.add(browser);
		return browser;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Optional<Throwable> failure = context.getExecutionException();
		if (failure.isEmpty()) {
			return;
		}
		List<Browser> open;
		synchronized (this) {
			open = List.copyOf(this.browsers);
		}
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
				+ "-failure";
		for (int i = 0; i < open.size(); i++) {
			String each = (open.size() == 1) ? name : name + "-" + (i + 1);
			try {
				Path picture = open.get(i).screenshot(each);
				Path page = open.get(i).savePage(each);
				System.err.println("Browser " + (i + 1) + " was on " + open.get(i).url() + " when the test failed: "
						+ picture.toAbsolutePath() + ", " + page.toAbsolutePath());
			}
			catch (RuntimeException ex) {
				failure.get().addSuppressed(ex);
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		List<Browser> open;
		synchronized (this) {
			open = List.copyOf(this.browsers);
			this.browsers.clear();
			this.first = null;
		}
		RuntimeException problem = null;
		for (Browser browser : open) {
			try {
				browser.quit();
			}
			catch (RuntimeException ex) {
				if (problem == null) {
					problem = ex;
				}
				else {
					problem.addSuppressed(ex);
				}
			}
		}
		if (problem != null) {
			throw problem;
		}
	}

	private static String missing() {
		List<String> missing = new ArrayList<>();
		for (Path path : List.of(Browser.CHROMIUM, Browser.CHROMEDRIVER)) {
			if (!Files.isExecutable(path)) {
				missing.add(path.toString());
			}
		}
		return missing.isEmpty() ? null : String.join(" and ", missing);
	}

}
