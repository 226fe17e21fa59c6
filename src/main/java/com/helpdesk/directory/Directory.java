package com.helpdesk.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.helpdesk.directory.internal.Client;
import com.helpdesk.directory.internal.ClientRepository;
import com.helpdesk.directory.internal.SupportGroup;
import com.helpdesk.directory.internal.SupportGroupRepository;
import com.helpdesk.directory.internal.SupportPlanRepository;
import com.helpdesk.directory.internal.UserAccount;
import com.helpdesk.directory.internal.UserAccountRepository;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks people, clients, plans and groups up for the rest of the helpdesk.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	private static final List<String> TIME_ZONES = java.time.ZoneId.getAvailableZoneIds()
		.stream()
		.filter((zone) -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final UserAccountRepository users;

	private final ClientRepository clients;

	private final SupportPlanRepository plans;

	private final SupportGroupRepository groups;

	private final JdbcClient jdbc;

	Directory(UserAccountRepository users, ClientRepository clients, SupportPlanRepository plans,
			SupportGroupRepository groups, JdbcClient jdbc) {
		this.users = users;
		this.clients = clients;
		this.plans = plans;
		this.groups = groups;
		this.jdbc = jdbc;
	}

	public Person person(long id) {
		return findPerson(id).orElseThrow(() -> new NotFoundException("person", id));
	}

	public Optional<Person> findPerson(long id) {
		return this.users.findById(id).map(Directory::toPerson);
	}

	public Optional<Person> findPersonByEmail(String email) {
		return account(email).map(Directory::toPerson);
	}

	public Optional<Credentials> credentials(String email) {
		return account(email).map((user) -> new Credentials(toPerson(user), user.getPasswordHash(), user.isEnabled()));
	}

	/**
	 * The account an address names, compared as {@link EmailAddress} says; an ambiguous
	 * address, or one that breaks the text rule (the database would refuse a null
	 * character), names nobody.
	 */
	private Optional<UserAccount> account(String email) {
		if (email == null || !TextRules.isLine(email.trim(), 254) || EmailAddress.ambiguous(email)) {
			return Optional.empty();
		}
		return this.users.findByEmail(EmailAddress.normalised(email));
	}

	/**
	 * Every group, client and member of staff by name, in one statement (the queue's
	 * filters).
	 */
	public Choices choices() {
		List<Choices.Choice> groups = new ArrayList<>();
		List<Choices.Choice> clients = new ArrayList<>();
		List<Choices.Choice> staff = new ArrayList<>();
		this.jdbc.sql("""
				select 1 as kind, id, name from support_group
				union all
				select 2, id, name from client
				union all
				select 3, id, name from app_user where role <> 'REQUESTER'
				order by 1, 3, 2
				""").query((rs) -> {
			Choices.Choice choice = new Choices.Choice(rs.getLong("id"), rs.getString("name"));
			switch (rs.getInt("kind")) {
				case 1 -> groups.add(choice);
				case 2 -> clients.add(choice);
				default -> staff.add(choice);
			}
		});
		return new Choices(List.copyOf(groups), List.copyOf(clients), List.copyOf(staff));
	}

	/**
	 * Everyone who works tickets, by name.
	 */
	public List<Person> staff() {
		return this.users.findAllByRoleNotOrderByName(Role.REQUESTER).stream().map(Directory::toPerson).toList();
	}

	public List<Person> people(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.users.findAllByIdOrderByName(ids).stream().map(Directory::toPerson).toList();
	}

	public Map<Long, Person> peopleById(Collection<Long> ids) {
		return people(ids).stream().collect(Collectors.toMap(Person::id, Function.identity()));
	}

	public List<Person> groupMembers(long groupId) {
		return people(group(groupId).memberIds());
	}

	public ClientSummary client(long id) {
		return this.clients.findById(id)
			.map(Directory::toClient)
			.orElseThrow(() -> new NotFoundException("client", id));
	}

	public List<ClientSummary> clients() {
		return this.clients.findAllWithPlan().stream().map(Directory::toClient).toList();
	}

	public List<PlanSummary> plans() {
		return this.plans.findAllByOrderByNameAsc()
			.stream()
			.map((plan) -> new PlanSummary(plan.getId(), plan.getName(), plan.getDescription(),
					plan.isOutOfHoursCritical()))
			.toList();
	}

	public PlanSummary plan(long id) {
		return this.plans.findById(id)
			.map((plan) -> new PlanSummary(plan.getId(), plan.getName(), plan.getDescription(),
					plan.isOutOfHoursCritical()))
			.orElseThrow(() -> new NotFoundException("plan", id));
	}

	public List<GroupSummary> groups() {
		return this.groups.findAllWithMembers().stream().map(Directory::toGroup).toList();
	}

	public GroupSummary group(long id) {
		return this.groups.findById(id).map(Directory::toGroup).orElseThrow(() -> new NotFoundException("group", id));
	}

	public Optional<GroupSummary> defaultIntakeGroup() {
		return this.groups.findByDefaultIntakeTrue().map(Directory::toGroup);
	}

	public List<GroupSummary> groupsOf(long userId) {
		return this.groups.findAllByMember(userId).stream().map(Directory::toGroup).toList();
	}

	/**
	 * One page of people for the admin list, by name, after the given cursor.
	 */
	public List<UserListing> userListing(String afterName, Long afterId, int limit) {
		return this.jdbc.sql("""
				select u.id, u.email, u.name, u.role, c.name as client_name, u.enabled
				from app_user u left join client c on c.id = u.client_id
				where (cast(:afterName as text) is null or (lower(u.name), u.id) > (lower(:afterName), :afterId))
				order by lower(u.name), u.id
				limit :limit
				""")
			.param("afterName", afterName)
			.param("afterId", (afterId != null) ? afterId : 0L)
			.param("limit", limit)
			.query((rs, row) -> new UserListing(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
					Role.valueOf(rs.getString("role")), rs.getString("client_name"), rs.getBoolean("enabled")))
			.list();
	}

	public UserRecord user(long id) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new NotFoundException("person", id));
		List<Long> groupIds = this.groups.findAllByMember(id).stream().map(SupportGroup::getId).toList();
		return new UserRecord(user.getId(), user.getEmail(), user.getName(), user.getRole(), user.getClientId(),
				user.getTimeZone(), user.isEnabled(), user.getVersion(), groupIds);
	}

	/**
	 * What administrators changed on a client, person or group, oldest first.
	 */
	public List<AuditEntry> history(String entityType, long id) {
		return this.jdbc.sql("""
				select a.at, u.name as actor_name, a.action, a.details
				from audit_event a left join app_user u on u.id = a.actor_id
				where a.entity_type = :type and a.entity_id = :id
				order by a.id
				""")
			.param("type", entityType)
			.param("id", id)
			.query((rs, n) -> new AuditEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor_name"),
					rs.getString("action"), rs.getString("details")))
			.list();
	}

	/**
	 * The time zones people can choose from, by name.
	 */
	public static List<String> timeZones() {
		return TIME_ZONES;
	}

	public boolean hasAnyone() {
		return this.users.count() > 0;
	}

	static Person toPerson(UserAccount user) {
		return new Person(user.getId(), user.getEmail(), user.getName(), user.getRole(), user.getClientId(),
				user.getTimeZone());
	}

	static ClientSummary toClient(Client client) {
		return new ClientSummary(client.getId(), client.getName(), client.getPlan().getId(), client.getPlan().getName(),
				client.getPlan().isOutOfHoursCritical(), client.getDeliveryManagerId(), client.isActive(),
				client.getVersion());
	}

	static GroupSummary toGroup(SupportGroup group) {
		return new GroupSummary(group.getId(), group.getName(), group.getDescription(), group.isDefaultIntake(),
				List.copyOf(group.getMemberIds()), group.getVersion());
	}

}
