package com.helpdesk.support;

import java.util.Set;
import java.util.UUID;

import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.GroupCommand;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.PlanSummary;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.UserCommand;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;

/**
 * Builds the people and clients a test needs through the app's own services, each with a
 * unique name so tests sharing the database never see each other's data.
 */
public class TestData {

	public static final String PASSWORD = "test-password-123";

	private final DirectoryAdmin admin;

	private final Directory directory;

	public TestData(DirectoryAdmin admin, Directory directory) {
		this.admin = admin;
		this.directory = directory;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The support plan of this name.
	 */
	public long plan(String name) {
		return this.directory.plans()
			.stream()
			.filter((p) -> p.name().equals(name))
			.map(PlanSummary::id)
			.findFirst()
			.orElseThrow();
	}

	public long client() {
		long plan = this.directory.plans().stream().findFirst().map(PlanSummary::id).orElseThrow();
		return this.admin.createClient(new ClientCommand(unique("Client"), plan, null, true), null);
	}

	public Person requester(long clientId) {
		return person(Role.REQUESTER, clientId);
	}

	public Person agent() {
		return person(Role.AGENT, null);
	}

	public Person person(Role role, Long clientId) {
		String email = unique(role.name().toLowerCase()) + "@test.example";
		long id = this.admin.createUser(new UserCommand(email, "Test " + role.name().toLowerCase() + " " + email, role,
				clientId, "Europe/London", PASSWORD, true, Set.of()), null);
		return this.directory.person(id);
	}

	public long group(Person... members) {
		Set<Long> ids = new java.util.HashSet<>();
		for (Person member : members) {
			ids.add(member.id());
		}
		return this.admin.createGroup(new GroupCommand(unique("Group"), null, false, ids), null);
	}

	public static NewTicket question(String subject) {
		return new NewTicket(RequestType.QUESTION, subject, "What we want to know about " + subject,
				"Read the documentation", Priority.NORMAL, RequestDetails.none(), null);
	}

	public static NewTicket bug(String subject) {
		return new NewTicket(RequestType.BUG, subject, "Something broke: " + subject, "Restarted it", Priority.HIGH,
				new RequestDetails("Open the page", "It works", "It fails", null, null, null, null, null, null, null,
						null, null, null, null),
				null);
	}

}
