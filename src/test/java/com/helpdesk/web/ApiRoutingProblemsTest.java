package com.helpdesk.web;

import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every answer under {@code /api} is a problem detail, also for requests that reach no
 * operation: an unknown path, a wrong method, a body or an answer of a type the API does
 * not speak. Pages keep their error pages.
 */
@IntegrationTest
class ApiRoutingProblemsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnknownPathIsA404Problem() throws Exception {
		JsonNode problem = problem(send(get("/api/v1/no-such-thing")), 404);
		assertThat(problem.get("detail").asString()).contains("/v3/api-docs");
		problem(send(get("/api/v2/tickets")), 404);
		problem(send(get("/api")), 404);
	}

	@Test
	void anUnknownPathAsksForSigningInFirst() throws Exception {
		problem(this.mvc.perform(get("/api/v1/no-such-thing")).andReturn().getResponse(), 401);
	}

	@Test
	void aWrongMethodIsA405ProblemThatSaysWhichMethodsWork() throws Exception {
		MockHttpServletResponse response = send(delete("/api/v1/tickets"));
		JsonNode problem = problem(response, 405);
		assertThat(problem.get("detail").asString()).contains("DELETE");
		assertThat(response.getHeader(HttpHeaders.ALLOW)).contains("GET").contains("POST");
		MockHttpServletResponse put = send(
				put("/api/v1/tickets/1").contentType(MediaType.APPLICATION_JSON).content("{}"));
		problem(put, 405);
		assertThat(put.getHeader(HttpHeaders.ALLOW)).contains("PATCH");
	}

	@Test
	void aBodyThatIsNotJsonIsA415Problem() throws Exception {
		MockHttpServletResponse response = send(
				post("/api/v1/tickets").contentType(MediaType.TEXT_PLAIN).content("type=QUESTION"));
		problem(response, 415);
		assertThat(response.getHeader(HttpHeaders.ACCEPT)).contains("application/json");
		problem(send(
				post("/api/v1/tickets").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("type=QUESTION")),
				415);
	}

	@Test
	void anAnswerTheClientWillNotTakeIsA406Problem() throws Exception {
		problem(send(get("/api/v1/tickets").accept(MediaType.APPLICATION_XML)), 406);
		problem(send(get("/api/v1/tickets").accept(MediaType.TEXT_HTML)), 406);
		// refused before anything is done: no ticket is raised that the client could not
		// read
		Person requester = this.data.requester(this.data.client());
		problem(this.mvc
			.perform(post("/api/v1/tickets").with(httpBasic(requester.email(), TestData.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_XML)
				.content("""
						{"type":"QUESTION","subject":"Unreadable answer","description":"d","alreadyTried":"a"}"""))
			.andReturn()
			.getResponse(), 406);
		assertThat(this.jdbc.sql("select count(*) from ticket where requester_id = ?")
			.param(requester.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void pagesKeepTheirErrorPages() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(delete("/tickets").accept(MediaType.TEXT_HTML)
				.with(user(new HelpdeskUser(this.data.agent(), null, true)))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(405);
		assertThat(String.valueOf(response.getContentType())).doesNotContain("problem");
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(agent())).andReturn().getResponse();
	}

	private RequestPostProcessor agent() {
		return httpBasic(this.data.agent().email(), TestData.PASSWORD);
	}

	private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentType()).isNotNull();
		assertThat(MediaType.parseMediaType(response.getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("content type " + response.getContentType())
			.isTrue();
		JsonNode problem = this.json.readTree(response.getContentAsString());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		return problem;
	}

}
