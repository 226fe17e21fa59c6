package com.helpdesk.browser;

import java.time.LocalDate;
import java.util.List;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.delivery.DeliveryTeams;
import com.helpdesk.delivery.ScopeCommand;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.DeliveryFixture;
import com.helpdesk.support.DeliveryFixture.Team;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.flash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bob asks for an application deployment; the delivery manager finds it in her intake,
 * scopes it at three days and schedules it into a week with room; Bob sees the planned
 * week on his request. And an agent sends a question that is really in-depth work to
 * delivery from the ticket page, and again once a declined request is reopened; the
 * delivery manager takes scheduled work off the plan and its clock runs again.
 */
@IntegrationTest
class DeliveryBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	DeliveryFixture fixture;

	@Autowired
	DeliveryRequests requests;

	@Autowired
	DeliveryTeams teams;

	@Autowired
	TicketService tickets;

	@Autowired
	MovableClock clock;

	Browser browser;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@BeforeEach
	void openBrowserSignedOut() {
		this.browser = browsers.browser(this.port);
		this.browser.open("/login");
		this.browser.driver().manage().deleteAllCookies();
	}

	@Test
	void bobsDeploymentIsScopedAndScheduledAndBobSeesTheWeek() {
		Browser browser = this.browser;
		String subject = TestData.unique("Deploy the room booking app");
		browser.signIn("bob@client-b.test");
		browser.clickLink("New request");
		browser.find(By.xpath("//label[normalize-space()='Deploy an application']")).click();
		browser.clickButton("Continue");
		browser.type(By.id("subject"), subject);
		browser.type(By.id("description"), "Our vendor's room booking app needs to go live.");
		browser.type(By.id("application"), "Room booking");
		browser.type(By.id("environment"), "Production");
		browser.type(By.id("serverCpu"), "2 vCPU");
		browser.type(By.id("serverMemory"), "4 GB");
		browser.type(By.id("serverDisk"), "40 GB");
		browser.type(By.id("serverOs"), "Debian 12");
		LocalDate wanted = LocalDate.now().plusWeeks(6);
		browser.type(By.id("wantedBy"), String.valueOf(wanted.getDayOfMonth()));
		browser.type(By.id("wantedByMonth"), String.valueOf(wanted.getMonthValue()));
		browser.type(By.id("wantedByYear"), String.valueOf(wanted.getYear()));
		browser.type(By.id("alreadyTried"), "The vendor sent a Docker image and a guide.");
		browser.clickButton("Send request");
		assertThat(browser.find(By.id("delivery-state")).getText())
			.isEqualTo("With the delivery manager, being scoped");
		browser.signOut();

		browser.signIn("dm@helpdesk.test");
		browser.clickLink("Delivery");
		assertThat(browser.heading()).isEqualTo("Delivery intake");
		assertThat(browser.find(By.id("intake-mine")).getText()).contains(subject, "Client B", "Not scoped yet");
		browser.checkPage("delivery-01-intake");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#intake-mine")).findElement(By.linkText(subject)));
		assertThat(browser.heading()).isEqualTo(subject);
		assertThat(browser.text()).contains("Room booking", "Debian 12");

		// scheduling before there is an estimate is refused next to the week
		List<WebElement> weeks = browser.findAll(By.cssSelector("#period input[type=radio]"));
		assertThat(weeks).hasSizeGreaterThan(2);
		browser.find(By.cssSelector("label[for='" + weeks.get(1).getAttribute("id") + "']")).click();
		browser.clickButton("Schedule and tell the requester");
		assertThat(browser.title()).startsWith("Error: ");
		assertThat(browser.find(By.id("period-error")).getText())
			.contains("Save an estimate in the scoping before scheduling the work");
		browser.checkPage("delivery-02-request-error");

		browser.type(By.id("estimateDays"), "3");
		browser.clickButton("Save scoping");
		assertThat(flash(browser)).isEqualTo("Scoping saved.");

		// next week has room for three days
		String nextWeek = browser.findAll(By.cssSelector("#period input[type=radio]")).get(1).getAttribute("id");
		WebElement label = browser.find(By.cssSelector("label[for='" + nextWeek + "']"));
		String week = label.getText();
		assertThat(browser.find(By.id(nextWeek + "-hint")).getText()).doesNotContain("Not enough room");
		label.click();
		browser.checkPage("delivery-03-request-scoped");
		browser.clickButton("Schedule and tell the requester");
		String sentence = Character.toLowerCase(week.charAt(0)) + week.substring(1);
		assertThat(week).startsWith("Week starting ");
		assertThat(flash(browser)).isEqualTo("Planned for the " + sentence + ". The requester has been told.");
		assertThat(browser.find(By.id("delivery-state")).getText()).isEqualTo("Scheduled");

		browser.clickLink("Delivery intake");
		browser.clickLink("Plan of Platform team");
		assertThat(browser.heading()).isEqualTo("Plan: Platform team");
		String column = nextWeek.substring("period-".length());
		assertThat(browser.find(By.id("period-" + column)).getText()).contains(subject, "3 days");
		browser.checkPage("delivery-04-plan");
		browser.signOut();

		browser.signIn("bob@client-b.test");
		browser.clickLink(subject);
		assertThat(browser.find(By.id("planned-period")).getText()).isEqualTo(week);
		assertThat(browser.find(By.id("delivery-state")).getText()).isEqualTo("Scheduled");
		assertThat(browser.text()).contains("planned the work for the " + sentence);
		browser.checkPage("delivery-05-requester");
	}

	@Test
	void anAgentSendsAQuestionThatIsReallyInDepthWorkToDelivery() {
		Browser browser = this.browser;
		String subject = TestData.unique("Can you help us move to containers?");
		browser.signIn("alice@client-a.test");
		browser.clickLink("New request");
		browser.find(By.xpath("//label[normalize-space()='Ask a question']")).click();
		browser.clickButton("Continue");
		browser.type(By.id("subject"), subject);
		browser.type(By.id("description"), "We would like our three sites to run in containers.");
		browser.type(By.id("alreadyTried"), "Read the container hosting guide.");
		browser.clickButton("Send request");
		String requestPath = browser.path();
		browser.signOut();

		browser.signIn("agent@helpdesk.test");
		browser.open(requestPath.replace("/requests/", "/tickets/"));
		browser.find(By.id("delivery-reason"));
		browser.clickButton(By.id("delivery-panel"), "Send to delivery");
		assertThat(browser.find(By.id("delivery-reason-error")).getText()).contains("Say why this is in-depth work");
		browser.checkPage("delivery-06-send-error");
		browser.type(By.id("delivery-reason"), "Moving three sites is a project: it needs scoping.");
		browser.clickButton("Send to delivery");
		assertThat(flash(browser)).isEqualTo("Sent to the delivery manager.");
		assertThat(browser.find(By.id("delivery-panel")).getText()).contains("Being scoped", "With Dana Delivery");
		browser.checkPage("delivery-07-ticket-sent");
	}

	@Test
	void aDeclinedRequestTheRequesterReopensIsSentToDeliveryAgainAndTheManagerSeesItInTheIntake() {
		this.clock.set(LocalDateTime.of(2027, 3, 1, 12, 0).atZone(ZoneId.of("Europe/London")).toInstant());
		Team team = this.fixture.team();
		String subject = TestData.unique("Deploy the survey tool");
		DeliveryRequest request = intake(team, subject);
		this.requests.decline(team.dm(), request.id(), request.version(), "We cannot host that vendor's database.");

		Browser browser = this.browser;
		browser.signIn(team.requester().email(), TestData.PASSWORD);
		browser.open("/requests/" + request.ticketId());
		assertThat(browser.find(By.id("delivery-state")).getText()).isEqualTo("Not taken on");
		browser.type(By.id("body"), "The vendor now supports PostgreSQL, so it can be hosted after all.");
		browser.clickButton("Send reply");
		assertThat(browser.text()).contains("The vendor now supports PostgreSQL");
		browser.signOut();

		browser.signIn(team.ann().email(), TestData.PASSWORD);
		browser.open("/tickets/" + request.ticketId());
		By panel = By.id("delivery-panel");
		assertThat(browser.find(panel).getText()).contains("Declined");
		browser.type(By.id("delivery-reason"), "The requester reopened it: the vendor's database changed.");
		browser.clickButton(panel, "Send to delivery again");
		assertThat(flash(browser)).isEqualTo("Sent to the delivery manager.");
		assertThat(browser.find(panel).getText()).contains("Being scoped");
		browser.checkPage("delivery-11-sent-again");
		browser.signOut();

		browser.signIn(team.dm().email(), TestData.PASSWORD);
		assertThat(browser.heading()).isEqualTo("Delivery intake");
		assertThat(browser.find(By.id("intake-mine")).getText()).contains(subject);
	}

	@Test
	void theDeliveryManagerTakesWorkOffThePlanAndItsResolutionClockRunsAgain() {
		this.clock.set(LocalDateTime.of(2027, 3, 1, 12, 0).atZone(ZoneId.of("Europe/London")).toInstant());
		Team team = this.fixture.team();
		DeliveryRequest request = scheduled(team, "Upgrade the message broker", "2", LocalDate.of(2027, 3, 3));

		Browser browser = this.browser;
		browser.signIn(team.dm().email(), TestData.PASSWORD);
		browser.open("/tickets/" + request.ticketId());
		assertThat(browser.text()).contains("paused: planned for the week of 3 March 2027");
		browser.open("/delivery/requests/" + request.id());
		browser.checkPage("delivery-12-request-scheduled");
		browser.clickButton("Take off the plan and tell the requester");
		assertThat(flash(browser)).isEqualTo("Taken off the plan and back in the intake. The requester has been told.");
		assertThat(browser.find(By.id("delivery-state")).getText()).isEqualTo("Being scoped");
		browser.open("/tickets/" + request.ticketId());
		assertThat(browser.text()).doesNotContain("paused: planned for the week of")
			.contains("off the plan for the week starting Wednesday 3 March 2027", "Resolution Running");
	}

	@Test
	void anAdministratorChangesTheTeamsReserveAndSeesTheCapacityFollow() {
		Browser browser = this.browser;
		browser.signIn("admin@helpdesk.test");
		browser.open("/admin");
		browser.clickLink("Delivery teams");
		assertThat(browser.find(By.id("teams")).getText()).contains("Platform team", "Dana Delivery", "20%");
		browser.checkPage("delivery-08-admin-teams");
		browser.clickLink("Platform team");
		browser.type(By.id("reservePercent"), "95");
		browser.clickButton("Save the team");
		assertThat(browser.find(By.id("reservePercent-error")).getText()).contains("from 0 to 90");
		browser.checkPage("delivery-09-admin-team-error");
		browser.type(By.id("reservePercent"), "20");
		browser.clickButton("Save the team");
		assertThat(flash(browser)).isEqualTo("Delivery team saved.");
	}

	@Test
	void theDeliveryManagerReordersMovesAndDeliversFromTheBoard() {
		this.clock.set(LocalDateTime.of(2027, 3, 1, 12, 0).atZone(ZoneId.of("Europe/London")).toInstant());
		Team team = this.fixture.team();
		LocalDate week = LocalDate.of(2027, 3, 3);
		DeliveryRequest first = scheduled(team, "Migrate the wiki", "2", week);
		DeliveryRequest second = scheduled(team, "Renew the certificates", "1", week);

		Browser browser = this.browser;
		browser.signIn(team.dm().email(), TestData.PASSWORD);
		assertThat(browser.heading()).isEqualTo("Delivery intake");
		browser.clickLink("Plan of " + this.teams.get(team.id()).name());
		By column = By.id("period-2027-03-03");
		assertThat(browser.find(column).getText()).containsSubsequence("Migrate the wiki", "Renew the certificates");
		browser.clickButton(By.id("item-" + second.id()), "Earlier");
		assertThat(browser.find(column).getText()).containsSubsequence("Renew the certificates", "Migrate the wiki");

		new Select(browser.find(By.id("move-" + first.id()))).selectByValue("2027-03-10");
		browser.clickButton(By.cssSelector("#item-" + first.id() + " .app-plan__move"), "Move");
		assertThat(flash(browser)).startsWith("Planned for the week starting Wednesday 10 March 2027.");
		assertThat(browser.find(By.id("period-2027-03-10")).getText()).contains("Migrate the wiki");
		assertThat(browser.find(column).getText()).doesNotContain("Migrate the wiki");

		browser.find(By.cssSelector("#item-" + second.id() + " details summary")).click();
		browser.type(By.id("note-" + second.id()), "New certificates are live; they renew themselves from now on.");
		browser.clickButton(By.id("item-" + second.id()), "Close as delivered");
		assertThat(flash(browser)).isEqualTo("Closed as delivered. The requester has your note.");
		assertThat(browser.find(By.id("item-" + second.id())).getText()).contains("Delivered");
		browser.checkPage("delivery-10-board-after");
		browser.signOut();

		browser.signIn(team.requester().email(), TestData.PASSWORD);
		browser.open("/requests/" + second.ticketId());
		assertThat(browser.text()).contains("New certificates are live");
		assertThat(browser.find(By.id("delivery-state")).getText()).isEqualTo("Delivered");
		browser.open("/requests/" + first.ticketId());
		assertThat(browser.find(By.id("planned-period")).getText()).isEqualTo("Week starting Wednesday 10 March 2027");
		assertThat(browser.text()).contains(
				"moved the work on your request from the week starting Wednesday 3 March 2027 to the week starting Wednesday 10 March 2027");
	}

	@Test
	void featureRequestsGoToTheBacklogAndADuplicateIsMerged() {
		this.clock.set(LocalDateTime.of(2027, 3, 1, 12, 0).atZone(ZoneId.of("Europe/London")).toInstant());
		Team team = this.fixture.team();
		String title = TestData.unique("Single sign-on");
		DeliveryRequest first = intake(team, "Log in with our identity provider");
		DeliveryRequest second = intake(team, "SSO for our editors");
		DeliveryRequest third = intake(team, "Can editors use their work accounts?");

		Browser browser = this.browser;
		browser.signIn(team.dm().email(), TestData.PASSWORD);
		browser.open("/delivery/requests/" + first.id());
		browser.clickButton("Move to the backlog and tell the requester");
		assertThat(browser.find(By.id("featureTitle-error")).getText()).contains("Enter a title");
		browser.type(By.id("featureTitle"), title);
		browser.clickButton("Move to the backlog and tell the requester");
		assertThat(flash(browser)).isEqualTo("Moved to the feature request backlog. The requester has been told.");
		assertThat(browser.find(By.id("feature-counts")).getText()).isEqualTo("Asked for in 1 request from 1 client.");

		browser.open("/delivery/requests/" + second.id());
		new Select(browser.find(By.id("featureId"))).selectByVisibleText(title + " (1 request)");
		browser.clickButton("Move to the backlog and tell the requester");
		assertThat(browser.find(By.id("feature-counts")).getText()).isEqualTo("Asked for in 2 requests from 1 client.");

		String duplicate = title + " for editors";
		browser.open("/delivery/requests/" + third.id());
		browser.type(By.id("featureTitle"), duplicate);
		browser.clickButton("Move to the backlog and tell the requester");
		new Select(browser.find(By.id("intoId"))).selectByVisibleText(title);
		browser.checkPage("delivery-11-feature");
		browser.clickButton("Merge into that item");
		assertThat(flash(browser)).isEqualTo("Merged. The item left counts the requests of both.");
		assertThat(browser.heading()).isEqualTo(title);
		assertThat(browser.find(By.id("feature-counts")).getText()).isEqualTo("Asked for in 3 requests from 1 client.");
		browser.clickLink("Feature request backlog");
		assertThat(browser.find(By.id("backlog")).getText()).contains(title).doesNotContain(duplicate);
		browser.checkPage("delivery-12-backlog");
		browser.signOut();

		browser.signIn(team.requester().email(), TestData.PASSWORD);
		browser.open("/requests/" + first.ticketId());
		assertThat(browser.find(By.id("delivery-state")).getText()).isEqualTo("Kept as a feature request");
		assertThat(browser.find(By.id("feature-request")).getText()).isEqualTo(title);
	}

	private DeliveryRequest intake(Team team, String subject) {
		long ticket = this.tickets.create(team.requester(),
				new NewTicket(RequestType.DEVELOPMENT_SUPPORT, subject, "Please help: " + subject, "Read the docs",
						Priority.NORMAL, new RequestDetails(null, null, null, null, null, null, null,
								subject + " works", null, null, null, null, null, null),
						null),
				List.of());
		return this.requests.forTicket(ticket).orElseThrow();
	}

	private DeliveryRequest scheduled(Team team, String subject, String days, LocalDate week) {
		DeliveryRequest request = intake(team, subject);
		this.requests.scope(team.dm(), request.id(), request.version(),
				new ScopeCommand(null, new BigDecimal(days), false, null, null));
		this.requests.schedule(team.dm(), request.id(), request.version() + 1, week, null);
		return this.requests.get(request.id());
	}

}
