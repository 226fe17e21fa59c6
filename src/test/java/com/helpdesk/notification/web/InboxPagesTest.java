package com.helpdesk.notification.web;

import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.notification.Inbox;
import com.helpdesk.notification.InboxGroup;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The notifications page: each ticket's notices are one entry named by the ticket's
 * number and subject, linking to the ticket (a requester's to their request), with the
 * latest notice shown and the earlier ones behind it; following it marks them read.
 */
@IntegrationTest
class InboxPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Autowired
	Inbox inbox;

	@Test
	void aTicketsNoticesAreOneEntryThatLinksToTheTicketAndIsReadOnceFollowed() throws Exception {
		Person agent = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		String subject = TestData.unique("Checkout fails");
		long ticket = this.tickets.create(requester, TestData.question(subject), List.of());
		this.inbox.add(agent.id(), ticket, "SLA_AT_RISK", "#" + ticket + " " + subject + ": First reply at risk");
		this.inbox.add(agent.id(), null, "ROTA_SWAP", "Ann asks you to swap");
		this.inbox.add(agent.id(), ticket, "SLA_BREACHED", "#" + ticket + " " + subject + ": First reply breached");

		List<InboxGroup> groups = this.inbox.groups(agent.id(), null);
		assertThat(groups).extracting(InboxGroup::ticketId).containsExactly(ticket, null);
		assertThat(groups.get(0).count()).isEqualTo(2);
		assertThat(groups.get(0).latest().text()).endsWith("First reply breached");

		String page = page(agent, "/notifications");
		assertThat(page).contains(">#" + ticket + " " + subject + "</a>")
			.contains("First reply breached")
			.contains("Earlier notices (1)")
			.contains("First reply at risk")
			.contains("Ann asks you to swap")
			.doesNotContain("http://");
		assertThat(page.split("class=\"app-inbox__item", -1)).as("two entries").hasSize(3);

		MockHttpServletResponse follow = this.mvc
			.perform(get("/notifications/" + groups.get(0).latestId() + "/open").with(as(agent)))
			.andReturn()
			.getResponse();
		assertThat(follow.getRedirectedUrl()).isEqualTo("/tickets/" + ticket);
		assertThat(this.inbox.groups(agent.id(), null).get(0).unread()).as("both notices of the ticket read").isFalse();
		assertThat(this.inbox.unread(agent.id())).as("the swap notice is still unread").isEqualTo(1);
	}

	@Test
	void aRequesterIsLedToTheirRequestAndNobodyFollowsSomeoneElsesNotice() throws Exception {
		Person requester = this.data.requester(this.data.client());
		long ticket = this.tickets.create(requester, TestData.question(TestData.unique("Login")), List.of());
		this.inbox.add(requester.id(), ticket, "TICKET_REPLY", "A reply on your request");
		long id = this.inbox.groups(requester.id(), null).get(0).latestId();

		assertThat(this.mvc.perform(get("/notifications/" + id + "/open").with(as(requester)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/requests/" + ticket);
		assertThat(this.mvc.perform(get("/notifications/" + id + "/open").with(as(this.data.agent())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void theListPagesBackByEntry() throws Exception {
		Person agent = this.data.agent();
		for (int i = 0; i < Inbox.pageSize() + 1; i++) {
			this.inbox.add(agent.id(), null, "ROTA_SWAP", "Swap " + i);
		}
		List<InboxGroup> first = this.inbox.groups(agent.id(), null);
		assertThat(first).hasSize(Inbox.pageSize() + 1);
		List<InboxGroup> second = this.inbox.groups(agent.id(), first.get(Inbox.pageSize() - 1).latestId());
		assertThat(second).extracting((g) -> g.latest().text()).containsExactly("Swap 0");
		String page = page(agent, "/notifications");
		assertThat(page).contains("rel=\"next\"").contains("Swap 50").doesNotContain(">Swap 0<");
	}

	private String page(Person person, String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).with(as(person))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Person person) {
		return user(new HelpdeskUser(person, null, true));
	}

}
