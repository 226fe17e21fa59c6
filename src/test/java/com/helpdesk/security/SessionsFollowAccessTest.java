package com.helpdesk.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.UserCommand;
import com.helpdesk.directory.UserRecord;
import com.helpdesk.rota.RotaFeeds;
import com.helpdesk.security.internal.ApiTokens;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketService;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A signed-in person's sessions follow what an administrator changes about them:
 * disabled, a new role, client, email or password ends every session at once (on every
 * instance: the session store reads each request's session from the database and checks
 * its person there), someone's own new password ends only their other sessions, and the
 * last administrator stays one. Disabling also revokes API tokens and calendar feeds for
 * good.
 */
@IntegrationTest
class SessionsFollowAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	TicketService tickets;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	RotaFeeds feeds;

	@Autowired
	org.springframework.security.crypto.password.PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDisabledAgentsSessionEndsAtOnceAndTheirNotesAreRefused() throws Exception {
		Person agent = this.data.agent();
		Person administrator = this.data.person(Role.ADMIN, null);
		long ticket = this.tickets.create(this.data.requester(this.data.client()), TestData.question("Disabled"),
				List.of());
		Cookie session = signIn(agent.email(), TestData.PASSWORD);
		assertThat(page(get("/tickets"), session).getStatus()).isEqualTo(200);

		change(agent, administrator.id(), (u) -> command(u, u.role(), false, null));

		assertSignedOut(page(get("/tickets"), session));
		assertSignedOut(page(post("/tickets/" + ticket + "/notes").param("body", "Still here").with(csrf()), session));
		assertThat(this.jdbc.sql("select count(*) from ticket_comment where ticket_id = ? and author_id = ?")
			.params(ticket, agent.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(sessionsOf(agent)).as("their sessions are deleted too").isZero();
	}

	@Test
	void anAdministratorDemotedAndDisabledCannotPromoteThemselvesBackFromTheirOldSession() throws Exception {
		Person demoted = this.data.person(Role.ADMIN, null);
		Person other = this.data.person(Role.ADMIN, null);
		Cookie session = signIn(demoted.email(), TestData.PASSWORD);
		assertThat(page(get("/admin/users"), session).getStatus()).isEqualTo(200);
		change(demoted, other.id(), (u) -> command(u, Role.AGENT, false, null));
		UserRecord after = this.directory.user(demoted.id());

		MockHttpServletResponse attempt = page(post("/admin/users/" + demoted.id()).param("email", after.email())
			.param("name", after.name())
			.param("role", "ADMIN")
			.param("timeZone", after.timeZone())
			.param("enabled", "true")
			.param("version", String.valueOf(after.version()))
			.with(csrf()), session);

		assertSignedOut(attempt);
		UserRecord still = this.directory.user(demoted.id());
		assertThat(still.role()).isEqualTo(Role.AGENT);
		assertThat(still.enabled()).isFalse();
	}

	@Test
	void aNewRoleOrClientTakesEffectAtOnce() throws Exception {
		Person agent = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		Person administrator = this.data.person(Role.ADMIN, null);
		Cookie agentSession = signIn(agent.email(), TestData.PASSWORD);
		Cookie requesterSession = signIn(requester.email(), TestData.PASSWORD);

		change(agent, administrator.id(), (u) -> new UserCommand(u.email(), u.name(), Role.REQUESTER,
				requester.clientId(), u.timeZone(), null, true, Set.of()));
		long otherClient = this.data.client();
		change(requester, administrator.id(), (u) -> new UserCommand(u.email(), u.name(), Role.REQUESTER, otherClient,
				u.timeZone(), null, true, Set.of()));

		assertSignedOut(page(get("/tickets"), agentSession));
		assertSignedOut(page(get("/requests"), requesterSession));
		// signed in again, each has their new access
		assertThat(page(get("/requests"), signIn(agent.email(), TestData.PASSWORD)).getStatus()).isEqualTo(200);
	}

	@Test
	void anAccountDisabledStraightInTheDatabaseIsSignedOutOnItsNextRequest() throws Exception {
		Person agent = this.data.agent();
		Cookie session = signIn(agent.email(), TestData.PASSWORD);
		assertThat(page(get("/tickets"), session).getStatus()).isEqualTo(200);

		// no event, nothing deleted: only the session store's own check stands between
		this.jdbc.sql("update app_user set enabled = false where id = ?").param(agent.id()).update();

		assertSignedOut(page(get("/tickets"), session));
		assertThat(sessionsOf(agent)).as("the session row is still there").isPositive();
	}

	@Test
	void sessionsStartedBeforeTheLastChangeAreRefusedAndASignInFromAnOlderSignInPageStillWorks() throws Exception {
		Person agent = this.data.agent();
		Cookie session = signIn(agent.email(), TestData.PASSWORD);
		// the sign-in page opened before the change: its session is older than the change
		Cookie signInPage = this.mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
		Thread.sleep(5);

		this.jdbc.sql("update app_user set sessions_valid_from = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now()), agent.id())
			.update();

		assertSignedOut(page(get("/tickets"), session));
		MockHttpServletResponse signedIn = this.mvc
			.perform(post("/login").cookie(signInPage)
				.param("username", agent.email())
				.param("password", TestData.PASSWORD)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(signedIn.getRedirectedUrl()).isEqualTo("/");
		assertThat(page(get("/tickets"), signedIn.getCookie("SESSION")).getStatus()).isEqualTo(200);
	}

	@Test
	void changingYourOwnPasswordKeepsThisSessionAndEndsYourOthers() throws Exception {
		Person agent = this.data.agent();
		Cookie here = signIn(agent.email(), TestData.PASSWORD);
		Cookie elsewhere = signIn(agent.email(), TestData.PASSWORD);
		String newPassword = "a new password for " + agent.id();

		MockHttpServletResponse changed = page(post("/profile/password").param("currentPassword", TestData.PASSWORD)
			.param("newPassword", newPassword)
			.with(csrf()), here);

		assertThat(changed.getRedirectedUrl()).isEqualTo("/profile");
		assertThat(page(get("/tickets"), here).getStatus()).isEqualTo(200);
		assertSignedOut(page(get("/tickets"), elsewhere));
		assertThat(signInAnswer(agent.email(), TestData.PASSWORD)).isEqualTo("/login?error");
		assertThat(signInAnswer(agent.email(), newPassword)).isEqualTo("/");
	}

	@Test
	void aWrongCurrentPasswordOrAShortNewOneIsRefusedNextToItsFieldAndNothingChanges() throws Exception {
		Person agent = this.data.agent();
		Cookie here = signIn(agent.email(), TestData.PASSWORD);
		Cookie elsewhere = signIn(agent.email(), TestData.PASSWORD);

		MockHttpServletResponse refused = page(post("/profile/password").param("currentPassword", "not my password")
			.param("newPassword", "short")
			.with(csrf()), here);

		assertThat(refused.getStatus()).isEqualTo(400);
		String body = refused.getContentAsString();
		assertThat(com.helpdesk.support.Pages.summaryLinks(body)).containsOnlyKeys("currentPassword", "newPassword");
		assertThat(com.helpdesk.support.Pages.errorNextTo(body, "currentPassword"))
			.contains("Enter your current password correctly");
		assertThat(page(get("/tickets"), elsewhere).getStatus()).isEqualTo(200);
		assertThat(signInAnswer(agent.email(), TestData.PASSWORD)).isEqualTo("/");
	}

	@Test
	void theCurrentPasswordIsGuessedNoFasterThanAtSignInAndALongNewOneIsRefused() throws Exception {
		Person agent = this.data.agent();
		Cookie here = signIn(agent.email(), TestData.PASSWORD);
		MockHttpServletResponse tooLong = page(post("/profile/password").param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "é".repeat(40))
			.with(csrf()), here);
		assertThat(tooLong.getStatus()).as("over bcrypt's 72 bytes: refused, not a 500").isEqualTo(400);
		assertThat(com.helpdesk.support.Pages.summaryLinks(tooLong.getContentAsString()))
			.containsOnlyKeys("newPassword");
		for (int i = 0; i < 5; i++) {
			assertThat(page(post("/profile/password").param("currentPassword", "guess " + i)
				.param("newPassword", "a new password of mine")
				.with(csrf()), here).getStatus()).isEqualTo(400);
		}
		MockHttpServletResponse throttled = page(post("/profile/password").param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "a new password of mine")
			.with(csrf()), here);
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(com.helpdesk.support.Pages.errorNextTo(throttled.getContentAsString(), "currentPassword"))
			.contains("entered wrongly too many times");
		assertThat(this.passwords.matches(TestData.PASSWORD,
				this.directory.credentials(agent.email()).orElseThrow().passwordHash()))
			.as("the password did not change")
			.isTrue();
	}

	@Test
	void anAdministratorSettingSomeoneElsesPasswordEndsAllTheirSessions() throws Exception {
		Person agent = this.data.agent();
		Person administrator = this.data.person(Role.ADMIN, null);
		Cookie session = signIn(agent.email(), TestData.PASSWORD);

		change(agent, administrator.id(), (u) -> command(u, u.role(), true, "set by the administrator"));

		assertSignedOut(page(get("/tickets"), session));
	}

	@Test
	void anAdministratorSettingTheirOwnPasswordOnTheirAdminPageStaysSignedInThere() throws Exception {
		Person administrator = this.data.person(Role.ADMIN, null);
		Cookie here = signIn(administrator.email(), TestData.PASSWORD);
		Cookie elsewhere = signIn(administrator.email(), TestData.PASSWORD);
		UserRecord me = this.directory.user(administrator.id());

		MockHttpServletResponse saved = page(post("/admin/users/" + me.id()).param("email", me.email())
			.param("name", me.name())
			.param("role", "ADMIN")
			.param("timeZone", me.timeZone())
			.param("enabled", "true")
			.param("password", "my own new password")
			.param("version", String.valueOf(me.version()))
			.with(csrf()), here);

		assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/users");
		assertThat(page(get("/admin/users"), here).getStatus()).isEqualTo(200);
		assertSignedOut(page(get("/admin/users"), elsewhere));
	}

	@Test
	@Transactional
	void theLastAdministratorWhoCanSignInCannotBeDemotedOrDisabled() throws Exception {
		Person last = this.data.person(Role.ADMIN, null);
		// within this test's transaction, rolled back after it
		this.jdbc.sql("update app_user set enabled = false where role = 'ADMIN' and id <> ?").param(last.id()).update();
		UserRecord me = this.directory.user(last.id());

		MockHttpServletResponse refused = this.mvc
			.perform(post("/admin/users/" + me.id()).param("email", me.email())
				.param("name", me.name())
				.param("role", "AGENT")
				.param("timeZone", me.timeZone())
				.param("_enabled", "on")
				.param("version", String.valueOf(me.version()))
				.with(user(new HelpdeskUser(last, null, true)))
				.with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(com.helpdesk.support.Pages.summaryLinks(refused.getContentAsString())).containsOnlyKeys("role",
				"enabled");
		assertThat(com.helpdesk.support.Pages.errorNextTo(refused.getContentAsString(), "role"))
			.contains("Keep at least one administrator");
		assertThat(this.directory.user(last.id()).role()).isEqualTo(Role.ADMIN);
		assertThatThrownBy(() -> change(last, last.id(), (u) -> command(u, Role.ADMIN, false, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("enabled"));

		// with another administrator, they may step down
		Person another = this.data.person(Role.ADMIN, null);
		change(last, another.id(), (u) -> command(u, Role.AGENT, true, null));
		assertThat(this.directory.user(last.id()).role()).isEqualTo(Role.AGENT);
	}

	@Test
	void disablingRevokesTheirApiTokensAndCalendarFeedsForGood() throws Exception {
		Person agent = this.data.agent();
		Person administrator = this.data.person(Role.ADMIN, null);
		String secret = this.apiTokens.create(agent.id(), "CI");
		String feed = this.feeds.create(agent, null);
		assertThat(api(secret)).isEqualTo(200);
		assertThat(this.mvc.perform(get("/feeds/" + feed + ".ics")).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		change(agent, administrator.id(), (u) -> command(u, u.role(), false, null));
		change(agent, administrator.id(), (u) -> command(u, u.role(), true, null));

		assertThat(api(secret)).isEqualTo(401);
		assertThat(this.mvc.perform(get("/feeds/" + feed + ".ics")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.apiTokens.list(agent.id())).allMatch((t) -> !t.active());
		assertThat(this.feeds.of(agent)).allMatch((f) -> f.revokedAt() != null);
		// enabled again, they make new ones
		assertThat(api(this.apiTokens.create(agent.id(), "CI again"))).isEqualTo(200);
	}

	@Test
	void aFeedStopsWhileItsOwnerIsDisabledEvenBeforeItIsRevoked() throws Exception {
		Person agent = this.data.agent();
		String feed = this.feeds.create(agent, null);

		this.jdbc.sql("update app_user set enabled = false where id = ?").param(agent.id()).update();

		assertThat(this.mvc.perform(get("/feeds/" + feed + ".ics")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	// --- helpers -------------------------------------------------------------------

	interface Change {

		UserCommand apply(UserRecord user);

	}

	private void change(Person person, long actorId, Change change) {
		UserRecord user = this.directory.user(person.id());
		this.admin.updateUser(person.id(), user.version(), change.apply(user), actorId);
	}

	private static UserCommand command(UserRecord user, Role role, boolean enabled, String password) {
		return new UserCommand(user.email(), user.name(), role, (role == Role.REQUESTER) ? user.clientId() : null,
				user.timeZone(), password, enabled, Set.copyOf(user.groupIds()));
	}

	private Cookie signIn(String email, String password) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).as("signed in").isEqualTo("/");
		return response.getCookie("SESSION");
	}

	private String signInAnswer(String email, String password) throws Exception {
		return this.mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private MockHttpServletResponse page(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
		return this.mvc.perform(request.cookie(session)).andReturn().getResponse();
	}

	private static void assertSignedOut(MockHttpServletResponse response) {
		assertThat(response.getStatus()).as("sent to sign in").isEqualTo(302);
		assertThat(response.getRedirectedUrl()).endsWith("/login");
	}

	private long sessionsOf(Person person) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(person.email())
			.query(Long.class)
			.single();
	}

	private int api(String token) throws Exception {
		return this.mvc.perform(get("/api/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus();
	}

}
