package com.helpdesk.security.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A token sign-in while the database is away answers a 503 problem to retry, not a stack
 * of filters' 500 (found by bench/db-restart.sh).
 */
class ApiTokenAuthenticationFilterTest {

	@Test
	void aTokenThatCannotBeCheckedForWantOfTheDatabaseIsA503ProblemToRetry() throws Exception {
		ApiTokens tokens = mock(ApiTokens.class);
		when(tokens.authenticate(anyString())).thenThrow(new CannotCreateTransactionException("Connection refused"));
		ApiTokenAuthenticationFilter filter = new ApiTokenAuthenticationFilter(tokens, mock(LoginThrottle.class), null,
				null, (request, response, ex) -> response.sendError(401));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tickets");
		request.addHeader("Authorization", "Bearer hd_secret");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503", "Service unavailable");
		assertThat(chain.getRequest()).as("the request goes no further").isNull();
	}

}
