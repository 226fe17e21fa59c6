package com.helpdesk.directory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.directory.ClientSummary;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.GroupSummary;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.UserRecord;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.helpdesk.support.Pages.errorNextTo;
import static com.helpdesk.support.Pages.summaryLinks;
import static com.helpdesk.support.Pages.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The administration forms as an administrator's browser sends them: bad input answers
 * 400 with each message next to its field and saves nothing, a stale edit answers 409 and
 * keeps what is stored, a good one redirects to the list with a message, and every change
 * is in the audit log under the administrator's name.
 */
@IntegrationTest
class AdminPagesTest {

	private static final String PASSWORD = "long-enough-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	/** A fresh administrator per test, so the audit rows of each test are its own. */
	Person admin;

	@BeforeEach
	void anAdministrator() {
		this.admin = this.data.person(Role.ADMIN, null);
	}

	// --- clients --------------------------------------------------------------------

	@Test
	void aClientWithoutANameIsRefusedNextToTheName() throws Exception {
		long before = count("client");
		MockHttpServletResponse response = send(
				post("/admin/clients").param("name", "  ").param("planId", String.valueOf(this.data.plan("Default"))));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(title(page)).startsWith("Error: Add a client");
		assertThat(summaryLinks(page)).containsExactly(Map.entry("name", "Enter the client’s name"));
		assertThat(errorNextTo(page, "name")).isEqualTo("Error: Enter the client’s name");
		assertThat(page).contains("aria-describedby=\"name-error\"");
		assertThat(count("client")).as("no client saved").isEqualTo(before);
	}

	@Test
	void aClientNameTakenInAnotherCaseIsRefused() throws Exception {
		String taken = this.directory.client(this.data.client()).name();
		long before = count("client");
		MockHttpServletResponse response = send(post("/admin/clients").param("name", taken.toUpperCase())
			.param("planId", String.valueOf(this.data.plan("Default"))));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(errorNextTo(response.getContentAsString(), "name"))
			.isEqualTo("Error: There is already a client with this name");
		assertThat(response.getContentAsString()).as("what was typed is kept")
			.contains("value=\"" + taken.toUpperCase() + "\"");
		assertThat(count("client")).isEqualTo(before);
	}

	@Test
	void aPlanThatIsNotANumberIsRefusedNextToThePlan() throws Exception {
		String name = TestData.unique("Plan not a number");
		long before = count("client");
		MockHttpServletResponse response = send(post("/admin/clients").param("name", name).param("planId", "abc"));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(errorNextTo(page, "planId")).startsWith("Error: ").contains("Choose a support plan");
		assertThat(page).doesNotContain("NumberFormatException").doesNotContain("Failed to convert");
		assertThat(page).contains("govuk-form-group--error");
		assertThat(count("client")).isEqualTo(before);
		assertThat(clientNamed(name)).isNull();
	}

	/**
	 * A value the form cannot read must not be dropped silently: the client would be
	 * saved without the delivery manager the administrator chose.
	 */
	@Test
	void aDeliveryManagerThatIsNotANumberSavesNothing() throws Exception {
		String name = TestData.unique("Manager not a number");
		long before = count("client");
		MockHttpServletResponse response = send(post("/admin/clients").param("name", name)
			.param("planId", String.valueOf(this.data.plan("Managed Plus")))
			.param("deliveryManagerId", "dana"));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(errorNextTo(response.getContentAsString(), "deliveryManagerId"))
			.isEqualTo("Error: Choose a delivery manager from the list");
		assertThat(count("client")).isEqualTo(before);
	}

	// --- people ---------------------------------------------------------------------

	@Test
	void aRequesterWithoutAClientIsRefused() throws Exception {
		String email = TestData.unique("no-client") + "@test.example";
		long before = count("app_user");
		MockHttpServletResponse response = send(newPerson(email, Role.REQUESTER, null));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(title(page)).startsWith("Error: Add a person");
		assertThat(summaryLinks(page))
			.containsExactly(Map.entry("clientId", "Choose the client a requester belongs to"));
		assertThat(errorNextTo(page, "clientId")).isEqualTo("Error: Choose the client a requester belongs to");
		assertThat(page).as("what was typed is kept").contains("value=\"" + email + "\"");
		assertThat(page).as("the password is never sent back").doesNotContain(PASSWORD);
		assertThat(count("app_user")).isEqualTo(before);
	}

	@Test
	void aTimeZoneNotOnTheListIsRefused() throws Exception {
		String email = TestData.unique("mars") + "@test.example";
		long before = count("app_user");
		MockHttpServletResponse response = send(newPerson(email, Role.AGENT, null, "timeZone", "Mars/Base"));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(errorNextTo(response.getContentAsString(), "timeZone"))
			.isEqualTo("Error: Choose a time zone from the list");
		assertThat(count("app_user")).isEqualTo(before);
		assertThat(userId(email)).isNull();
	}

	@Test
	void aPasswordUnderTwelveCharactersIsRefused() throws Exception {
		String email = TestData.unique("short") + "@test.example";
		long before = count("app_user");
		MockHttpServletResponse response = send(newPerson(email, Role.AGENT, null, "password", "elevenchars"));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(errorNextTo(page, "password")).isEqualTo("Error: Enter a password of at least 12 characters");
		assertThat(page).doesNotContain("elevenchars");
		assertThat(count("app_user")).isEqualTo(before);
	}

	@Test
	void badFieldsOfAPersonAreAllShownAtOnce() throws Exception {
		long before = count("app_user");
		MockHttpServletResponse response = send(post("/admin/users").param("name", "")
			.param("email", "not-an-email")
			.param("role", Role.REQUESTER.name())
			.param("clientId", "")
			.param("timeZone", "Mars/Base")
			.param("password", "short"));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsOnlyKeys("name", "email", "clientId", "timeZone", "password");
		assertThat(errorNextTo(page, "name")).isEqualTo("Error: Enter a name");
		assertThat(errorNextTo(page, "email"))
			.isEqualTo("Error: Enter an email address in the correct format, like name@example.com");
		assertThat(errorNextTo(page, "clientId")).isEqualTo("Error: Choose the client a requester belongs to");
		assertThat(errorNextTo(page, "timeZone")).isEqualTo("Error: Choose a time zone from the list");
		assertThat(errorNextTo(page, "password")).isEqualTo("Error: Enter a password of at least 12 characters");
		assertThat(count("app_user")).isEqualTo(before);
	}

	/**
	 * Staff belong to no client: a client sent along with a staff role is not kept (the
	 * rule {@code DirectoryAdminTest} pins down for the service).
	 */
	@Test
	void staffAreSavedInNoClient() throws Exception {
		long client = this.data.client();
		String email = TestData.unique("staff-with-client") + "@test.example";
		MockHttpServletResponse response = send(newPerson(email, Role.AGENT, null, "clientId", String.valueOf(client)));

		assertThat(response.getStatus()).isEqualTo(302);
		Long id = userId(email);
		assertThat(id).isNotNull();
		assertThat(this.directory.person(id).clientId()).isNull();
	}

	@Test
	void aRequesterInAGroupIsRefusedAndNotHalfSaved() throws Exception {
		long client = this.data.client();
		String email = TestData.unique("requester-in-group") + "@test.example";
		long before = count("app_user");
		long membersBefore = count("group_member");
		MockHttpServletResponse response = send(
				newPerson(email, Role.REQUESTER, client, "groupIds", String.valueOf(group("Tier 1"))));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(errorNextTo(response.getContentAsString(), "groupIds"))
			.isEqualTo("Error: Only staff can be members of groups");
		assertThat(count("app_user")).as("the person saved before the groups were checked is rolled back")
			.isEqualTo(before);
		assertThat(count("group_member")).isEqualTo(membersBefore);
	}

	// --- groups ---------------------------------------------------------------------

	@Test
	void aGroupWithoutANameIsRefused() throws Exception {
		long before = count("support_group");
		MockHttpServletResponse response = send(post("/admin/groups").param("name", "").param("description", "x"));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(title(page)).startsWith("Error: Add a group");
		assertThat(errorNextTo(page, "name")).isEqualTo("Error: Enter a name");
		assertThat(count("support_group")).isEqualTo(before);
	}

	@Test
	void aGroupWithARequesterAsMemberIsRefused() throws Exception {
		Person agent = this.data.agent();
		Person requester = this.data.requester(this.data.client());
		String name = TestData.unique("Mixed group");
		long before = count("support_group");
		MockHttpServletResponse response = send(post("/admin/groups").param("name", name)
			.param("memberIds", String.valueOf(agent.id()), String.valueOf(requester.id())));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsExactly(Map.entry("memberIds", "Only staff can be members of groups"));
		assertThat(errorNextTo(page, "memberIds")).isEqualTo("Error: Only staff can be members of groups");
		assertThat(page).as("the name typed is kept").contains("value=\"" + name + "\"");
		assertThat(count("support_group")).isEqualTo(before);
		assertThat(this.directory.groupsOf(agent.id())).isEmpty();
	}

	// --- edits ----------------------------------------------------------------------

	@Test
	void badInputOnAnEditIsRefusedAndKeepsTheStoredValues() throws Exception {
		ClientSummary client = this.directory.client(this.data.client());
		MockHttpServletResponse clientEdit = send(post("/admin/clients/" + client.id()).param("name", "")
			.param("planId", "abc")
			.param("active", "true")
			.param("version", String.valueOf(client.version())));
		assertThat(clientEdit.getStatus()).isEqualTo(400);
		assertThat(title(clientEdit.getContentAsString())).startsWith("Error: Change a client");
		assertThat(errorNextTo(clientEdit.getContentAsString(), "name")).isEqualTo("Error: Enter the client’s name");
		assertThat(this.directory.client(client.id())).isEqualTo(client);

		Person person = this.data.agent();
		UserRecord stored = this.directory.user(person.id());
		MockHttpServletResponse userEdit = send(post("/admin/users/" + person.id()).param("name", stored.name())
			.param("email", stored.email())
			.param("role", Role.AGENT.name())
			.param("timeZone", "Mars/Base")
			.param("password", "")
			.param("enabled", "true")
			.param("version", String.valueOf(stored.version())));
		assertThat(userEdit.getStatus()).isEqualTo(400);
		assertThat(errorNextTo(userEdit.getContentAsString(), "timeZone"))
			.isEqualTo("Error: Choose a time zone from the list");
		assertThat(this.directory.user(person.id())).isEqualTo(stored);

		GroupSummary group = this.directory.group(this.data.group(this.data.agent()));
		Person requester = this.data.requester(this.data.client());
		MockHttpServletResponse groupEdit = send(post("/admin/groups/" + group.id()).param("name", group.name())
			.param("memberIds", String.valueOf(requester.id()))
			.param("version", String.valueOf(group.version())));
		assertThat(groupEdit.getStatus()).isEqualTo(400);
		assertThat(errorNextTo(groupEdit.getContentAsString(), "memberIds"))
			.isEqualTo("Error: Only staff can be members of groups");
		assertThat(this.directory.group(group.id())).isEqualTo(group);
	}

	@Test
	void aStaleEditIsAConflictAndKeepsTheStoredValues() throws Exception {
		String stale = "Someone else changed this while you were working on it.";

		ClientSummary client = this.directory.client(this.data.client());
		MockHttpServletResponse clientEdit = send(
				post("/admin/clients/" + client.id()).param("name", TestData.unique("Lost update"))
					.param("planId", String.valueOf(client.planId()))
					.param("active", "true")
					.param("version", String.valueOf(client.version() - 1)));
		assertThat(clientEdit.getStatus()).isEqualTo(409);
		assertThat(clientEdit.getContentAsString()).contains(stale);
		assertThat(this.directory.client(client.id())).isEqualTo(client);

		Person person = this.data.agent();
		UserRecord stored = this.directory.user(person.id());
		MockHttpServletResponse userEdit = send(post("/admin/users/" + person.id()).param("name", "Lost update")
			.param("email", stored.email())
			.param("role", Role.MANAGER.name())
			.param("timeZone", "Europe/Paris")
			.param("password", "")
			.param("enabled", "true")
			.param("version", String.valueOf(stored.version() + 1)));
		assertThat(userEdit.getStatus()).isEqualTo(409);
		assertThat(userEdit.getContentAsString()).contains(stale);
		assertThat(this.directory.user(person.id())).isEqualTo(stored);

		GroupSummary group = this.directory.group(this.data.group(this.data.agent()));
		MockHttpServletResponse groupEdit = send(post("/admin/groups/" + group.id()).param("name", "Lost update")
			.param("version", String.valueOf(group.version() + 1)));
		assertThat(groupEdit.getStatus()).isEqualTo(409);
		assertThat(groupEdit.getContentAsString()).contains(stale);
		assertThat(this.directory.group(group.id())).isEqualTo(group);

		assertThat(auditRows(this.admin.id())).as("nothing audited for refused changes").isEmpty();
	}

	// --- what goes right ------------------------------------------------------------

	@Test
	void aNewClientIsListedWithAMessage() throws Exception {
		String name = TestData.unique("Flash Ltd");
		MvcResult created = this.mvc
			.perform(signedIn(post("/admin/clients").param("name", name)
				.param("planId", String.valueOf(this.data.plan("Managed Plus")))
				.param("deliveryManagerId", String.valueOf(deliveryManager()))
				.param("active", "true")))
			.andReturn();

		assertThat(created.getResponse().getStatus()).isEqualTo(302);
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/clients");
		assertThat(created.getFlashMap().get("flash")).isEqualTo("Client " + name + " added.");
		String list = followRedirect(created);
		assertThat(list).contains("govuk-notification-banner--success").contains("Client " + name + " added.");
		assertThat(list).contains(">" + name + "</a>");
		ClientSummary client = clientNamed(name);
		assertThat(client.planName()).isEqualTo("Managed Plus");
		assertThat(client.deliveryManagerId()).isEqualTo(deliveryManager());
	}

	@Test
	void aNewPersonAndANewGroupAreListedWithAMessage() throws Exception {
		String email = TestData.unique("flash") + "@test.example";
		MvcResult person = this.mvc.perform(signedIn(newPerson(email, Role.AGENT, null))).andReturn();
		assertThat(person.getResponse().getStatus()).isEqualTo(302);
		assertThat(person.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
		assertThat(person.getFlashMap().get("flash")).isEqualTo(email + " added.");
		assertThat(userId(email)).isNotNull();

		String name = TestData.unique("Flash group");
		MvcResult group = this.mvc
			.perform(signedIn(post("/admin/groups").param("name", name)
				.param("description", "Made by a test")
				.param("memberIds", String.valueOf(userId(email)))))
			.andReturn();
		assertThat(group.getResponse().getStatus()).isEqualTo(302);
		assertThat(group.getResponse().getRedirectedUrl()).isEqualTo("/admin/groups");
		assertThat(group.getFlashMap().get("flash")).isEqualTo("Group " + name + " added.");
		String list = followRedirect(group);
		assertThat(list).contains("Group " + name + " added.").contains(">" + name + "</a>");
		assertThat(list).contains("Test person " + email);
	}

	@Test
	void everyChangeIsAuditedUnderTheAdministrator() throws Exception {
		String clientName = TestData.unique("Audited");
		send(post("/admin/clients").param("name", clientName)
			.param("planId", String.valueOf(this.data.plan("Default")))
			.param("active", "true"));
		ClientSummary client = clientNamed(clientName);
		send(post("/admin/clients/" + client.id()).param("name", clientName + " Ltd")
			.param("planId", String.valueOf(client.planId()))
			.param("_active", "on")
			.param("version", String.valueOf(client.version())));
		assertThat(this.directory.client(client.id()).active()).as("unticked means inactive").isFalse();

		String email = TestData.unique("audited") + "@test.example";
		send(newPerson(email, Role.REQUESTER, client.id()));
		long userId = userId(email);
		UserRecord user = this.directory.user(userId);
		send(post("/admin/users/" + userId).param("name", "Renamed " + email)
			.param("email", email)
			.param("role", Role.REQUESTER.name())
			.param("clientId", String.valueOf(client.id()))
			.param("timeZone", "Europe/Berlin")
			.param("password", "")
			.param("enabled", "true")
			.param("version", String.valueOf(user.version())));
		assertThat(this.directory.person(userId).timeZone()).isEqualTo("Europe/Berlin");

		Person agent = this.data.agent();
		String groupName = TestData.unique("Audited group");
		send(post("/admin/groups").param("name", groupName).param("memberIds", String.valueOf(agent.id())));
		GroupSummary group = this.directory.groups()
			.stream()
			.filter((g) -> g.name().equals(groupName))
			.findFirst()
			.orElseThrow();
		send(post("/admin/groups/" + group.id()).param("name", groupName)
			.param("description", "Now with a description")
			.param("version", String.valueOf(group.version())));
		assertThat(this.directory.group(group.id()).memberIds()).as("no member ticked, none kept").isEmpty();

		assertThat(auditRows(this.admin.id())).containsExactly("CLIENT " + client.id() + " CREATED",
				"CLIENT " + client.id() + " UPDATED", "USER " + userId + " CREATED", "USER " + userId + " UPDATED",
				"GROUP " + group.id() + " CREATED", "GROUP " + group.id() + " UPDATED");
	}

	@Test
	void htmlInAClientNameIsShownAsText() throws Exception {
		String name = "<script>alert('x')</script><b>Bold</b> " + TestData.unique("Acme");
		MvcResult created = this.mvc
			.perform(signedIn(post("/admin/clients").param("name", name)
				.param("planId", String.valueOf(this.data.plan("Default")))
				.param("active", "true")))
			.andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(302);

		String list = followRedirect(created);
		assertThat(list).doesNotContain("<script>alert('x')").doesNotContain("<b>Bold</b>");
		assertThat(list).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt;");

		long id = clientNamed(name).id();
		String form = this.mvc.perform(signedIn(get("/admin/clients/" + id)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).doesNotContain("<script>alert('x')").contains("&lt;script&gt;");
	}

	// --- helpers --------------------------------------------------------------------

	/**
	 * The "Add a person" form filled in well, but for the fields given as
	 * {@code field, value} pairs.
	 */
	private MockHttpServletRequestBuilder newPerson(String email, Role role, Long clientId, String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "Test person " + email);
		fields.put("email", email);
		fields.put("role", role.name());
		fields.put("clientId", (clientId != null) ? String.valueOf(clientId) : "");
		fields.put("timeZone", "Europe/London");
		fields.put("password", PASSWORD);
		fields.put("enabled", "true");
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/admin/users").param("_enabled", "on").param("_groupIds", "on");
		fields.forEach(request::param);
		return request;
	}

	/**
	 * The page a redirect leads to, in the same session (sessions live in the database,
	 * so the flash message travels with the session cookie).
	 */
	private String followRedirect(MvcResult result) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(signedIn(get(result.getResponse().getRedirectedUrl()))
				.cookie(result.getResponse().getCookie("SESSION")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(signedIn(request)).andReturn().getResponse();
	}

	private MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
		RequestPostProcessor admin = user(new HelpdeskUser(this.admin, null, true));
		return request.with(admin).with(csrf());
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long group(String name) {
		return this.directory.groups()
			.stream()
			.filter((g) -> g.name().equals(name))
			.map(GroupSummary::id)
			.findFirst()
			.orElseThrow();
	}

	private long deliveryManager() {
		return this.directory.findPersonByEmail("dm@helpdesk.test").orElseThrow().id();
	}

	private ClientSummary clientNamed(String name) {
		return this.directory.clients().stream().filter((c) -> c.name().equals(name)).findFirst().orElse(null);
	}

	private Long userId(String email) {
		return this.jdbc.sql("select id from app_user where email = ?")
			.param(email.toLowerCase())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private List<String> auditRows(long actorId) {
		return this.jdbc
			.sql("select entity_type || ' ' || entity_id || ' ' || action from audit_event where actor_id = ? "
					+ "order by id")
			.param(actorId)
			.query(String.class)
			.list();
	}

}
