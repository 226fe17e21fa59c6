package com.helpdesk.security;

import java.time.Duration;

import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in with the form: failed attempts are throttled, a success starts a new
 * session, signing out ends it.
 */
@IntegrationTest
class LoginThrottleTest {

	private static final String SESSION_COOKIE = "SESSION";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@AfterEach
	void putTheClockBack() {
		this.clock.reset();
	}

	@Test
	void fiveWrongPasswordsThrottleTheNameUntilTheBlockIsOver() throws Exception {
		Person person = this.data.requester(this.data.client());
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin().user(person.email()).password("wrong-password-" + i))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/login?error"));
		}
		// now even the right password is refused
		this.mvc.perform(formLogin().user(person.email()).password(TestData.PASSWORD))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?throttled"));
		// also when the name is typed differently
		this.mvc.perform(formLogin().user("  " + person.email().toUpperCase() + " ").password(TestData.PASSWORD))
			.andExpect(redirectedUrl("/login?throttled"));
		// and through the API, which signs in with the same accounts
		assertThat(this.mvc.perform(get("/api/v1/tickets").with(httpBasic(person.email(), TestData.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);

		this.clock.advance(Duration.ofMinutes(16));
		this.mvc.perform(formLogin().user(person.email()).password(TestData.PASSWORD))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aSuccessClearsTheCountOfFailures() throws Exception {
		Person person = this.data.requester(this.data.client());
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(formLogin().user(person.email()).password("wrong"))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin().user(person.email()).password(TestData.PASSWORD)).andExpect(redirectedUrl("/"));
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(formLogin().user(person.email()).password("wrong"))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin().user(person.email()).password(TestData.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void throttlingOneNameLeavesOthersAlone() throws Exception {
		Person throttled = this.data.requester(this.data.client());
		Person other = this.data.requester(this.data.client());
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin().user(throttled.email()).password("wrong"))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin().user(other.email()).password(TestData.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void signingInChangesTheSessionId() throws Exception {
		Person person = this.data.requester(this.data.client());
		// the sign-in page starts a session for its CSRF token
		MockHttpServletResponse loginPage = this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		Cookie before = loginPage.getCookie(SESSION_COOKIE);
		assertThat(before).as("session cookie of the sign-in page").isNotNull();

		MockHttpServletResponse signedIn = this.mvc
			.perform(post("/login").cookie(before)
				.param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();
		Cookie after = signedIn.getCookie(SESSION_COOKIE);
		assertThat(after).as("a new session cookie").isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());

		// the new session is signed in, the old one is not
		assertThat(this.mvc.perform(get("/").cookie(after)).andReturn().getResponse().getRedirectedUrl())
			.startsWith("/requests");
		assertThat(this.mvc.perform(get("/requests").cookie(before)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		Person person = this.data.requester(this.data.client());
		MockHttpServletResponse signedIn = this.mvc
			.perform(post("/login").param("username", person.email()).param("password", TestData.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();
		Cookie session = signedIn.getCookie(SESSION_COOKIE);
		assertThat(session).isNotNull();
		this.mvc.perform(get("/requests").cookie(session)).andExpect(status().isOk());

		this.mvc.perform(post("/logout").cookie(session).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?signedOut"));

		assertThat(this.mvc.perform(get("/requests").cookie(session)).andReturn().getResponse().getRedirectedUrl())
			.as("the old session cookie no longer signs anyone in")
			.endsWith("/login");
	}

	@Test
	void signingOutNeedsTheCsrfToken() throws Exception {
		Person person = this.data.requester(this.data.client());
		Cookie session = this.mvc
			.perform(post("/login").param("username", person.email()).param("password", TestData.PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie(SESSION_COOKIE);
		assertThat(this.mvc.perform(post("/logout").cookie(session)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		this.mvc.perform(get("/requests").cookie(session)).andExpect(status().isOk());
	}

}
