package com.helpdesk.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewAttachment;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestDetails.ServerSpec;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A corpus of script and template injections typed by a requester into every field they
 * can fill (the request's text and type fields, a reply, a file's name, their own name)
 * is shown as text on every staff page that shows it: never as markup, never evaluated.
 */
@IntegrationTest
class XssCorpusTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Autowired
	DeliveryRequests delivery;

	@Autowired
	DirectoryAdmin admin;

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert('xss')</script>", "\"><img src=x onerror=alert(1)>",
			"'><svg/onload=alert(1)>", "<a href=\"javascript:alert(1)\">click</a>", "[[${7*7}]] [(${7*7})]",
			"__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "{{7*7}} #{7*7} ${7*7}",
			"</textarea><script>alert(2)</script>", "<iframe srcdoc='<script>alert(3)</script>'>" })
	void whatARequesterTypesIsShownAsTextOnStaffPages(String payload) throws Exception {
		Person requester = this.data.requester(this.data.client());
		this.admin.updateProfile(requester.id(), "Req " + payload, "Europe/London");
		String tag = TestData.unique("x");
		long bug = this.tickets.create(requester,
				new NewTicket(RequestType.BUG, tag + " " + payload, "Description " + payload, "Tried " + payload,
						Priority.HIGH,
						new RequestDetails("Steps " + payload, "Expected " + payload, "Actual " + payload, null, null,
								null, null, null, null, null, null, null, null, null),
						null),
				List.of(new NewAttachment("file" + payload.replaceAll("[/\\\\]", "") + ".txt", "text/plain",
						"hello".getBytes(StandardCharsets.UTF_8))));
		this.tickets.reply(requester, bug, null, "Reply " + payload, null, List.of());
		long deployment = this.tickets.create(requester,
				new NewTicket(RequestType.DEPLOYMENT, tag + " deploy " + payload, "Deploy " + payload, "Nothing",
						Priority.NORMAL,
						new RequestDetails(null, null, null, "App " + payload, "Env " + payload,
								new ServerSpec("cpu" + payload, "mem" + payload, "disk" + payload, "os" + payload),
								LocalDate.now().plusWeeks(3), null, null, null, null, null, null, null),
						null),
				List.of());
		Person agent = this.data.person(Role.DELIVERY_MANAGER, null);
		long deliveryRequest = this.delivery.forTicket(deployment).map((r) -> r.id()).orElse(-1L);

		List<String> pages = new java.util.ArrayList<>(List.of("/tickets?view=all&q=" + tag, "/tickets/" + bug,
				"/tickets/" + deployment, "/reviews/daily", "/delivery"));
		if (deliveryRequest > 0) {
			pages.add("/delivery/requests/" + deliveryRequest);
		}
		for (String path : pages) {
			MockHttpServletResponse response = this.mvc
				.perform(get(path).with(user(new HelpdeskUser(agent, null, true))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			String page = response.getContentAsString();
			assertThat(page).as(path)
				.doesNotContain("<script>alert", "<img src=x", "<svg/onload", "<iframe srcdoc", "href=\"javascript:",
						"</textarea><script>");
		}
		String ticketPage = this.mvc.perform(get("/tickets/" + bug).with(user(new HelpdeskUser(agent, null, true))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the text is there, escaped, in every field
		String escaped = org.springframework.web.util.HtmlUtils.htmlEscape(payload);
		assertThat(ticketPage).contains("Description " + escaped, "Tried " + escaped, "Steps " + escaped,
				"Reply " + escaped, "Req " + escaped);
	}

}
