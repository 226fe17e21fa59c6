package com.helpdesk.ticket.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.helpdesk.client.ApiClient;
import com.helpdesk.client.ApiException;
import com.helpdesk.client.ApiResponse;
import com.helpdesk.client.api.TicketsApi;
import com.helpdesk.client.model.Comment;
import com.helpdesk.client.model.CreateComment;
import com.helpdesk.client.model.CreateTicket;
import com.helpdesk.client.model.FieldProblem;
import com.helpdesk.client.model.Priority;
import com.helpdesk.client.model.Problem;
import com.helpdesk.client.model.RequestType;
import com.helpdesk.client.model.Ticket;
import com.helpdesk.client.model.TicketItem;
import com.helpdesk.client.model.TicketList;
import com.helpdesk.client.model.TicketPatch;
import com.helpdesk.client.model.TicketStatus;
import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The API as a client generated from {@code docs/openapi.json} sees it
 * (openapi-generator's Java client, java.net.http and Jackson, built by the build from
 * the committed description): every call below goes over HTTP to the running app and is
 * read back into the generated types, so a description that lies (a 201 left out, a null
 * that cannot be sent, a problem body that does not fit) fails here.
 */
@IntegrationTest
class GeneratedClientTest {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	TicketQueries queries;

	@Test
	void aGeneratedClientRaisesListsReadsCommentsUnassignsAndIsToldOfAStaleChange() throws Exception {
		Person requester = this.data.requester(this.data.client());
		Person agent = this.data.agent();
		ApiClient requesterClient = client(requester);
		ApiClient agentClient = client(agent);
		TicketsApi asRequester = new TicketsApi(requesterClient);
		TicketsApi asAgent = new TicketsApi(agentClient);

		// raise, with the answer's status and Location
		CreateTicket question = new CreateTicket().type(RequestType.QUESTION)
			.subject("Raised by a generated client")
			.description("How do I rotate the keys?")
			.alreadyTried("The manual")
			.priority(Priority.HIGH);
		String key = UUID.randomUUID().toString();
		ApiResponse<Ticket> created = asRequester.createTicketWithHttpInfo(question, key);
		assertThat(created.getStatusCode()).isEqualTo(201);
		Ticket raised = created.getData();
		assertThat(raised).as("the 201 body is read as a Ticket").isNotNull();
		assertThat(raised.getStatus()).isEqualTo(TicketStatus.NEW);
		assertThat(raised.getPriority()).isEqualTo(Priority.HIGH);
		assertThat(raised.getRequester()).isEqualTo(requester.email());
		assertThat(created.getHeaders().get("location")).containsExactly("/api/v1/tickets/" + raised.getId());
		// the requester's view leaves the team's triage data out
		assertThat(raised.getAssignee()).isNull();
		assertThat(raised.getTags()).isNull();
		assertThat(raised.getSla()).isNull();

		// a retry with the same key is the same ticket
		assertThat(asRequester.createTicket(question, key).getId()).isEqualTo(raised.getId());

		// list and get
		TicketList page = asRequester.listTickets(TicketStatus.NEW, null, null, null, null, 10);
		assertThat(page.getItems()).extracting(TicketItem::getId).containsExactly(raised.getId());
		assertThat(page.getNext()).isNull();
		Ticket read = asAgent.getTicket(raised.getId());
		assertThat(read.getSubject()).isEqualTo("Raised by a generated client");
		assertThat(read.getSla()).isNotEmpty();

		// comment, and read it back where Location points
		ApiResponse<Comment> commented = asAgent.addCommentWithHttpInfo(raised.getId(),
				new CreateComment().body("We are looking at it")._public(true).status(TicketStatus.OPEN));
		assertThat(commented.getStatusCode()).isEqualTo(201);
		Comment comment = commented.getData();
		assertThat(commented.getHeaders().get("location"))
			.containsExactly("/api/v1/tickets/" + raised.getId() + "/comments/" + comment.getId());
		assertThat(asRequester.getComment(raised.getId(), comment.getId()).getBody()).isEqualTo("We are looking at it");
		assertThat(asRequester.listComments(raised.getId())).extracting(Comment::getId).contains(comment.getId());

		// assign, then unassign with an explicit null
		Ticket current = asAgent.getTicket(raised.getId());
		Ticket assigned = asAgent.updateTicket(raised.getId(),
				new TicketPatch().version(current.getVersion()).assignee(agent.email()));
		assertThat(assigned.getAssignee()).isEqualTo(agent.email());
		Ticket unassigned = asAgent.updateTicket(raised.getId(),
				new TicketPatch().version(assigned.getVersion()).assignee(null));
		assertThat(unassigned.getAssignee()).isNull();
		assertThat(this.queries.ticket(agent, raised.getId()).assigneeId()).isNull();

		// a stale version is a 409 that carries its problem
		ApiException stale = catchThrowableOfType(ApiException.class, () -> asAgent.updateTicket(raised.getId(),
				new TicketPatch().version(current.getVersion()).priority(Priority.LOW)));
		assertThat(stale.getCode()).isEqualTo(409);
		Problem conflict = problem(agentClient, stale);
		assertThat(conflict.getStatus()).isEqualTo(409);
		assertThat(conflict.getTitle()).isEqualTo("Conflict");
		assertThat(conflict.getDetail()).isNotBlank();
		assertThat(this.queries.ticket(agent, raised.getId()).priority().name()).isEqualTo("HIGH");

		// invalid input is a 400 listing the fields at fault
		ApiException invalid = catchThrowableOfType(ApiException.class,
				() -> asRequester.createTicket(new CreateTicket().type(RequestType.QUESTION), null));
		assertThat(invalid.getCode()).isEqualTo(400);
		assertThat(problem(requesterClient, invalid).getErrors()).extracting(FieldProblem::getField)
			.contains("subject", "description");
	}

	private ApiClient client(Person person) {
		String credentials = Base64.getEncoder()
			.encodeToString((person.email() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + this.port);
		client.setRequestInterceptor((request) -> request.header("Authorization", "Basic " + credentials));
		return client;
	}

	private static Problem problem(ApiClient client, ApiException ex) throws Exception {
		assertThat(ex.getResponseHeaders().firstValue("content-type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		return client.getObjectMapper().readValue(ex.getResponseBody(), Problem.class);
	}

}
