package com.helpdesk.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Static files: pages link each by an address that holds its version (a WebJar's version,
 * a hash of our own file's content), which browsers keep for a year without asking again;
 * the same file without its version is checked each time; text answers are compressed;
 * and the API documentation is linked for staff in the footer and for requesters beside
 * their tokens.
 */
@IntegrationTest
class StaticFilesTest {

	private static final String YEAR = "max-age=31536000, public, immutable";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@LocalServerPort
	int port;

	@Test
	void pagesLinkVersionedFilesThatAreKeptForAYear() throws Exception {
		String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		List<String> links = links(page);
		assertThat(links).anyMatch((link) -> link.matches("/css/helpdesk-[0-9a-f]{32}\\.css"))
			.anyMatch((link) -> link.matches("/js/init-[0-9a-f]{32}\\.js"))
			.anyMatch(
					(link) -> link.matches("/webjars/govuk-frontend/[0-9][^/]*/dist/govuk/govuk-frontend\\.min\\.css"))
			.anyMatch((link) -> link.matches("/webjars/ministryofjustice__frontend/[0-9][^/]*/moj/.*\\.css"))
			.anyMatch((link) -> link.matches("/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js"));
		for (String link : links) {
			if (link.startsWith("/css/") || link.startsWith("/js/") || link.startsWith("/webjars/")) {
				MockHttpServletResponse file = this.mvc.perform(get(link)).andReturn().getResponse();
				assertThat(file.getStatus()).as(link).isEqualTo(200);
				assertThat(file.getHeader(HttpHeaders.CACHE_CONTROL)).as(link).isEqualTo(YEAR);
				assertThat(file.getHeaders(HttpHeaders.CACHE_CONTROL)).as(link)
					.noneMatch((v) -> v.contains("no-store"));
				assertThat(file.getHeader(HttpHeaders.PRAGMA)).as(link).isNull();
			}
		}
	}

	@Test
	void aFileAskedForWithoutItsVersionIsCheckedEachTime() throws Exception {
		for (String path : new String[] { "/css/helpdesk.css", "/js/init.js",
				"/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js" }) {
			MockHttpServletResponse file = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(file.getStatus()).as(path).isEqualTo(200);
			assertThat(file.getHeader(HttpHeaders.CACHE_CONTROL)).as(path).isEqualTo("no-cache");
			String lastModified = file.getHeader(HttpHeaders.LAST_MODIFIED);
			assertThat(lastModified).as(path).isNotNull();
			assertThat(this.mvc.perform(get(path).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
				.andReturn()
				.getResponse()
				.getStatus()).as(path).isEqualTo(304);
		}
		// a hash that is not the file's is not served as if it were
		assertThat(this.mvc.perform(get("/css/helpdesk-0123456789abcdef0123456789abcdef.css"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void textIsSentCompressed() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String page = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		for (String path : links(page)) {
			if (!path.endsWith(".css") && !path.endsWith(".js")) {
				continue;
			}
			HttpResponse<byte[]> compressed = client
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Accept-Encoding", "gzip")
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> plain = client.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (plain.body().length < 2048) {
				continue;
			}
			assertThat(compressed.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			assertThat(compressed.body().length).as(path).isLessThan(plain.body().length);
			assertThat(new GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body())).readAllBytes()).as(path)
				.isEqualTo(plain.body());
		}
		HttpResponse<byte[]> html = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(html.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	@Test
	void theApiDocumentationIsInStaffsFooterAndBesideARequestersTokens() throws Exception {
		Person requester = this.data.requester(this.data.client());
		String requests = page(requester, "/requests");
		assertThat(footer(requests)).doesNotContain("swagger-ui");
		String profile = page(requester, "/profile");
		assertThat(footer(profile)).doesNotContain("swagger-ui");
		assertThat(profile).contains("id=\"api-docs\" href=\"/swagger-ui.html\"");
		Person agent = this.data.agent();
		assertThat(footer(page(agent, "/tickets"))).contains("href=\"/swagger-ui.html\"");
		assertThat(footer(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()))
			.doesNotContain("swagger-ui");
	}

	private String page(Person person, String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).with(user(new HelpdeskUser(person, null, true))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private static String footer(String page) {
		return page.substring(page.indexOf("<footer"));
	}

	private static List<String> links(String page) {
		List<String> links = new ArrayList<>();
		Matcher link = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"").matcher(page);
		while (link.find()) {
			links.add(link.group(1));
		}
		return links;
	}

}
