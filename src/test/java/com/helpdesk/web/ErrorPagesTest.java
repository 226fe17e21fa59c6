package com.helpdesk.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TriageChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What people see when something goes wrong behind a page: the right status and a page in
 * plain words, never a stack trace.
 */
@IntegrationTest
class ErrorPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Value("${local.server.port}")
	int port;

	@Test
	void anUnknownPageIsANotFoundPage() throws Exception {
		Person agent = this.data.agent();
		assertThat(this.mvc.perform(get("/no-such-page").with(signedIn(agent))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		// MockMvc does not render the container's error page: ask the running server
		Browser browser = new Browser(this.port);
		browser.signIn(agent.email(), TestData.PASSWORD);
		HttpResponse<String> page = browser.get("/no-such-page");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("Page not found");
		assertNoInternals(page.body());
	}

	@Test
	void aTicketNumberThatIsNotANumberIsABadRequestPage() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/tickets/abc").with(signedIn(this.data.agent())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(response.getContentAsString()).contains("Sorry, that request was not valid");
		assertNoInternals(response.getContentAsString());
	}

	@Test
	void aBadCursorIsABadRequestPage() throws Exception {
		MockHttpServletResponse queue = this.mvc
			.perform(get("/tickets").param("view", "all").param("cursor", "garbage!").with(signedIn(this.data.agent())))
			.andReturn()
			.getResponse();
		assertThat(queue.getStatus()).isEqualTo(400);
		assertThat(queue.getContentAsString()).contains("This page link is out of date");
		assertNoInternals(queue.getContentAsString());

		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse requests = this.mvc
			.perform(get("/requests").param("cursor", "bm90LWEtY3Vyc29y").with(signedIn(requester)))
			.andReturn()
			.getResponse();
		assertThat(requests.getStatus()).isEqualTo(400);
		assertThat(requests.getContentAsString()).contains("This page link is out of date");
		assertNoInternals(requests.getContentAsString());
	}

	@Test
	void aStaleTriageShowsWhatChanged() throws Exception {
		Person agent = this.data.agent();
		Person colleague = this.data.agent();
		long id = newTicket("Stale triage");
		TicketView read = this.queries.ticket(agent, id);
		// a colleague raises the priority after this agent read the ticket
		this.tickets.triage(colleague, id, read.version(),
				new TriageChange(null, Priority.HIGH, null, null, false, null, false, null, null));

		MockHttpServletResponse response = this.mvc
			.perform(post("/tickets/" + id).with(signedIn(agent))
				.with(csrf())
				.param("version", String.valueOf(read.version()))
				.param("type", read.type().name())
				.param("priority", "LOW")
				.param("status", read.status().name())
				.param("tags", "")
				.param("group", String.valueOf(read.groupId()))
				.param("assignee", ""))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(409);
		String page = response.getContentAsString();
		assertThat(page).contains("Someone else changed this ticket").contains("What changed");
		assertThat(page).contains("Priority changed from Normal to High");
		assertThat(page).doesNotContain("Request raised");
		assertNoInternals(page);
		assertThat(this.queries.ticket(agent, id).priority()).as("nothing of the stale form saved")
			.isEqualTo(Priority.HIGH);
	}

	@Test
	void aStaleReplyKeepsWhatWasTyped() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket("Stale reply");
		TicketView read = this.queries.ticket(agent, id);
		this.tickets.triage(this.data.agent(), id, read.version(),
				new TriageChange(null, Priority.LOW, null, null, false, null, false, null, null));
		MockHttpServletResponse response = this.mvc
			.perform(post("/tickets/" + id).with(signedIn(agent))
				.with(csrf())
				.param("version", String.valueOf(read.version()))
				.param("body", "My carefully typed answer")
				.param("submitAs", "PENDING"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentAsString()).contains("Priority changed from Normal to Low")
			.contains("My carefully typed answer");
		assertThat(this.queries.ticket(agent, id).status()).isEqualTo(TicketStatus.NEW);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsForbidden() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket("No CSRF");
		assertThat(this.mvc
			.perform(post("/tickets/" + id).with(signedIn(agent)).param("body", "Sneaky").param("internal", "true"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		Person requester = this.data.requester(this.data.client());
		assertThat(this.mvc
			.perform(post("/requests").with(signedIn(requester))
				.param("type", "QUESTION")
				.param("subject", "s")
				.param("description", "d")
				.param("alreadyTried", "a"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.queries.ticket(agent, id).timeline()).noneMatch((entry) -> "Sneaky".equals(entry.body()));

		// the running server answers with the 403 page
		Browser browser = new Browser(this.port);
		browser.signIn(agent.email(), TestData.PASSWORD);
		HttpResponse<String> page = browser.postForm("/tickets/" + id, "body=Sneaky&internal=true");
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("You do not have access to this page");
		assertNoInternals(page.body());
	}

	@Test
	void aForbiddenTransitionIsAConflictWithTheReasonNextToTheStatus() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket("Solve too early");
		TicketView read = this.queries.ticket(agent, id);
		MockHttpServletResponse response = this.mvc
			.perform(post("/tickets/" + id).with(signedIn(agent))
				.with(csrf())
				.param("version", String.valueOf(read.version()))
				.param("type", read.type().name())
				.param("priority", read.priority().name())
				.param("status", "SOLVED")
				.param("tags", "")
				.param("group", String.valueOf(read.groupId()))
				.param("assignee", ""))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentAsString()).as("the reason, next to the status field")
			.contains("id=\"status-error\"")
			.contains("Reply to the requester first: a ticket is only Pending or Solved once we have answered");
		assertNoInternals(response.getContentAsString());
		assertThat(this.queries.ticket(agent, id).status()).isEqualTo(TicketStatus.NEW);
	}

	@Test
	void anEmptyRequestFormShowsTheErrorSummary() throws Exception {
		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse response = this.mvc
			.perform(multipart("/requests").param("type", "BUG")
				.param("subject", "")
				.param("description", "")
				.param("alreadyTried", "")
				.with(signedIn(requester))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(page).contains("govuk-error-summary").contains("There is a problem");
		assertThat(page).contains("href=\"#subject\"").contains("href=\"#description\"");
		assertThat(page).contains("href=\"#stepsToReproduce\"");
		assertThat(page).contains("Enter a summary");
		assertThat(page).contains("govuk-form-group--error");
		assertThat(page).contains("<title>Error:");
		assertNoInternals(page);
	}

	@Test
	void htmlInASubjectIsShownEscaped() throws Exception {
		Person agent = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		String subject = "<script>alert('owned')</script><b>bold</b>";
		long id = this.tickets.create(requester, new NewTicket(RequestType.QUESTION, subject,
				"<img src=x onerror=alert(1)>", "<i>tried</i>", Priority.NORMAL, RequestDetails.none(), null),
				List.of());
		// the All view searched by number: other tests leave tickets dated later on its
		// first page
		for (String path : List.of("/tickets/" + id, "/tickets?view=all&q=" + id)) {
			String page = this.mvc.perform(get(path).with(signedIn(agent)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(path).doesNotContain("<script>alert(").doesNotContain("<b>bold</b>");
			assertThat(page).as(path).contains("&lt;script&gt;alert(");
			if (path.startsWith("/tickets/")) {
				assertThat(page).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
			}
		}
		String requesterPage = this.mvc.perform(get("/requests/" + id).with(signedIn(requester)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(requesterPage).doesNotContain("<script>alert(").contains("&lt;script&gt;alert(");
	}

	@Test
	void aStaffReplyWithoutAChosenStatusRedirectsToTheTicket() throws Exception {
		Person agent = this.data.agent();
		long id = newTicket("Reply without status");
		MockHttpServletResponse response = this.mvc
			.perform(post("/tickets/" + id).with(signedIn(agent))
				.with(csrf())
				.param("version", String.valueOf(this.queries.ticket(agent, id).version()))
				.param("body", "An answer sent with the Enter key"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/tickets/" + id);
	}

	private long newTicket(String subject) {
		Person requester = this.data.requester(this.data.client());
		return this.tickets.create(requester, TestData.question(subject), List.of());
	}

	private static RequestPostProcessor signedIn(Person person) {
		return user(new HelpdeskUser(person, null, true));
	}

	private static void assertNoInternals(String page) {
		assertThat(page).doesNotContain("Whitelabel")
			.doesNotContain("Exception")
			.doesNotContain("at com.helpdesk")
			.doesNotContain("at org.springframework")
			.doesNotContain("Caused by");
	}

	/**
	 * A browser against the running server, for what MockMvc does not do: the container's
	 * error pages. Keeps its session cookie and the page's CSRF token.
	 */
	static final class Browser {

		/** What a browser asks for when it loads a page. */
		private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		private final String base;

		private final HttpClient client;

		Browser(int port) {
			this.base = "http://localhost:" + port;
			this.client = HttpClient.newBuilder()
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
		}

		void signIn(String email, String password) throws IOException, InterruptedException {
			HttpResponse<String> login = get("/login");
			Matcher token = CSRF.matcher(login.body());
			assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
			HttpResponse<String> signedIn = postForm("/login",
					"username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1)));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error")
				.doesNotContain("throttled");
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", ACCEPT).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", ACCEPT)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
