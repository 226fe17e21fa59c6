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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in with the form and HTTP Basic: failed attempts are throttled per account from
 * an address and per address, so the real person from their own address is not locked out
 * by someone else's guesses; disabled accounts answer like unknown ones; guessed API
 * tokens are throttled per address; a success starts a new session, signing out ends it.
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

	@Autowired
	com.helpdesk.directory.Directory directory;

	@Autowired
	com.helpdesk.directory.DirectoryAdmin admin;

	@Autowired
	com.helpdesk.security.internal.ApiTokens tokens;

	@AfterEach
	void putTheClockBack() {
		this.clock.reset();
	}

	@Test
	void fiveWrongPasswordsThrottleTheAccountFromThatAddressUntilTheBlockIsOver() throws Exception {
		Person person = this.data.requester(this.data.client());
		String address = address();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(login(person.email(), "wrong-password-" + i, address))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/login?error"));
		}
		// now even the right password is refused
		this.mvc.perform(login(person.email(), TestData.PASSWORD, address))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?throttled"));
		// also when the name is typed differently
		this.mvc.perform(login("  " + person.email().toUpperCase() + " ", TestData.PASSWORD, address))
			.andExpect(redirectedUrl("/login?throttled"));
		// and through the API, which signs in with the same accounts: 429, to retry
		MockHttpServletResponse api = this.mvc
			.perform(get("/api/v1/tickets").with(httpBasic(person.email(), TestData.PASSWORD)).with(from(address)))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(429);
		assertThat(api.getHeader("Retry-After")).matches("[1-9][0-9]*");
		assertThat(api.getContentType()).startsWith("application/problem+json");

		this.clock.advance(Duration.ofMinutes(16));
		this.mvc.perform(login(person.email(), TestData.PASSWORD, address))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void someoneGuessingFromElsewhereDoesNotLockTheRealPersonOutFromTheirOwnAddress() throws Exception {
		Person person = this.data.requester(this.data.client());
		String attacker = address();
		for (int i = 0; i < 8; i++) {
			this.mvc.perform(login(person.email(), "guess-" + i, attacker));
		}
		this.mvc.perform(login(person.email(), TestData.PASSWORD, attacker))
			.andExpect(redirectedUrl("/login?throttled"));

		this.mvc.perform(login(person.email(), TestData.PASSWORD, address())).andExpect(redirectedUrl("/"));
		assertThat(this.mvc
			.perform(get("/api/v1/tickets").with(httpBasic(person.email(), TestData.PASSWORD)).with(from(address())))
			.andReturn()
			.getResponse()
			.getStatus()).as("their API scripts too").isEqualTo(200);
	}

	@Test
	void anAddressTryingManyAccountsIsBlockedForEveryAccountFromThere() throws Exception {
		Person person = this.data.requester(this.data.client());
		String address = address();
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(login(TestData.unique("nobody") + "@test.example", "guess", address))
				.andExpect(redirectedUrl("/login?error"));
		}

		this.mvc.perform(login(person.email(), TestData.PASSWORD, address))
			.andExpect(redirectedUrl("/login?throttled"));
		this.mvc.perform(login(person.email(), TestData.PASSWORD, address())).andExpect(redirectedUrl("/"));
	}

	@Test
	void aDisabledAccountAnswersLikeAnUnknownOneCountedTheSameAndAfterTheSameWork() throws Exception {
		Person disabled = this.data.requester(this.data.client());
		com.helpdesk.directory.UserRecord user = this.directory.user(disabled.id());
		this.admin.updateUser(disabled.id(), user.version(), new com.helpdesk.directory.UserCommand(user.email(),
				user.name(), user.role(), user.clientId(), user.timeZone(), null, false, java.util.Set.of()), null);
		String unknown = TestData.unique("nobody") + "@test.example";
		String fromDisabled = address();
		String fromUnknown = address();
		long disabledFastest = Long.MAX_VALUE;
		long unknownFastest = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			String disabledAnswer = this.mvc.perform(login(disabled.email(), TestData.PASSWORD, fromDisabled))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			disabledFastest = Math.min(disabledFastest, System.nanoTime() - start);
			start = System.nanoTime();
			String unknownAnswer = this.mvc.perform(login(unknown, TestData.PASSWORD, fromUnknown))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			unknownFastest = Math.min(unknownFastest, System.nanoTime() - start);
			assertThat(disabledAnswer).isEqualTo(unknownAnswer).isEqualTo("/login?error");
		}
		// both were counted: the sixth try is throttled alike
		for (String[] attempt : new String[][] { { disabled.email(), fromDisabled }, { unknown, fromUnknown } }) {
			this.mvc.perform(login(attempt[0], TestData.PASSWORD, attempt[1]))
				.andExpect(redirectedUrl("/login?throttled"));
		}
		// a disabled account is not answered without hashing the password, as an unknown
		// one is hashed against a stand-in
		assertThat(disabledFastest * 3).as("disabled %d ns, unknown %d ns", disabledFastest, unknownFastest)
			.isGreaterThan(unknownFastest);
		MockHttpServletResponse disabledApi = this.mvc
			.perform(get("/api/v1/tickets").with(httpBasic(disabled.email(), TestData.PASSWORD)).with(from(address())))
			.andReturn()
			.getResponse();
		MockHttpServletResponse unknownApi = this.mvc
			.perform(get("/api/v1/tickets").with(httpBasic(unknown, TestData.PASSWORD)).with(from(address())))
			.andReturn()
			.getResponse();
		assertThat(disabledApi.getStatus()).isEqualTo(unknownApi.getStatus()).isEqualTo(401);
		assertThat(disabledApi.getContentAsString()).isEqualTo(unknownApi.getContentAsString())
			.doesNotContainIgnoringCase("disabled");
	}

	@Test
	void aDottedCapitalINeitherSignsInNorEscapesTheAccountsCount() throws Exception {
		Person person = this.data.person(com.helpdesk.directory.Role.ADMIN, null);
		assertThat(person.email()).startsWith("admin");
		String dotted = person.email().replaceFirst("i", "\u0130");
		String address = address();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(login(person.email(), "wrong-" + i, address));
		}

		// PostgreSQL lowers İ to i, Java to i and a combining dot: the address names
		// nobody
		String answer = this.mvc.perform(login(dotted, TestData.PASSWORD, address))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(answer).isIn("/login?error", "/login?throttled");
		assertThat(this.mvc
			.perform(get("/api/v1/tickets").with(httpBasic(dotted, TestData.PASSWORD)).with(from(address())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		// nor can anyone have such an address
		assertThatThrownBy(() -> this.admin.createUser(new com.helpdesk.directory.UserCommand(
				TestData.unique("\u0130van") + "@test.example", "Ivan", com.helpdesk.directory.Role.AGENT, null,
				"Europe/London", TestData.PASSWORD, true, java.util.Set.of()), null))
			.isInstanceOfSatisfying(com.helpdesk.shared.InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting((e) -> e.messageKey())
						.containsExactly("user.email.ambiguous"));
	}

	@Test
	void guessedApiTokensAreThrottledPerAddressApartFromSignIns() throws Exception {
		Person person = this.data.requester(this.data.client());
		String token = this.tokens.create(person.id(), "script");
		String guesser = address();
		for (int i = 0; i < 30; i++) {
			assertThat(bearer("hd_guess" + i, guesser).getStatus()).isEqualTo(401);
		}

		MockHttpServletResponse blocked = bearer(token, guesser);
		assertThat(blocked.getStatus()).isEqualTo(429);
		assertThat(blocked.getHeader("Retry-After")).isNotNull();
		assertThat(bearer(token, address()).getStatus()).isEqualTo(200);
		// signing in with a password from that address is counted apart
		this.mvc.perform(login(person.email(), TestData.PASSWORD, guesser)).andExpect(redirectedUrl("/"));
	}

	@Test
	void aSuccessClearsTheCountOfFailures() throws Exception {
		Person person = this.data.requester(this.data.client());
		String address = address();
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(login(person.email(), "wrong", address)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login(person.email(), TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(login(person.email(), "wrong", address)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login(person.email(), TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));
	}

	@Test
	void throttlingOneNameLeavesOthersAlone() throws Exception {
		Person throttled = this.data.requester(this.data.client());
		Person other = this.data.requester(this.data.client());
		String address = address();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(login(throttled.email(), "wrong", address)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login(other.email(), TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));
	}

	/**
	 * A client address of its own for each test, so that the counts per address of tests
	 * sharing the database never meet.
	 */
	private static String address() {
		return "10." + ADDRESSES.nextInt(1, 255) + "." + ADDRESSES.nextInt(0, 256) + "." + ADDRESSES.nextInt(1, 255);
	}

	private static final java.util.Random ADDRESSES = new java.security.SecureRandom();

	private static MockHttpServletRequestBuilder login(String email, String password, String address) {
		return post("/login").param("username", email).param("password", password).with(csrf()).with(from(address));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MockHttpServletResponse bearer(String token, String address) throws Exception {
		return this.mvc.perform(get("/api/v1/tickets").header("Authorization", "Bearer " + token).with(from(address)))
			.andReturn()
			.getResponse();
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
