package com.helpdesk.security.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.helpdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store writes a session's last access at most once a minute, and still
 * writes attributes at once.
 */
@IntegrationTest
class QuietSessionsTest {

	FindByIndexNameSessionRepository<QuietSessions.Quiet> sessions;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Autowired
	@SuppressWarnings("unchecked")
	void sessions(org.springframework.context.ApplicationContext context) {
		// the bean is declared as Spring Session's JDBC store and wrapped after creation,
		// so it is looked up by its raw type
		this.sessions = context.getBeansOfType(FindByIndexNameSessionRepository.class).values().iterator().next();
	}

	@Test
	void theStoreInUseIsTheQuietOne() {
		assertThat(this.sessions).isInstanceOf(QuietSessions.class);
	}

	@Autowired
	org.springframework.transaction.support.TransactionTemplate appTransactions;

	@Test
	void sessionsUsePlainJdbcTransactionsAndTheAppKeepsJpa() {
		assertThat(this.appTransactions.getTransactionManager())
			.isInstanceOf(org.springframework.orm.jpa.JpaTransactionManager.class);
	}

	@Test
	void lastAccessIsWrittenOnlyOnceAMinuteOld() {
		QuietSessions.Quiet session = this.sessions.createSession();
		session.setAttribute("probe", "one");
		this.sessions.save(session);
		Instant stored = lastAccess(session.getId());

		QuietSessions.Quiet read = this.sessions.findById(session.getId());
		read.setLastAccessedTime(stored.plusSeconds(30));
		this.sessions.save(read);
		assertThat(lastAccess(session.getId())).isEqualTo(stored);

		read = this.sessions.findById(session.getId());
		read.setLastAccessedTime(stored.plusSeconds(30));
		read.setAttribute("probe", "two");
		this.sessions.save(read);
		assertThat(this.sessions.findById(session.getId()).<String>getAttribute("probe")).isEqualTo("two");
		assertThat(lastAccess(session.getId())).isEqualTo(stored);

		read = this.sessions.findById(session.getId());
		read.setLastAccessedTime(stored.plusSeconds(61));
		this.sessions.save(read);
		assertThat(lastAccess(session.getId())).isEqualTo(stored.plusSeconds(61));
	}

	@Test
	void withinARequestTheSessionJustSavedAnswersTheReadThatFollowsOnce() throws Exception {
		QuietSessions.Quiet session = this.sessions.createSession();
		session.setAttribute("probe", "saved");
		QuietSessions.remembering(() -> {
			this.sessions.save(session);
			// gone from the database: only the saved session itself can answer now
			delete(session.getId());

			assertThat(this.sessions.findById(session.getId())).isSameAs(session);
			// once only: the next read goes to the database again
			assertThat(this.sessions.findById(session.getId())).isNull();
		});
	}

	@Test
	void outsideARequestOrForAnotherSessionTheDatabaseAnswers() throws Exception {
		QuietSessions.Quiet saved = this.sessions.createSession();
		this.sessions.save(saved);
		delete(saved.getId());
		assertThat(this.sessions.findById(saved.getId())).as("not within a request").isNull();

		QuietSessions.Quiet other = this.sessions.createSession();
		other.setAttribute("probe", "other");
		this.sessions.save(other);
		QuietSessions.Quiet mine = this.sessions.createSession();
		QuietSessions.remembering(() -> {
			this.sessions.save(mine);
			assertThat(this.sessions.findById(other.getId()).<String>getAttribute("probe")).isEqualTo("other");
		});
		QuietSessions.remembering(() -> {
			this.sessions.save(mine);
			delete(mine.getId());
		});
		assertThat(this.sessions.findById(mine.getId())).as("forgotten when the request ended").isNull();
	}

	@Test
	void aSessionEndedElsewhereIsNotKeptAliveByAnErrorPageServedBefore() throws Exception {
		for (int i = 0; i < 5; i++) {
			java.net.CookieManager cookies = new java.net.CookieManager();
			HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
			signIn(client);
			// an error page is a dispatch of its own, after the request's
			assertThat(client
				.send(HttpRequest.newBuilder(uri("/favicon.ico")).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode()).isEqualTo(404);
			// signed out on another instance: the session is gone from the database
			delete(sessionId(cookies));

			var page = client.send(HttpRequest.newBuilder(uri("/tickets")).build(),
					HttpResponse.BodyHandlers.discarding());

			assertThat(page.statusCode()).as("sent to sign in again").isEqualTo(302);
			assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
		}
	}

	@Test
	void aSignedInPageViewDoesNotWriteTheSessionRow() throws Exception {
		java.net.CookieManager cookies = new java.net.CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		signIn(client);
		assertThat(client.send(HttpRequest.newBuilder(uri("/tickets")).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		String sessionId = sessionId(cookies);
		Instant before = lastAccess(sessionId);

		var page = client.send(HttpRequest.newBuilder(uri("/tickets")).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign out");
		assertThat(lastAccess(sessionId)).isEqualTo(before);
	}

	@Test
	void manyFirstPagesOfOneSessionAtOnceAllAnswer() throws Exception {
		java.net.CookieManager cookies = new java.net.CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		// signed in, not yet redirected: no page has made the session's CSRF token yet
		signIn(client);

		List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> pages = new java.util.ArrayList<>();
		for (int i = 0; i < 24; i++) {
			pages.add(client.sendAsync(HttpRequest.newBuilder(uri("/tickets")).build(),
					HttpResponse.BodyHandlers.discarding()));
		}

		assertThat(pages.stream().map((page) -> page.join().statusCode())).containsOnly(200);
	}

	/**
	 * Signs the agent in through the form, without following the redirect.
	 */
	private void signIn(HttpClient client) throws Exception {
		String login = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String csrf = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=agent@helpdesk.test&password=demo-pass-2026&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static String sessionId(java.net.CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("SESSION"))
			.map((c) -> new String(java.util.Base64.getDecoder().decode(c.getValue())))
			.findFirst()
			.orElseThrow();
	}

	private void delete(String id) {
		this.jdbc.sql("delete from spring_session where session_id = ?").param(id).update();
	}

	private Instant lastAccess(String id) {
		return this.jdbc.sql("select last_access_time from spring_session where session_id = ?")
			.param(id)
			.query((rs, n) -> Instant.ofEpochMilli(rs.getLong(1)))
			.single()
			.truncatedTo(ChronoUnit.MILLIS);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
