package com.helpdesk.directory;

import java.util.List;
import java.util.Set;

import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class DirectoryAdminTest {

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	Directory directory;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void clientNamesAreRequiredAndUniqueWhateverTheirCase() {
		long plan = this.directory.plans().get(0).id();
		String name = TestData.unique("Acme");
		this.admin.createClient(new ClientCommand(name, plan, null, true), null);
		assertThat(fields(() -> this.admin.createClient(new ClientCommand(name.toUpperCase(), plan, null, true), null)))
			.containsExactly("name");
		assertThat(fields(() -> this.admin.createClient(new ClientCommand(" ", null, null, true), null)))
			.containsExactly("name", "planId");
	}

	@Test
	void aRequesterBelongsToAClientAndStaffToNone() {
		long client = this.data.client();
		String email = TestData.unique("nobody") + "@test.example";
		assertThat(fields(() -> this.admin.createUser(new UserCommand(email, "No Client", Role.REQUESTER, null,
				"Europe/London", "long-enough-pw", true, Set.of()), null)))
			.containsExactly("clientId");
		long staff = this.admin.createUser(
				new UserCommand(email, "Staff", Role.AGENT, client, "Europe/London", "long-enough-pw", true, Set.of()),
				null);
		assertThat(this.directory.person(staff).clientId()).isNull();
	}

	@Test
	void peopleAreCheckedFieldByFieldAndPasswordsAreStoredHashed() {
		assertThat(fields(() -> this.admin.createUser(
				new UserCommand("not-an-email", "", null, null, "Mars/Olympus", "short", true, Set.of()), null)))
			.containsExactlyInAnyOrder("email", "name", "role", "timeZone", "password");
		String email = TestData.unique("Hashed") + "@Test.Example";
		long id = this.admin.createUser(new UserCommand(email, "Hashed", Role.AGENT, null, "Europe/Paris",
				"correct horse battery", true, Set.of()), null);
		String stored = this.jdbc.sql("select password_hash from app_user where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("{bcrypt}").doesNotContain("correct horse");
		assertThat(this.passwords.matches("correct horse battery", stored)).isTrue();
		assertThat(this.directory.person(id).email()).isEqualTo(email.toLowerCase());
		assertThat(fields(() -> this.admin.createUser(new UserCommand(email.toUpperCase(), "Again", Role.AGENT, null,
				"Europe/Paris", "correct horse battery", true, Set.of()), null)))
			.containsExactly("email");
	}

	@Test
	void namesAreOneLineOfTextWithoutControlCharactersOrDirectionOverrides() {
		Person person = this.data.agent();
		for (String name : List.of("Eve\r=HYPERLINK(1)", "Eve\tTab", "Eve\nMallory", "Eve\u202Eevil",
				"Eve\u2028Mallory", "Eve\u0000")) {
			assertThat(fields(() -> this.admin.createUser(new UserCommand(TestData.unique("named") + "@test.example",
					name, Role.AGENT, null, "Europe/London", "correct horse battery", true, Set.of()), null)))
				.as("%s", name)
				.containsExactly("name");
			assertThat(fields(() -> this.admin.updateProfile(person.id(), name, "Europe/London"))).as("%s", name)
				.containsExactly("name");
		}
		assertThat(fields(() -> this.admin.updateProfile(person.id(), "x".repeat(121), "Europe/London")))
			.containsExactly("name");
		this.admin.updateProfile(person.id(), "Zoë O'Brien-Łukasiewicz 李", "Europe/London");
		assertThat(this.directory.person(person.id()).name()).isEqualTo("Zoë O'Brien-Łukasiewicz 李");
	}

	@Test
	void aStaleEditIsRefusedAndEveryChangeIsAudited() {
		long client = this.data.client();
		ClientSummary before = this.directory.client(client);
		this.admin.updateClient(client, before.version(),
				new ClientCommand(before.name() + " Ltd", before.planId(), null, false), this.data.agent().id());
		assertThatThrownBy(() -> this.admin.updateClient(client, before.version(),
				new ClientCommand("Lost update", before.planId(), null, true), null))
			.isInstanceOf(ConflictException.class);
		assertThat(this.directory.client(client).name()).isEqualTo(before.name() + " Ltd");
		List<String> audit = this.jdbc.sql(
				"select action || ': ' || details from audit_event where entity_type = 'CLIENT' and entity_id = ? order by id")
			.param(client)
			.query(String.class)
			.list();
		assertThat(audit).hasSize(2);
		assertThat(audit.get(1)).startsWith("UPDATED: name=" + before.name())
			.contains("-> name=" + before.name() + " Ltd");
	}

	@Test
	void onlyOneGroupTakesNewRequestsAndOnlyStaffAreMembers() {
		Person requester = this.data.requester(this.data.client());
		Person agent = this.data.agent();
		assertThat(fields(() -> this.admin
			.createGroup(new GroupCommand(TestData.unique("Mixed"), null, false, Set.of(requester.id())), null)))
			.containsExactly("memberIds");
		GroupSummary intake = this.directory.defaultIntakeGroup().orElseThrow();
		long group = this.admin.createGroup(new GroupCommand(TestData.unique("Intake"), null, true, Set.of(agent.id())),
				null);
		try {
			assertThat(this.directory.defaultIntakeGroup().orElseThrow().id()).isEqualTo(group);
			assertThat(this.directory.group(intake.id()).defaultIntake()).isFalse();
			assertThat(this.directory.groupsOf(agent.id())).extracting(GroupSummary::id).containsExactly(group);
		}
		finally {
			GroupSummary current = this.directory.group(intake.id());
			this.admin.updateGroup(intake.id(), current.version(),
					new GroupCommand(current.name(), current.description(), true, Set.copyOf(current.memberIds())),
					null);
		}
		assertThat(this.directory.defaultIntakeGroup().orElseThrow().id()).isEqualTo(intake.id());
	}

	private static List<String> fields(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return ex.errors().stream().map(InvalidInputException.FieldError::field).toList();
		}
		throw new AssertionError("expected invalid input");
	}

}
