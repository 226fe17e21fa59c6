package com.helpdesk.ticket.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.helpdesk.directory.Person;
import com.helpdesk.security.internal.ApiTokens;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TimelineKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand conflicting edits of the same tickets over HTTP at once: every edit that
 * read a stale version is refused with 409 and nothing else, and when each editor reads
 * again and retries, no one's change is lost.
 */
@IntegrationTest
class ConcurrentEditsTest {

	private static final int TICKETS = 50;

	private static final int EDITORS_PER_TICKET = 20;

	@LocalServerPort
	int port;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	TestData data;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	ObjectMapper json;

	@Test
	void aThousandEditorsEachAddATagAndNoneIsLostWhileEveryLoserGets409() throws Exception {
		Person requester = this.data.requester(this.data.client());
		Person agent = this.data.agent();
		String token = this.apiTokens.create(agent.id(), "concurrent edits");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < TICKETS; i++) {
			ids.add(this.tickets.create(requester, TestData.question("Contended " + i), List.of()));
		}
		AtomicInteger won = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		Map<Integer, AtomicInteger> other = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(32);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> editors = new ArrayList<>();
		for (long id : ids) {
			for (int e = 0; e < EDITORS_PER_TICKET; e++) {
				String tag = "editor-" + e;
				editors.add(pool.submit(() -> {
					go.await();
					while (true) {
						JsonNode ticket = this.json.readTree(send(token, "GET", "/api/v1/tickets/" + id, null).body());
						List<String> tags = new ArrayList<>();
						ticket.get("tags").forEach((t) -> tags.add(t.asString()));
						tags.add(tag);
						String body = this.json
							.writeValueAsString(Map.of("version", ticket.get("version").asLong(), "tags", tags));
						int status = send(token, "PATCH", "/api/v1/tickets/" + id, body).statusCode();
						if (status == 200) {
							won.incrementAndGet();
							return null;
						}
						if (status == 409) {
							conflicts.incrementAndGet();
						}
						else {
							other.computeIfAbsent(status, (k) -> new AtomicInteger()).incrementAndGet();
							return null;
						}
					}
				}));
			}
		}
		go.countDown();
		for (Future<?> editor : editors) {
			editor.get();
		}
		pool.shutdown();

		assertThat(other).as("answers other than 200 and 409").isEmpty();
		assertThat(won.get()).isEqualTo(TICKETS * EDITORS_PER_TICKET);
		assertThat(conflicts.get()).as("editors who read a version someone else had changed").isPositive();
		for (long id : ids) {
			TicketView view = this.queries.ticket(agent, id);
			assertThat(Set.copyOf(view.tags())).as("ticket %d", id).hasSize(EDITORS_PER_TICKET);
			assertThat(view.timeline().stream().filter((e) -> e.kind() == TimelineKind.TAGS_CHANGED))
				.hasSize(EDITORS_PER_TICKET);
		}
	}

	@Test
	void ofAHundredEditsFromTheSameVersionOneWinsAndNinetyNineGet409() throws Exception {
		Person requester = this.data.requester(this.data.client());
		Person agent = this.data.agent();
		String token = this.apiTokens.create(agent.id(), "one version");
		long id = this.tickets.create(requester, TestData.question("Everyone at once"), List.of());
		ExecutorService pool = Executors.newFixedThreadPool(32);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String priority = (i % 2 == 0) ? "HIGH" : "LOW";
			answers.add(pool.submit(() -> {
				go.await();
				return send(token, "PATCH", "/api/v1/tickets/" + id,
						"{\"version\":0,\"priority\":\"" + priority + "\"}")
					.statusCode();
			}));
		}
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses.stream().filter((s) -> s == 200)).hasSize(1);
		TicketView view = this.queries.ticket(agent, id);
		assertThat(view.version()).isEqualTo(1);
		assertThat(view.timeline().stream().filter((e) -> e.kind() == TimelineKind.PRIORITY_CHANGED)).hasSize(1);
	}

	private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
