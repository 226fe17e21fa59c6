package com.helpdesk.browser;

import java.util.LinkedHashMap;
import java.util.Map;

import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.flash;
import static com.helpdesk.browser.BrowserTestSupport.row;
import static com.helpdesk.browser.BrowserTestSupport.select;
import static com.helpdesk.browser.BrowserTestSupport.selected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator at work, through the pages only: adds a client (getting it wrong
 * first), renames it, adds a requester for it who then signs in, adds a group of two and
 * changes its members. Every distinct administration page is screenshotted and checked
 * for accessibility.
 */
@IntegrationTest
class AdministrationBrowserTest {

	static final String ADMIN = "admin@helpdesk.test";

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	Browser browser;

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void anAdministratorAddsAClientAPersonAndAGroupThroughThePages() {
		Browser browser = this.browser;
		String token = BrowserTestSupport.unique();
		String clientName = "Northwind " + token;
		String renamed = "Northwind Trading " + token;
		// sorts first among people, so it is on the first page of the list
		String personName = "Aaron Newcomer " + token;
		String email = "aaron." + token + "@northwind.test";
		String password = "a long passphrase " + token;
		String groupName = "Escalations " + token;
		// staff of their own, so the demo groups other tests rely on stay as they are
		Person first = this.data.agent();
		Person second = this.data.agent();
		Person third = this.data.agent();

		// 1. Administration, then the clients
		browser.signIn(ADMIN);
		assertThat(browser.path()).isEqualTo("/admin");
		assertThat(browser.heading()).isEqualTo("Administration");
		browser.checkPage("admin-01-index");
		browser.clickLink("Clients");
		assertThat(browser.path()).isEqualTo("/admin/clients");
		assertThat(browser.heading()).isEqualTo("Clients");
		browser.checkPage("admin-02-clients");

		// 2. An empty client form first
		browser.clickLink("Add a client");
		assertThat(browser.heading()).isEqualTo("Add a client");
		assertThat(browser.title()).startsWith("Add a client");
		browser.clickButton("Save");
		assertThat(browser.title()).startsWith("Error: Add a client");
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("name", "Enter the client’s name");
		expected.put("planId", "Choose a support plan");
		assertErrors(browser, expected);
		assertThat(browser.find(By.id("name")).getAttribute("aria-describedby")).contains("name-error");
		browser.checkPage("admin-03-client-form-errors");

		// 3. Then a real one, on Managed Plus with Dana as delivery manager
		browser.type(By.id("name"), clientName);
		select(browser, By.id("planId"), "Managed Plus");
		select(browser, By.id("deliveryManagerId"), "Dana Delivery");
		browser.clickButton("Save");
		assertThat(browser.path()).isEqualTo("/admin/clients");
		assertThat(flash(browser)).isEqualTo("Client " + clientName + " added.");
		assertThat(row(browser, clientName).getText()).contains("Managed Plus").contains("Yes");
		browser.screenshot("admin-04-client-added");

		// 4. Renamed
		browser.clickLink(clientName);
		assertThat(browser.heading()).isEqualTo("Change a client");
		assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo(clientName);
		assertThat(selected(browser, By.id("planId"))).isEqualTo("Managed Plus");
		assertThat(selected(browser, By.id("deliveryManagerId"))).isEqualTo("Dana Delivery");
		browser.type(By.id("name"), renamed);
		browser.clickButton("Save");
		assertThat(browser.path()).isEqualTo("/admin/clients");
		assertThat(flash(browser)).isEqualTo("Client " + renamed + " saved.");
		assertThat(row(browser, renamed).getText()).contains("Managed Plus");
		assertThat(browser.findAll(By.linkText(clientName))).as("the old name is gone").isEmpty();

		// 5. A requester for it: wrong first (no client, short password, bad email)
		browser.clickLink("Administration");
		browser.clickLink("People");
		assertThat(browser.heading()).isEqualTo("People");
		browser.clickLink("Add a person");
		assertThat(browser.heading()).isEqualTo("Add a person");
		browser.checkPage("admin-05-person-form");
		browser.type(By.id("name"), personName);
		browser.type(By.id("email"), "aaron at northwind");
		select(browser, By.id("role"), "Requester");
		browser.type(By.id("password"), "too short");
		browser.clickButton("Save");
		assertThat(browser.title()).startsWith("Error: Add a person");
		expected.clear();
		expected.put("email", "Enter an email address in the correct format, like name@example.com");
		expected.put("clientId", "Choose the client a requester belongs to");
		expected.put("password", "Enter a password of at least 12 characters");
		assertErrors(browser, expected);
		assertThat(browser.find(By.id("name")).getAttribute("value")).as("what was typed is kept")
			.isEqualTo(personName);
		assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo("aaron at northwind");
		assertThat(selected(browser, By.id("role"))).isEqualTo("Requester");
		assertThat(browser.find(By.id("password")).getAttribute("value")).as("the password is not sent back").isEmpty();
		browser.checkPage("admin-06-person-form-errors");

		browser.type(By.id("email"), email);
		select(browser, By.id("clientId"), renamed);
		select(browser, By.id("timeZone"), "Europe/Paris");
		browser.type(By.id("password"), password);
		browser.clickButton("Save");
		assertThat(browser.path()).isEqualTo("/admin/users");
		assertThat(flash(browser)).isEqualTo(email + " added.");
		assertThat(row(browser, personName).getText()).contains(email).contains("Requester").contains(renamed);
		browser.checkPage("admin-07-people");
		browser.signOut();

		// 6. The new person signs in and lands on their requests, in their time zone
		browser.signIn(email, password);
		assertThat(browser.path()).isEqualTo("/requests");
		assertThat(browser.heading()).isEqualTo("Your requests");
		assertThat(browser.find(By.cssSelector(".app-header__user")).getText()).contains(personName);
		assertThat(browser.find(By.cssSelector(".govuk-footer")).getText()).contains("Times are shown in Europe/Paris");
		browser.screenshot("admin-08-new-requester-signed-in");
		browser.signOut();

		// 7. A group of two
		browser.signIn(ADMIN);
		browser.clickLink("Groups");
		assertThat(browser.heading()).isEqualTo("Groups");
		browser.checkPage("admin-09-groups");
		browser.clickLink("Add a group");
		assertThat(browser.heading()).isEqualTo("Add a group");
		browser.checkPage("admin-10-group-form");
		browser.type(By.id("name"), groupName);
		browser.type(By.id("description"), "Tickets that need a second look (" + token + ")");
		tick(browser, first.name(), true);
		tick(browser, second.name(), true);
		browser.clickButton("Save");
		assertThat(browser.path()).isEqualTo("/admin/groups");
		assertThat(flash(browser)).isEqualTo("Group " + groupName + " added.");
		assertThat(members(browser, groupName)).isEqualTo(sorted(first.name(), second.name()));

		// 8. Its members changed: the second out, the third in
		browser.clickLink(groupName);
		assertThat(browser.heading()).isEqualTo("Change a group");
		assertThat(ticked(browser, first.name())).isTrue();
		assertThat(ticked(browser, second.name())).isTrue();
		assertThat(ticked(browser, third.name())).isFalse();
		tick(browser, second.name(), false);
		tick(browser, third.name(), true);
		browser.screenshot("admin-11-group-form-changed");
		browser.clickButton("Save");
		assertThat(browser.path()).isEqualTo("/admin/groups");
		assertThat(flash(browser)).isEqualTo("Group " + groupName + " saved.");
		assertThat(members(browser, groupName)).isEqualTo(sorted(first.name(), third.name()));
		browser.screenshot("admin-12-group-saved");
	}

	/**
	 * A ticked checkbox shows its tick. GOV.UK draws the tick on the label
	 * ({@code input:checked + label::after}), so the label must follow its input
	 * directly.
	 */
	@Test
	void aTickedCheckboxShowsItsTick() {
		Browser browser = this.browser;
		browser.signIn(ADMIN);
		browser.open("/admin/groups");
		browser.clickLink("Tier 1");
		assertThat(browser.heading()).isEqualTo("Change a group");
		assertThat(ticked(browser, "Alex Agent")).isTrue();
		String alex = browser.find(By.xpath("//label[normalize-space()='Alex Agent']")).getAttribute("for");
		assertThat(tickOpacity(browser, alex)).as("a member's tick, drawn as it should be").isEqualTo("1");

		assertThat(browser.findPresent(By.id("defaultIntake")).isSelected()).isTrue();
		assertThat(tickOpacity(browser, "defaultIntake")).as("the tick of 'New requests land here'").isEqualTo("1");
		browser.open("/admin/clients/new");
		assertThat(browser.findPresent(By.id("active")).isSelected()).isTrue();
		assertThat(tickOpacity(browser, "active")).as("the tick of 'Active'").isEqualTo("1");
		browser.open("/admin/users/new");
		assertThat(browser.findPresent(By.id("enabled")).isSelected()).isTrue();
		assertThat(tickOpacity(browser, "enabled")).as("the tick of 'Can sign in'").isEqualTo("1");
	}

	/** How visible the tick drawn on the label of a checkbox is: "1" when it shows. */
	private static String tickOpacity(Browser browser, String checkboxId) {
		return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
				"return getComputedStyle(document.querySelector(\"label[for='\" + arguments[0] + \"']\"), '::after')"
						+ ".opacity",
				checkboxId));
	}

	/**
	 * The error summary links each field to its message, in this order, and each field
	 * shows its message next to it.
	 */
	private static void assertErrors(Browser browser, Map<String, String> expected) {
		WebElement summary = browser.find(By.cssSelector(".govuk-error-summary"));
		assertThat(summary.findElement(By.cssSelector(".govuk-error-summary__title")).getText())
			.isEqualTo("There is a problem");
		Map<String, String> linked = new LinkedHashMap<>();
		for (WebElement link : summary.findElements(By.cssSelector(".govuk-error-summary__list a"))) {
			String href = link.getAttribute("href");
			linked.put(href.substring(href.indexOf('#') + 1), link.getText());
		}
		assertThat(linked).as("the error summary").isEqualTo(expected);
		for (Map.Entry<String, String> field : expected.entrySet()) {
			String id = field.getKey();
			assertThat(textOf(browser.find(By.id(id + "-error")))).as("message next to %s", id)
				.isEqualTo("Error: " + field.getValue());
			assertThat(browser.find(By.id(id))
				.findElement(By.xpath("ancestor::div[contains(@class,'govuk-form-group')][1]"))
				.getAttribute("class")).as("%s is marked as in error", id).contains("govuk-form-group--error");
		}
	}

	/** Ticks or unticks the checkbox labelled with a person's name. */
	private static void tick(Browser browser, String label, boolean on) {
		if (ticked(browser, label) != on) {
			browser.find(By.xpath("//label[normalize-space()=" + Browser.xpathLiteral(label) + "]")).click();
		}
		assertThat(ticked(browser, label)).as("%s ticked", label).isEqualTo(on);
	}

	private static boolean ticked(Browser browser, String label) {
		String id = browser.find(By.xpath("//label[normalize-space()=" + Browser.xpathLiteral(label) + "]"))
			.getAttribute("for");
		return browser.findPresent(By.id(id)).isSelected();
	}

	/** The members column of a group in the list of groups. */
	private static String members(Browser browser, String group) {
		return row(browser, group).findElements(By.tagName("td")).get(1).getText();
	}

	private static String sorted(String... names) {
		return String.join(", ", java.util.Arrays.stream(names).sorted().toList());
	}

	/**
	 * The text of an element as a screen reader reads it, visually hidden parts included.
	 */
	private static String textOf(WebElement element) {
		return element.getAttribute("textContent").strip().replaceAll("\\s+", " ");
	}

}
