package com.helpdesk.browser;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser tests look at again and again on the helpdesk's pages.
 */
final class BrowserTestSupport {

	static final String ALICE = "alice@client-a.test";

	static final String BOB = "bob@client-b.test";

	static final String AGENT = "agent@helpdesk.test";

	static final String EXPERT = "expert@helpdesk.test";

	private static final Pattern NUMBER = Pattern.compile("/(?:requests|tickets)/(\\d+)");

	private BrowserTestSupport() {
	}

	/** A short token that makes a subject unique in the shared database. */
	static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** The number of the request or ticket whose page the browser shows. */
	static long ticketNumber(Browser browser) {
		Matcher matcher = NUMBER.matcher(browser.path());
		assertThat(matcher.find()).as("on a request or ticket page, not %s", browser.url()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/** The status tag shown under the heading of a request or ticket page. */
	static String statusTag(Browser browser) {
		return browser.find(By.cssSelector("main h1 + p > strong.govuk-tag")).getText();
	}

	/** The green "Success" banner at the top of the page. */
	static String flash(Browser browser) {
		return browser.find(By.cssSelector(".govuk-notification-banner--success .govuk-notification-banner__heading"))
			.getText();
	}

	/** The ticket page's timeline, as text. */
	static String timeline(Browser browser) {
		return browser.find(By.cssSelector(".moj-timeline")).getText();
	}

	/** A value in the "Details" list at the side of the ticket page. */
	static String ticketDetail(Browser browser, String key) {
		return browser
			.find(By.xpath("//div[contains(@class,'app-sidebar')]//div[contains(@class,'govuk-summary-list__row')]"
					+ "[dt[normalize-space()=" + Browser.xpathLiteral(key) + "]]/dd"))
			.getText();
	}

	/** The row of a ticket or request list whose link is this subject. */
	static WebElement row(Browser browser, String subject) {
		return browser.find(By.xpath("//table//tr[.//a[normalize-space()=" + Browser.xpathLiteral(subject) + "]]"));
	}

	/**
	 * Opens a view of the queue's side navigation by its name (its count follows the name
	 * inside the link).
	 */
	static void openView(Browser browser, String name) {
		browser.clickAndWaitForNewPage(sideLink(browser, name));
	}

	/** The side navigation's link to a view or group, by its name. */
	static WebElement sideLink(Browser browser, String name) {
		return browser.find(By.xpath("//nav[contains(@class,'moj-side-navigation')]//a[normalize-space(text()[1])="
				+ Browser.xpathLiteral(name) + "]"));
	}

	/**
	 * The count the side navigation shows after a view's or group's name, without the
	 * word only screen readers get.
	 */
	static String sideCount(Browser browser, String name) {
		WebElement count = sideLink(browser, name).findElement(By.cssSelector(".app-count"));
		String hidden = count.findElement(By.cssSelector(".govuk-visually-hidden")).getAttribute("textContent");
		return count.getAttribute("textContent").replace(hidden, "").trim();
	}

	/** The name of the view the side navigation marks as the one shown. */
	static String currentView(Browser browser) {
		WebElement link = browser.find(By.cssSelector(".moj-side-navigation a[aria-current='location']"));
		String count = link.findElements(By.cssSelector(".app-count"))
			.stream()
			.map((c) -> c.getAttribute("textContent"))
			.findFirst()
			.orElse("");
		return link.getAttribute("textContent").replace(count, "").trim();
	}

	/**
	 * Searches the queue shown for a subject (every ticket, whatever the view) and opens
	 * the ticket.
	 */
	static void searchQueueAndOpen(Browser browser, String subject) {
		browser.type(By.id("q"), subject);
		// htmx replaces the results in place (without JavaScript the form loads a new
		// page)
		browser.find(By.xpath("//button[normalize-space()='Search']")).click();
		browser.waitUntil(ExpectedConditions.urlContains("q="));
		browser.find(By.xpath("//table//a[normalize-space()=" + Browser.xpathLiteral(subject) + "]"));
		browser.clickLink(subject);
		assertThat(browser.heading()).isEqualTo(subject);
	}

	static void select(Browser browser, By by, String visibleText) {
		new Select(browser.find(by)).selectByVisibleText(visibleText);
	}

	static String selected(Browser browser, By by) {
		return new Select(browser.find(by)).getFirstSelectedOption().getText();
	}

}
