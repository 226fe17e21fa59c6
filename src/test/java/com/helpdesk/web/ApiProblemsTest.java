package com.helpdesk.web;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API answers problem details when the database is away (503, retry in 5 s) and for
 * anything unforeseen (500), never Boot's default error body (found by
 * bench/db-restart.sh).
 */
class ApiProblemsTest {

	@RestController
	static class Failing {

		@GetMapping("/api/v1/no-connection")
		String noConnection() {
			throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction");
		}

		@GetMapping("/api/v1/connection-lost")
		String connectionLost() {
			throw new DataAccessResourceFailureException("An I/O error occurred while sending to the backend");
		}

		@GetMapping("/api/v1/commit-failed")
		String commitFailed() {
			throw new org.springframework.transaction.TransactionSystemException("Could not commit JPA transaction");
		}

		@GetMapping("/api/v1/statement-cut-off")
		String statementCutOff() {
			throw new org.springframework.orm.jpa.JpaSystemException(new RuntimeException("could not execute statement",
					new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01")));
		}

		@GetMapping("/api/v1/rollback-failed")
		String rollbackFailed() {
			throw new org.springframework.orm.jpa.JpaSystemException(new RuntimeException(
					"Unable to rollback against JDBC Connection", new java.sql.SQLException("Connection is closed")));
		}

		@GetMapping("/api/v1/bug")
		String bug() {
			throw new IllegalStateException("a bug with private details");
		}

	}

	private final MockMvc mvc;

	ApiProblemsTest() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		this.mvc = MockMvcBuilders.standaloneSetup(new Failing())
			.setControllerAdvice(new ApiProblems(messages))
			.build();
	}

	@Test
	void aDatabaseThatCannotBeReachedIsA503ProblemToRetry() throws Exception {
		for (String path : new String[] { "/api/v1/no-connection", "/api/v1/connection-lost", "/api/v1/commit-failed",
				"/api/v1/statement-cut-off", "/api/v1/rollback-failed" }) {
			this.mvc.perform(get(path))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(jsonPath("$.title").value("Service unavailable"))
				.andExpect(
						jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The database is not answering")));
		}
	}

	@Test
	void anythingElseIsA500ProblemWithoutItsDetails() throws Exception {
		this.mvc.perform(get("/api/v1/bug"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Internal error"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("private"))));
	}

}
