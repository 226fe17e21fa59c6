package com.helpdesk.directory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.helpdesk.directory.internal.Client;
import com.helpdesk.directory.internal.ClientRepository;
import com.helpdesk.directory.internal.SupportGroup;
import com.helpdesk.directory.internal.SupportGroupRepository;
import com.helpdesk.directory.internal.SupportPlan;
import com.helpdesk.directory.internal.SupportPlanRepository;
import com.helpdesk.directory.internal.UserAccount;
import com.helpdesk.directory.internal.UserAccountRepository;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to clients, people and groups. Every rule that spans fields or rows (unique
 * names, a requester needs a client, staff do not) lives here, and every change is
 * written to the audit log.
 */
@Service
@Transactional
public class DirectoryAdmin {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	public static final int MIN_PASSWORD_LENGTH = 12;

	private final UserAccountRepository users;

	private final ClientRepository clients;

	private final SupportPlanRepository plans;

	private final SupportGroupRepository groups;

	private final AuditLog audit;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DirectoryAdmin(UserAccountRepository users, ClientRepository clients, SupportPlanRepository plans,
			SupportGroupRepository groups, AuditLog audit, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.clients = clients;
		this.plans = plans;
		this.groups = groups;
		this.audit = audit;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	public long createPlan(String name, String description, boolean outOfHoursCritical, Long actorId) {
		checkPlan(name, description, null);
		SupportPlan plan = this.plans.save(new SupportPlan(name.trim(), description, outOfHoursCritical, now()));
		record(actorId, "PLAN", plan.getId(), "CREATED", "name=" + name + ", 24/7 critical=" + outOfHoursCritical);
		return plan.getId();
	}

	public void updatePlan(long id, String name, String description, boolean outOfHoursCritical, Long actorId) {
		SupportPlan plan = this.plans.findById(id).orElseThrow(() -> new NotFoundException("plan", id));
		checkPlan(name, description, id);
		String before = "name=" + plan.getName() + ", 24/7 critical=" + plan.isOutOfHoursCritical();
		plan.change(name.trim(), description, outOfHoursCritical);
		record(actorId, "PLAN", id, "UPDATED",
				before + " -> name=" + name.trim() + ", 24/7 critical=" + outOfHoursCritical);
	}

	/**
	 * What is wrong with a plan's name and description, without saving anything.
	 */
	@Transactional(readOnly = true)
	public List<FieldError> problemsWithPlan(String name, String description, Long id) {
		return problems(() -> checkPlan(name, description, id));
	}

	private void checkPlan(String name, String description, Long id) {
		List<FieldError> errors = new ArrayList<>();
		if (name == null || name.isBlank()) {
			errors.add(new FieldError("name", "plan.name.required"));
		}
		else if (TextRules.line(errors, "name", name.trim(), 120, "plan.name.tooLong") && this.plans.findAll()
			.stream()
			.anyMatch((p) -> p.getName().equalsIgnoreCase(name.trim()) && !p.getId().equals(id))) {
			errors.add(new FieldError("name", "plan.name.taken"));
		}
		TextRules.text(errors, "description", description, 2000, "plan.description.tooLong");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	public long createClient(ClientCommand command, Long actorId) {
		SupportPlan plan = checkClient(command, null);
		Client client = this.clients
			.save(new Client(command.name().trim(), plan, command.deliveryManagerId(), command.active(), now()));
		record(actorId, "CLIENT", client.getId(), "CREATED", describe(command, plan));
		this.events.publishEvent(new ClientPlanChanged(client.getId(), plan.getId(), now(), true));
		return client.getId();
	}

	public void updateClient(long id, long version, ClientCommand command, Long actorId) {
		Client client = this.clients.findById(id).orElseThrow(() -> new NotFoundException("client", id));
		checkVersion(client.getVersion(), version);
		SupportPlan plan = checkClient(command, id);
		String before = "name=" + client.getName() + ", plan=" + client.getPlan().getName() + ", active="
				+ client.isActive();
		boolean planChanges = !client.getPlan().getId().equals(plan.getId());
		client.change(command.name().trim(), plan, command.deliveryManagerId(), command.active(), now());
		record(actorId, "CLIENT", id, "UPDATED", before + " -> " + describe(command, plan));
		if (planChanges) {
			this.events.publishEvent(new ClientPlanChanged(id, plan.getId(), now(), false));
		}
	}

	public long createUser(UserCommand command, Long actorId) {
		checkUser(command, null, true);
		UserAccount user = this.users
			.save(new UserAccount(normaliseEmail(command.email()), command.name().trim(), command.role(),
					clientFor(command), command.timeZone(), this.passwordEncoder.encode(command.password()), now()));
		setGroups(user.getId(), command);
		record(actorId, "USER", user.getId(), "CREATED",
				"email=" + user.getEmail() + ", role=" + user.getRole() + ", client=" + user.getClientId());
		return user.getId();
	}

	/**
	 * A requester added by staff raising a ticket for them (they phoned, or wrote in
	 * chat). Their password is one nobody knows: they hear of their request by mail, and
	 * an administrator can give them a password of their own.
	 */
	public long addRequester(String name, String email, Long clientId, String timeZone, Long actorId) {
		return createUser(newRequester(name, email, clientId, timeZone), actorId);
	}

	/**
	 * What is wrong with a requester's name, email and client, for a form that adds them
	 * with something else (a ticket) and reports every problem at once.
	 */
	public List<FieldError> requesterProblems(String name, String email, Long clientId, String timeZone) {
		try {
			checkUser(newRequester(name, email, clientId, timeZone), null, true);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.errors();
		}
	}

	private static UserCommand newRequester(String name, String email, Long clientId, String timeZone) {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		return new UserCommand(email, name, Role.REQUESTER, clientId, timeZone,
				Base64.getUrlEncoder().withoutPadding().encodeToString(secret), true, Set.of());
	}

	/**
	 * Changes a person. Disabling them, changing their role, client or email, or setting
	 * their password ends their sessions at once ({@link AccessChanged}); the last
	 * administrator who can sign in stays one.
	 */
	public void updateUser(long id, long version, UserCommand command, Long actorId) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new NotFoundException("person", id));
		checkVersion(user.getVersion(), version);
		boolean newPassword = command.password() != null && !command.password().isBlank();
		checkUser(command, id, newPassword);
		checkAnAdministratorRemains(user, command);
		String before = "email=" + user.getEmail() + ", role=" + user.getRole() + ", client=" + user.getClientId()
				+ ", enabled=" + user.isEnabled();
		String oldEmail = user.getEmail();
		boolean accessChanges = (user.isEnabled() && !command.enabled()) || user.getRole() != command.role()
				|| !Objects.equals(user.getClientId(), clientFor(command))
				|| !oldEmail.equals(normaliseEmail(command.email()));
		user.change(normaliseEmail(command.email()), command.name().trim(), command.role(), clientFor(command),
				command.timeZone(), command.enabled(), now());
		if (newPassword) {
			user.changePassword(this.passwordEncoder.encode(command.password()), now());
		}
		setGroups(id, command);
		record(actorId, "USER", id, "UPDATED",
				before + " -> email=" + user.getEmail() + ", role=" + user.getRole() + ", client=" + user.getClientId()
						+ ", enabled=" + user.isEnabled() + (newPassword ? ", password changed" : ""));
		if (accessChanges || newPassword) {
			// a person's own new password ends only their other sessions
			boolean keepCurrentSession = !accessChanges && Long.valueOf(id).equals(actorId);
			accessChanged(user, Set.copyOf(List.of(oldEmail, user.getEmail())), keepCurrentSession);
		}
	}

	/**
	 * A person sets a new password for themselves, giving their current one: their other
	 * sessions end, the one they are using stays.
	 */
	public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
		UserAccount user = this.users.findById(userId).orElseThrow(() -> new NotFoundException("person", userId));
		List<FieldError> errors = new ArrayList<>();
		if (currentPassword == null || currentPassword.isEmpty()
				|| !this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			errors.add(new FieldError("currentPassword", "profile.password.current.wrong"));
		}
		checkPassword(errors, "newPassword", newPassword, true);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		user.changePassword(this.passwordEncoder.encode(newPassword), now());
		record(userId, "USER", userId, "PASSWORD_CHANGED", "by themselves");
		accessChanged(user, Set.of(user.getEmail()), true);
	}

	private void accessChanged(UserAccount user, Set<String> emails, boolean keepCurrentSession) {
		if (!keepCurrentSession) {
			// compared with the sessions' own creation times, which Spring Session takes
			// from the system clock
			user.endSessionsStartedBefore(Instant.now(Clock.systemUTC()));
		}
		this.events.publishEvent(new AccessChanged(user.getId(), emails, !user.isEnabled(), user.getRole().isStaff(),
				keepCurrentSession));
	}

	/**
	 * Whoever changes the last administrator who can sign in may not take that away from
	 * them (nor from themselves).
	 */
	private void checkAnAdministratorRemains(UserAccount user, UserCommand command) {
		boolean staysAdministrator = command.role() == Role.ADMIN && command.enabled();
		if (user.getRole() != Role.ADMIN || !user.isEnabled() || staysAdministrator) {
			return;
		}
		// locked, so two administrators demoting each other at once cannot both succeed
		boolean another = this.users.lockEnabledAdministrators()
			.stream()
			.anyMatch((admin) -> !admin.getId().equals(user.getId()));
		if (!another) {
			List<FieldError> errors = new ArrayList<>();
			if (command.role() != Role.ADMIN) {
				errors.add(new FieldError("role", "user.role.lastAdmin"));
			}
			if (!command.enabled()) {
				errors.add(new FieldError("enabled", "user.enabled.lastAdmin"));
			}
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * A person changes their own name and time zone.
	 */
	public void updateProfile(long userId, String name, String timeZone) {
		List<FieldError> errors = new ArrayList<>();
		checkName(name, errors);
		if (!validZone(timeZone)) {
			errors.add(new FieldError("timeZone", "user.timeZone.invalid"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		UserAccount user = this.users.findById(userId).orElseThrow(() -> new NotFoundException("person", userId));
		user.changeProfile(name.trim(), timeZone, now());
		record(userId, "USER", userId, "PROFILE_UPDATED", "name=" + name + ", timeZone=" + timeZone);
	}

	public long createGroup(GroupCommand command, Long actorId) {
		checkGroup(command, null);
		if (command.defaultIntake()) {
			clearDefaultIntake(null);
		}
		SupportGroup group = this.groups.saveAndFlush(new SupportGroup(command.name().trim(), command.description(),
				command.defaultIntake(), staffOnly(command.memberIds()), now()));
		record(actorId, "GROUP", group.getId(), "CREATED",
				"name=" + group.getName() + ", members=" + command.memberIds());
		return group.getId();
	}

	public void updateGroup(long id, long version, GroupCommand command, Long actorId) {
		SupportGroup group = this.groups.findById(id).orElseThrow(() -> new NotFoundException("group", id));
		checkVersion(group.getVersion(), version);
		checkGroup(command, id);
		if (command.defaultIntake() && !group.isDefaultIntake()) {
			clearDefaultIntake(id);
		}
		String before = "name=" + group.getName() + ", members=" + group.getMemberIds();
		group.change(command.name().trim(), command.description(), command.defaultIntake(),
				staffOnly(command.memberIds()));
		record(actorId, "GROUP", id, "UPDATED",
				before + " -> name=" + group.getName() + ", members=" + group.getMemberIds());
	}

	private void clearDefaultIntake(Long exceptId) {
		this.groups.findByDefaultIntakeTrue().filter((g) -> !g.getId().equals(exceptId)).ifPresent((g) -> {
			g.clearDefaultIntake();
			this.groups.flush();
		});
	}

	private Set<Long> staffOnly(Set<Long> ids) {
		Set<Long> members = new HashSet<>();
		if (ids == null) {
			return members;
		}
		for (UserAccount user : this.users.findAllById(ids)) {
			if (!user.getRole().isStaff()) {
				throw new InvalidInputException("memberIds", "group.members.staffOnly");
			}
			members.add(user.getId());
		}
		if (members.size() != ids.size()) {
			throw new InvalidInputException("memberIds", "group.members.unknown");
		}
		return members;
	}

	private void setGroups(long userId, UserCommand command) {
		if (command.groupIds() == null) {
			return;
		}
		if (!command.role().isStaff() && !command.groupIds().isEmpty()) {
			throw new InvalidInputException("groupIds", "user.groups.staffOnly");
		}
		for (SupportGroup group : this.groups.findAll()) {
			if (command.groupIds().contains(group.getId())) {
				group.addMember(userId);
			}
			else {
				group.removeMember(userId);
			}
		}
	}

	/**
	 * What is wrong with a client as given, without saving anything (for a form that has
	 * other errors too).
	 */
	@Transactional(readOnly = true)
	public List<FieldError> problemsWithClient(ClientCommand command, Long id) {
		return problems(() -> checkClient(command, id));
	}

	@Transactional(readOnly = true)
	public List<FieldError> problemsWithUser(UserCommand command, Long id) {
		return problems(() -> checkUser(command, id,
				id == null || (command.password() != null && !command.password().isBlank())));
	}

	@Transactional(readOnly = true)
	public List<FieldError> problemsWithGroup(GroupCommand command, Long id) {
		return problems(() -> {
			checkGroup(command, id);
			staffOnly(command.memberIds());
		});
	}

	private static List<FieldError> problems(Runnable check) {
		try {
			check.run();
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.errors();
		}
	}

	private SupportPlan checkClient(ClientCommand command, Long id) {
		List<FieldError> errors = new ArrayList<>();
		if (command.name() == null || command.name().isBlank()) {
			errors.add(new FieldError("name", "client.name.required"));
		}
		else if (TextRules.line(errors, "name", command.name().trim(), 120, "client.name.tooLong")
				&& this.clients.nameTaken(command.name().trim(), id)) {
			errors.add(new FieldError("name", "client.name.taken"));
		}
		SupportPlan plan = null;
		if (command.planId() == null) {
			errors.add(new FieldError("planId", "client.plan.required"));
		}
		else {
			plan = this.plans.findById(command.planId()).orElse(null);
			if (plan == null) {
				errors.add(new FieldError("planId", "client.plan.required"));
			}
		}
		if (command.deliveryManagerId() != null) {
			UserAccount dm = this.users.findById(command.deliveryManagerId()).orElse(null);
			if (dm == null || dm.getRole() != Role.DELIVERY_MANAGER) {
				errors.add(new FieldError("deliveryManagerId", "client.deliveryManager.invalid"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return plan;
	}

	private void checkUser(UserCommand command, Long id, boolean passwordRequired) {
		List<FieldError> errors = new ArrayList<>();
		if (command.email() == null || command.email().isBlank()) {
			errors.add(new FieldError("email", "user.email.required"));
		}
		else if (!TextRules.line(errors, "email", command.email().trim(), 254, "user.email.invalid")) {
			// an address no one can have is not looked up
		}
		else if (!EMAIL.matcher(command.email().trim()).matches()) {
			errors.add(new FieldError("email", "user.email.invalid"));
		}
		else if (EmailAddress.ambiguous(command.email())) {
			errors.add(new FieldError("email", "user.email.ambiguous"));
		}
		else if (this.users.emailTaken(normaliseEmail(command.email()), id)) {
			errors.add(new FieldError("email", "user.email.taken"));
		}
		checkName(command.name(), errors);
		if (command.role() == null) {
			errors.add(new FieldError("role", "user.role.required"));
		}
		else if (command.role() == Role.REQUESTER) {
			if (command.clientId() == null || !this.clients.existsById(command.clientId())) {
				errors.add(new FieldError("clientId", "user.client.required"));
			}
		}
		if (!validZone(command.timeZone())) {
			errors.add(new FieldError("timeZone", "user.timeZone.invalid"));
		}
		checkPassword(errors, "password", command.password(), passwordRequired);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * The one rule for a password, wherever it is set: long enough, within bcrypt's 72
	 * bytes, no control characters.
	 */
	private static void checkPassword(List<FieldError> errors, String field, String password, boolean required) {
		if (required && (password == null || password.length() < MIN_PASSWORD_LENGTH)) {
			errors.add(new FieldError(field, "user.password.tooShort"));
		}
		else if (!TextRules.passwordFits(password)) {
			errors.add(new FieldError(field, "user.password.tooLong"));
		}
		else if (TextRules.hasForbiddenCharacter(password)) {
			errors.add(new FieldError(field, TextRules.CONTROL));
		}
	}

	/**
	 * A person's name is shown on pages, in mails and in CSV exports: one line of
	 * ordinary text, without control characters or text-direction overrides.
	 */
	private static void checkName(String name, List<FieldError> errors) {
		if (name == null || name.isBlank()) {
			errors.add(new FieldError("name", "user.name.required"));
		}
		else {
			TextRules.line(errors, "name", name.strip(), 120, "user.name.tooLong");
		}
	}

	private void checkGroup(GroupCommand command, Long id) {
		List<FieldError> errors = new ArrayList<>();
		if (command.name() == null || command.name().isBlank()) {
			errors.add(new FieldError("name", "group.name.required"));
		}
		else if (TextRules.line(errors, "name", command.name().trim(), 120, "group.name.tooLong")
				&& this.groups.nameTaken(command.name().trim(), id)) {
			errors.add(new FieldError("name", "group.name.taken"));
		}
		TextRules.text(errors, "description", command.description(), 2000, "group.description.tooLong");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static Long clientFor(UserCommand command) {
		return (command.role() == Role.REQUESTER) ? command.clientId() : null;
	}

	private static boolean validZone(String zone) {
		if (zone == null || zone.isBlank()) {
			return false;
		}
		try {
			ZoneId.of(zone);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static String normaliseEmail(String email) {
		return EmailAddress.normalised(email);
	}

	private static void checkVersion(long current, long expected) {
		if (current != expected) {
			throw new ConflictException("conflict.stale");
		}
	}

	private static String describe(ClientCommand command, SupportPlan plan) {
		return "name=" + command.name().trim() + ", plan=" + plan.getName() + ", active=" + command.active();
	}

	private void record(Long actorId, String type, long id, String action, String details) {
		this.audit.record(actorId, type, id, action, details);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
