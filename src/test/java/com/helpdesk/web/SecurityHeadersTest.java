package com.helpdesk.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.rota.RotaFeeds;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries the security headers, the empty ones too: redirects, 304 Not
 * Modified, 401 and 404, pages and API alike, as a real client sees them.
 */
@IntegrationTest
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	RotaFeeds feeds;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@ParameterizedTest
	@ValueSource(strings = { "GET /login", "GET /tickets", "GET /", "POST /logout", "GET /css/helpdesk.css",
			"GET /css/helpdesk.css if-modified", "GET /feeds/{feed} if-none-match", "GET /feeds/unknown.ics",
			"GET /nowhere", "GET /api/v1/tickets", "GET /api/v1/tickets bearer", "GET /actuator/health" })
	void everyAnswerCarriesTheSecurityHeaders(String call) throws Exception {
		HttpResponse<Void> response = send(call);

		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(call + " " + response.statusCode())
			.hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).as(call).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).as(call).isPresent();
		assertThat(response.headers().firstValue("Content-Security-Policy")).as(call)
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'none'"));
	}

	private HttpResponse<Void> send(String call) throws Exception {
		String[] parts = call.split(" ");
		String path = parts[1];
		if (path.contains("{feed}")) {
			Person agent = this.data.agent();
			path = path.replace("{feed}", this.feeds.create(agent, null) + ".ics");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (parts[0].equals("POST")) {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		String variant = (parts.length > 2) ? parts[2] : "";
		if (variant.equals("if-modified")) {
			request.header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT");
		}
		if (variant.equals("bearer")) {
			request.header("Authorization", "Bearer hd_not-a-token");
		}
		if (variant.equals("if-none-match")) {
			String etag = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding())
				.headers()
				.firstValue("ETag")
				.orElseThrow();
			request.header("If-None-Match", etag);
		}
		HttpResponse<Void> response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		if (variant.startsWith("if-")) {
			assertThat(response.statusCode()).as(call).isEqualTo(304);
		}
		assertThat(response.statusCode()).as(call).isNotIn(List.of(500));
		return response;
	}

}
