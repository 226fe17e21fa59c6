package com.helpdesk.ticket.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewAttachment;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A file's name shows as what it is on the ticket page and in its download: a
 * right-to-left override or a zero-width character is written out, not obeyed, also in
 * names stored before uploads were cleaned of them.
 */
@IntegrationTest
class AttachmentNamesTest {

	private static final String RLO = "\u202E";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRightToLeftOverrideInAFileNameIsShownWrittenOutOnThePageAndInTheDownload() throws Exception {
		Person requester = this.data.requester(this.data.client());
		Person agent = this.data.agent();
		long ticket = this.tickets.create(requester, TestData.question("Invoice attached"),
				List.of(new NewAttachment("invoice" + RLO + "fdp.exe", "application/pdf",
						"MZ".getBytes(StandardCharsets.UTF_8))));
		long stored = this.queries.ticket(agent, ticket).requestAttachments().get(0).id();
		// an upload stored before names were cleaned keeps its raw name
		long legacy = this.tickets.create(requester, TestData.question("Old upload"),
				List.of(new NewAttachment("old.pdf", "application/pdf", "MZ".getBytes(StandardCharsets.UTF_8))));
		long legacyFile = this.queries.ticket(agent, legacy).requestAttachments().get(0).id();
		this.jdbc.sql("update attachment set filename = ? where id = ?")
			.params("report" + RLO + "fdp.scr\u200B", legacyFile)
			.update();

		for (long[] file : new long[][] { { ticket, stored }, { legacy, legacyFile } }) {
			String page = this.mvc.perform(get("/tickets/" + file[0]).with(user(new HelpdeskUser(agent, null, true))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).doesNotContain(RLO).doesNotContain("\u200B").contains("\\u202Efdp.");
			MockHttpServletResponse download = this.mvc
				.perform(get("/attachments/" + file[1]).with(user(new HelpdeskUser(agent, null, true))))
				.andReturn()
				.getResponse();
			String disposition = download.getHeader("Content-Disposition");
			assertThat(disposition).startsWith("attachment")
				.doesNotContain(RLO)
				.doesNotContainIgnoringCase("%E2%80%AE")
				.doesNotContainIgnoringCase("%E2%80%8B");
		}
	}

}
