package com.helpdesk.ticket.web;

import java.util.UUID;

import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code POST /api/v1/tickets} with an {@code Idempotency-Key}: a client that lost the
 * answer sends the request again and is answered the same ticket.
 */
@IntegrationTest
class IdempotencyKeyApiTest {

	private static final String BODY = """
			{"type":"QUESTION","subject":"%s","description":"How do I rotate keys?","alreadyTried":"The manual"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRetryWithTheSameKeyAndBodyIsAnsweredTheSameTicketAndLocation() throws Exception {
		Person requester = this.data.requester(this.data.client());
		String key = UUID.randomUUID().toString();
		MockHttpServletResponse first = raise(requester, key, BODY.formatted("Lost answer"));
		// the same request, written differently: spacing does not make it another
		MockHttpServletResponse again = raise(requester, key, BODY.formatted("Lost answer").replace(",", " , "));
		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(again.getStatus()).isEqualTo(201);
		assertThat(first.getHeader("Idempotent-Replayed")).isNull();
		assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getHeader(HttpHeaders.LOCATION));
		assertThat(read(again).get("id").asLong()).isEqualTo(read(first).get("id").asLong());
		assertThat(ticketsOf(requester)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsA409Problem() throws Exception {
		Person requester = this.data.requester(this.data.client());
		String key = UUID.randomUUID().toString();
		assertThat(raise(requester, key, BODY.formatted("One thing")).getStatus()).isEqualTo(201);
		MockHttpServletResponse other = raise(requester, key, BODY.formatted("Another thing"));
		assertThat(other.getStatus()).isEqualTo(409);
		assertThat(other.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(read(other).get("detail").asString()).contains("Idempotency-Key");
		assertThat(ticketsOf(requester)).isEqualTo(1);
	}

	@Test
	void withoutAKeyEveryRequestRaisesATicket() throws Exception {
		Person requester = this.data.requester(this.data.client());
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc
				.perform(post("/api/v1/tickets").with(httpBasic(requester.email(), TestData.PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content(BODY.formatted("No key")))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(201);
		}
		assertThat(ticketsOf(requester)).isEqualTo(2);
	}

	@Test
	void aKeyThatIsTooLongOrInvisibleIsABadRequest() throws Exception {
		Person requester = this.data.requester(this.data.client());
		for (String key : new String[] { "x".repeat(256), "two words", "" }) {
			MockHttpServletResponse response = raise(requester, key, BODY.formatted("Bad key"));
			assertThat(response.getStatus()).as("key '%s'", key).isEqualTo(400);
			assertThat(read(response).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		}
		assertThat(ticketsOf(requester)).isZero();
	}

	private MockHttpServletResponse raise(Person requester, String key, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/tickets").with(httpBasic(requester.email(), TestData.PASSWORD))
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
	}

	private JsonNode read(MockHttpServletResponse response) throws Exception {
		return this.json.readTree(response.getContentAsString());
	}

	private int ticketsOf(Person requester) {
		return this.jdbc.sql("select count(*) from ticket where requester_id = ?")
			.param(requester.id())
			.query(Integer.class)
			.single();
	}

}
