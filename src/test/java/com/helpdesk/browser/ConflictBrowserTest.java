package com.helpdesk.browser;

import java.util.List;

import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.helpdesk.browser.BrowserTestSupport.AGENT;
import static com.helpdesk.browser.BrowserTestSupport.EXPERT;
import static com.helpdesk.browser.BrowserTestSupport.flash;
import static com.helpdesk.browser.BrowserTestSupport.statusTag;
import static com.helpdesk.browser.BrowserTestSupport.timeline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people answering the same ticket at once, each in their own browser: the second to
 * send is told what the first did, and keeps what they typed.
 */
@IntegrationTest
class ConflictBrowserTest {

	@RegisterExtension
	static BrowserExtension browsers = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Test
	void theSecondToReplySeesWhatChangedKeepsTheirReplyAndCanSendItAgain() {
		String token = BrowserTestSupport.unique();
		String subject = "Two people at once " + token;
		long number = this.tickets.create(this.data.requester(this.data.client()), TestData.question(subject),
				List.of());
		String first = "The agent answers first: restart the worker. (" + token + ")";
		String second = "The expert answers second: it is the cache. (" + token + ")";

		Browser agent = browsers.another(this.port);
		Browser expert = browsers.another(this.port);
		agent.signIn(AGENT);
		expert.signIn(EXPERT);
		agent.open("/tickets/" + number);
		expert.open("/tickets/" + number);
		assertThat(statusTag(agent)).isEqualTo("New");
		assertThat(statusTag(expert)).isEqualTo("New");

		// both type; the agent sends first
		agent.type(By.cssSelector("#composer #body"), first);
		expert.type(By.cssSelector("#composer #body"), second);
		agent.clickButton(By.id("composer"), "Send and keep open");
		assertThat(flash(agent)).isEqualTo("Reply sent. The ticket is now Open.");
		assertThat(statusTag(agent)).isEqualTo("Open");

		// the expert, still looking at the page as it was, sends theirs
		expert.clickButton(By.id("composer"), "Send and wait for the requester");
		assertThat(expert.heading()).isEqualTo("Someone else changed this ticket");
		assertThat(expert.title()).startsWith("Someone else changed this ticket");
		assertThat(expert.text()).contains("While you were working on ticket #" + number + " (" + subject + ")")
			.contains("Nothing of yours has been saved yet.");
		assertThat(expert.find(By.cssSelector(".govuk-inset-text")).getText()).contains("It is now:").contains("Open");
		assertThat(expert.find(By.cssSelector(".moj-timeline")).getText()).as("what changed")
			.contains("Reply from support")
			.contains("by Alex Agent")
			.contains(first)
			.contains("Status: Open")
			.doesNotContain(second);
		assertThat(expert.find(By.id("body")).getAttribute("value")).as("the reply they typed is kept")
			.isEqualTo(second);
		expert.checkPage("conflict-01-someone-else-changed");

		// sending it again works
		expert.clickButton("Send and wait for the requester");
		assertThat(expert.path()).isEqualTo("/tickets/" + number);
		assertThat(flash(expert)).isEqualTo("Reply sent. The ticket is now Pending.");
		assertThat(statusTag(expert)).isEqualTo("Pending");
		assertThat(timeline(expert)).contains(first).contains(second);
		expert.screenshot("conflict-02-sent-again");

		agent.open("/tickets/" + number);
		assertThat(timeline(agent)).contains(first).contains(second);
		assertThat(statusTag(agent)).isEqualTo("Pending");
	}

}
