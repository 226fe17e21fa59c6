package com.helpdesk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.PlanCommand;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaInput;
import com.helpdesk.sla.SlaInput.Kind;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaOutcome;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.SlaPolicy;
import com.helpdesk.sla.SlaReplay;
import com.helpdesk.sla.SlaTarget;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketStatus;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Loads a realistic helpdesk into an empty database with COPY: clients on both plans,
 * staff in groups, requesters, and tickets over three years with their comments,
 * timeline, SLA inputs and the clocks the real replay computes from them.
 */
final class BenchData {

	static final String PASSWORD = "bench-pass-2026";

	/** The personal API token of requester1@bench.test, for load on the API. */
	static final String REQUESTER_TOKEN = "hd_bench-requester1-token-2026";

	private static final String[] WORDS = { "checkout", "login", "deploy", "database", "timeout", "certificate",
			"backup", "upgrade", "wordpress", "rails", "nginx", "dns", "email", "search", "cache", "memory", "disk",
			"cpu", "alert", "release", "pipeline", "docker", "kubernetes", "s3", "cdn", "form", "page", "error", "slow",
			"broken", "access", "password", "report", "export", "import", "plugin", "theme", "editor" };

	private final DataSource dataSource;

	private final Calendars calendars;

	private final SlaPolicies policies;

	private final PasswordEncoder passwords;

	private final Rotas rotas;

	private final Random random = new Random(20261124);

	BenchData(DataSource dataSource, Calendars calendars, SlaPolicies policies, PasswordEncoder passwords,
			Rotas rotas) {
		this.dataSource = dataSource;
		this.calendars = calendars;
		this.policies = policies;
		this.passwords = passwords;
		this.rotas = rotas;
	}

	record Result(long tickets, long open, long comments, long events, long inputs, long metrics, Duration took) {
	}

	Result load(int tickets, int open, Instant now) throws SQLException {
		Instant started = Instant.now();
		List<OpeningHours> hours = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.add(new OpeningHours(day, LocalTime.of(10, 0), LocalTime.of(18, 0)));
		}
		long calendarId = this.calendars.create(new CalendarCommand("Bench support hours", "Europe/London", hours,
				Calendars.englandAndWalesBankHolidays()), null);
		BusinessCalendar calendar = this.calendars.businessCalendar(calendarId);
		List<SlaTarget> standard = targets(false);
		List<SlaTarget> plus = targets(true);
		long standardPlan = this.policies
			.createPlan(new PlanCommand("Bench standard", null, false, calendarId, 0.25, standard), null);
		long plusPlan = this.policies
			.createPlan(new PlanCommand("Bench managed plus", null, true, calendarId, 0.25, plus), null);
		Map<Long, SlaPolicy> policyOfPlan = Map.of(standardPlan, policy(standard, calendar), plusPlan,
				policy(plus, calendar));

		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			long firstClient = next(connection, "client");
			long firstUser = next(connection, "app_user");
			long firstGroup = next(connection, "support_group");
			String hash = this.passwords.encode(PASSWORD);
			Copy clients = new Copy(connection, "client", "id, name, plan_id, active, version, created_at, updated_at");
			Copy planHistory = new Copy(connection, "sla_client_plan", "client_id, plan_id, valid_from");
			long[] planOf = new long[30];
			for (int c = 0; c < 30; c++) {
				planOf[c] = (c % 2 == 0) ? standardPlan : plusPlan;
				clients.row(firstClient + c, "Bench client " + (c + 1), planOf[c], true, 0, now, now);
				planHistory.row(firstClient + c, planOf[c], Instant.EPOCH);
			}
			clients.flush();
			planHistory.flush();
			Copy users = new Copy(connection, "app_user",
					"id, email, name, role, client_id, time_zone, password_hash, enabled, version, created_at, updated_at");
			for (int a = 0; a < 60; a++) {
				users.row(firstUser + a, "agent" + (a + 1) + "@bench.test", "Bench agent " + (a + 1), "AGENT", null,
						"Europe/London", hash, true, 0, now, now);
			}
			long firstRequester = firstUser + 60;
			for (int r = 0; r < 300; r++) {
				users.row(firstRequester + r, "requester" + (r + 1) + "@bench.test", "Bench requester " + (r + 1),
						"REQUESTER", firstClient + (r % 30), "Europe/London", hash, true, 0, now, now);
			}
			// a manager for the SLA dashboard and an admin for the metrics
			users.row(firstRequester + 300, "manager@bench.test", "Bench manager", "MANAGER", null, "Europe/London",
					hash, true, 0, now, now);
			users.row(firstRequester + 301, "admin@bench.test", "Bench admin", "ADMIN", null, "Europe/London", hash,
					true, 0, now, now);
			users.flush();
			try (var token = connection.prepareStatement(
					"insert into api_token (user_id, name, token_hash, token_prefix, created_at) values (?, ?, ?, ?, ?)")) {
				token.setLong(1, firstRequester);
				token.setString(2, "Load benchmark");
				token.setString(3, sha256(REQUESTER_TOKEN));
				token.setString(4, REQUESTER_TOKEN.substring(0, 10));
				token.setTimestamp(5, java.sql.Timestamp.from(now));
				token.executeUpdate();
			}
			Copy groups = new Copy(connection, "support_group", "id, name, default_intake, version, created_at");
			Copy members = new Copy(connection, "group_member", "group_id, user_id");
			for (int g = 0; g < 3; g++) {
				groups.row(firstGroup + g, "Bench group " + (g + 1), false, 0, now);
				for (int a = g * 20; a < (g + 1) * 20; a++) {
					members.row(firstGroup + g, firstUser + a);
				}
			}
			groups.flush();
			members.flush();

			long firstTicket = next(connection, "ticket");
			long commentId = next(connection, "ticket_comment");
			long eventId = next(connection, "ticket_event");
			Copy ticketRows = new Copy(connection, "ticket",
					"id, subject, description, already_tried, type, status, priority, client_id, requester_id, "
							+ "assignee_id, group_id, tags, created_at, updated_at, first_staff_reply_at, pending_since, "
							+ "solved_at, version");
			Copy comments = new Copy(connection, "ticket_comment",
					"id, ticket_id, author_id, body, public, created_at");
			Copy events = new Copy(connection, "ticket_event",
					"id, ticket_id, at, actor_id, kind, from_value, to_value, comment_id, ticket_version");
			Copy inputs = new Copy(connection, "sla_input", "ticket_id, at, kind, priority");
			Copy slaTickets = new Copy(connection, "sla_ticket",
					"ticket_id, client_id, priority, type, group_id, assignee_id, solved, created_at, next_due_at, "
							+ "next_due_metric, at_risk_at, breached, stale, computed_at");
			Copy metrics = new Copy(connection, "sla_metric",
					"ticket_id, metric, cycle, state, target, clock, target_seconds, started_at, due_at, at_risk_at, "
							+ "fulfilled_at, breached_at, used_seconds, paused_seconds, client_id, plan_id, priority, type, "
							+ "group_id, assignee_id, breach_assignee_id, breach_group_id");

			Duration span = Duration.ofDays(3 * 365);
			List<Copy> inOrder = List.of(ticketRows, comments, events, inputs, slaTickets, metrics);
			for (int i = 0; i < tickets; i++) {
				if (i % 20_000 == 0) {
					inOrder.forEach(Copy::flush);
				}
				long id = firstTicket + i;
				boolean isOpen = i >= tickets - open;
				// open tickets are the recent ones (three weeks); closed ones spread over
				// the
				// three years to now
				Instant created = isOpen ? now.minus(Duration.ofMinutes(this.random.nextInt(21 * 24 * 60)))
						: now.minus(span)
							.plus(Duration.ofSeconds((long) ((double) i / (tickets - open) * span.toSeconds())));
				int client = this.random.nextInt(30);
				long requester = firstRequester + client + 30L * this.random.nextInt(10);
				long group = firstGroup + this.random.nextInt(3);
				long agent = firstUser + (group - firstGroup) * 20 + this.random.nextInt(20);
				Long assignee = (isOpen && this.random.nextInt(3) == 0) ? null : agent;
				Priority priority = priority();
				RequestType type = RequestType.values()[this.random.nextInt(RequestType.values().length)];

				List<SlaInput> history = new ArrayList<>();
				history.add(new SlaInput(created, Kind.CREATED, priority));
				long version = 0;
				events.row(eventId++, id, created, requester, "CREATED", null, "NEW", null, version);
				TicketStatus status = TicketStatus.NEW;
				Instant at = created;
				Instant firstReply = null;
				Instant pendingSince = null;
				Instant solvedAt = null;
				int steps = isOpen ? this.random.nextInt(4) : 2 + this.random.nextInt(4);
				for (int step = 0; step < steps; step++) {
					Instant next = later(at, now);
					if (next == null) {
						break;
					}
					at = next;
					if (step % 2 == 0) {
						long comment = commentId++;
						comments.row(comment, id, agent, "Thanks, we are looking at the " + word() + ".", true, at);
						events.row(eventId++, id, at, agent, "PUBLIC_REPLY", null, null, comment, ++version);
						history.add(SlaInput.of(at, Kind.STAFF_REPLY));
						firstReply = (firstReply != null) ? firstReply : at;
						TicketStatus after = (!isOpen && step == steps - 1) ? TicketStatus.SOLVED
								: (this.random.nextBoolean() ? TicketStatus.PENDING : TicketStatus.OPEN);
						if (after != status) {
							events.row(eventId++, id, at, agent, "STATUS_CHANGED", status.name(), after.name(), null,
									version);
							history.add(SlaInput.of(at, kind(after)));
							status = after;
						}
					}
					else {
						long comment = commentId++;
						comments.row(comment, id, requester, "It still fails on the " + word() + " page.", true, at);
						events.row(eventId++, id, at, requester, "REQUESTER_REPLY", null, null, comment, ++version);
						history.add(SlaInput.of(at, Kind.REQUESTER_REPLY));
						if (status == TicketStatus.PENDING || status == TicketStatus.SOLVED) {
							events.row(eventId++, id, at, requester, "STATUS_CHANGED", status.name(), "OPEN", null,
									version);
							history.add(SlaInput.of(at, Kind.WAITING_ON_US));
							status = TicketStatus.OPEN;
						}
					}
					if (step == 0 && this.random.nextBoolean()) {
						long comment = commentId++;
						comments.row(comment, id, agent, "Internal: check the " + word() + " logs.", false, at);
						events.row(eventId++, id, at, agent, "INTERNAL_NOTE", null, null, comment, ++version);
					}
				}
				if (!isOpen && status != TicketStatus.SOLVED) {
					at = (at.isBefore(now.minusSeconds(60))) ? at.plusSeconds(30) : at;
					events.row(eventId++, id, at, agent, "STATUS_CHANGED", status.name(), "SOLVED", null, ++version);
					history.add(SlaInput.of(at, Kind.SOLVED));
					status = TicketStatus.SOLVED;
				}
				if (status == TicketStatus.PENDING) {
					pendingSince = at;
				}
				if (status == TicketStatus.SOLVED) {
					solvedAt = at;
				}
				for (SlaInput input : history) {
					inputs.row(id, input.at(), input.kind().name(),
							(input.priority() != null) ? input.priority().name() : null);
				}
				String subject = capital(word()) + " " + word() + " " + word() + " #" + id;
				ticketRows.row(id, subject, "The " + word() + " " + word() + " is " + word() + " since the release.",
						"Restarted the " + word(), type.name(), status.name(), priority.name(), firstClient + client,
						requester, assignee, group, "{}", created, at, firstReply, pendingSince, solvedAt, version);

				long plan = planOf[client];
				List<SlaOutcome> outcomes = SlaReplay.replay(history, policyOfPlan.get(plan), now);
				SlaOutcome nextDue = null;
				Instant risk = null;
				boolean breached = false;
				for (SlaOutcome o : outcomes) {
					metrics.row(id, o.metric().name(), o.cycle(), o.state().name(), o.target().withinText(),
							o.target().clock().name(), o.targetTime().toSeconds(), o.startedAt(), o.dueAt(),
							o.atRiskAt(), o.fulfilledAt(), o.breachedAt(), o.used().toSeconds(),
							o.pausedFor().toSeconds(), firstClient + client, plan, priority.name(), type.name(), group,
							assignee, (o.breachedAt() != null) ? assignee : null,
							(o.breachedAt() != null) ? group : null);
					if (o.state() == com.helpdesk.sla.SlaState.ACTIVE && o.dueAt() != null
							&& (nextDue == null || o.dueAt().isBefore(nextDue.dueAt()))) {
						nextDue = o;
					}
					if (o.atRiskAt() != null && (risk == null || o.atRiskAt().isBefore(risk))) {
						risk = o.atRiskAt();
					}
					breached |= o.state() == com.helpdesk.sla.SlaState.BREACHED && o.fulfilledAt() == null;
				}
				slaTickets.row(id, firstClient + client, priority.name(), type.name(), group, assignee,
						status == TicketStatus.SOLVED, created, (nextDue != null) ? nextDue.dueAt() : null,
						(nextDue != null) ? nextDue.metric().name() : null, risk,
						breached && status != TicketStatus.SOLVED, false, now);
			}
			inOrder.forEach(Copy::flush);
			try (Statement statement = connection.createStatement()) {
				// breaches and risks that happened before today were told at the time
				statement.execute(
						"""
								insert into sla_notice (ticket_id, metric, cycle, kind, at)
								select ticket_id, metric, cycle, 'BREACHED', breached_at from sla_metric where breached_at is not null
								union all
								select ticket_id, metric, cycle, 'AT_RISK', at_risk_at from sla_metric
								where state = 'ACTIVE' and at_risk_at <= now()
								on conflict do nothing
								""");
				for (String table : List.of("client", "app_user", "support_group", "ticket", "ticket_comment",
						"ticket_event")) {
					statement.execute("select setval(pg_get_serial_sequence('" + table
							+ "', 'id'), (select max(id) from " + table + "))");
				}
			}
			connection.commit();
			try (Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				statement.execute("analyze");
			}
			rotas(calendarId, firstUser, firstGroup, now);
			return new Result(ticketRows.count(), open, comments.count(), events.count(), inputs.count(),
					metrics.count(), Duration.between(started, Instant.now()));
		}
	}

	/**
	 * The team's rotas, as support teams run them: first-line support in office hours
	 * (two a week from each group's first ten), and a weekly on-call rota of the platform
	 * group's first eight out of hours.
	 */
	private void rotas(long calendarId, long firstUser, long firstGroup, Instant now) {
		LocalDate start = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
			.minusYears(1)
			.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<Long> firstLine = new ArrayList<>();
		for (int g = 0; g < 3; g++) {
			for (int a = 0; a < 10; a++) {
				firstLine.add(firstUser + g * 20L + a);
			}
		}
		this.rotas.create(new RotaCommand("Bench first-line support", RotaTemplate.CUSTOM, RotaDuty.FIRST_LINE,
				"Europe/London", start, LocalTime.of(10, 0), calendarId, firstGroup, false, false,
				List.of(new PositionCommand("First", 1, 1, 0, firstLine.subList(0, 15)),
						new PositionCommand("Second", 1, 1, 0, firstLine.subList(15, 30)))),
				null);
		List<Long> onCall = new ArrayList<>();
		for (int a = 0; a < 8; a++) {
			onCall.add(firstUser + 20L + a);
		}
		this.rotas.create(new RotaCommand("Bench on call", RotaTemplate.CUSTOM, RotaDuty.ON_CALL, "Europe/London",
				start, LocalTime.of(10, 0), calendarId, firstGroup + 1, false, false,
				List.of(new PositionCommand("Primary", 1, 1, 0, onCall))), null);
	}

	private Instant later(Instant at, Instant now) {
		long minutes = switch (this.random.nextInt(4)) {
			case 0 -> 5 + this.random.nextInt(60);
			case 1 -> 60 + this.random.nextInt(6 * 60);
			case 2 -> 6 * 60 + this.random.nextInt(24 * 60);
			default -> 24 * 60 + this.random.nextInt(4 * 24 * 60);
		};
		Instant next = at.plus(Duration.ofMinutes(minutes));
		return next.isBefore(now) ? next : null;
	}

	private Priority priority() {
		int p = this.random.nextInt(100);
		return (p < 2) ? Priority.CRITICAL : (p < 17) ? Priority.HIGH : (p < 77) ? Priority.NORMAL : Priority.LOW;
	}

	private static Kind kind(TicketStatus status) {
		return switch (status) {
			case NEW, OPEN -> Kind.WAITING_ON_US;
			case PENDING -> Kind.WAITING_ON_REQUESTER;
			case SOLVED -> Kind.SOLVED;
		};
	}

	private String word() {
		return WORDS[this.random.nextInt(WORDS.length)];
	}

	private static String capital(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long next(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				var rs = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static SlaPolicy policy(List<SlaTarget> targets, BusinessCalendar calendar) {
		Map<Priority, Map<SlaMetric, SlaTarget>> byPriority = new EnumMap<>(Priority.class);
		for (SlaTarget target : targets) {
			byPriority.computeIfAbsent(target.priority(), (p) -> new EnumMap<>(SlaMetric.class))
				.put(target.metric(), target);
		}
		return new SlaPolicy() {

			@Override
			public Optional<SlaTarget> target(SlaMetric metric, Priority priority, Instant at) {
				return Optional.ofNullable(byPriority.getOrDefault(priority, Map.of()).get(metric));
			}

			@Override
			public BusinessCalendar calendar(Instant at) {
				return calendar;
			}

			@Override
			public List<Instant> changes(Instant from, Instant to) {
				return List.of();
			}

			@Override
			public double atRiskShare() {
				return 0.25;
			}

		};
	}

	static List<SlaTarget> targets(boolean managedPlus) {
		Map<String, String> within = new HashMap<>();
		if (managedPlus) {
			within
				.putAll(Map.of("CRITICAL_FIRST_REPLY", "PT30M!", "CRITICAL_NEXT_REPLY", "PT1H!", "CRITICAL_RESOLUTION",
						"PT4H!", "HIGH_FIRST_REPLY", "PT2H", "HIGH_NEXT_REPLY", "PT2H", "HIGH_RESOLUTION", "PT8H",
						"NORMAL_FIRST_REPLY", "PT4H", "NORMAL_NEXT_REPLY", "PT4H", "NORMAL_RESOLUTION", "PT24H"));
			within.putAll(Map.of("LOW_FIRST_REPLY", "EOD", "LOW_NEXT_REPLY", "PT8H", "LOW_RESOLUTION", "PT40H"));
		}
		else {
			within.putAll(Map.of("CRITICAL_FIRST_REPLY", "PT1H", "CRITICAL_NEXT_REPLY", "PT2H", "CRITICAL_RESOLUTION",
					"PT8H", "HIGH_FIRST_REPLY", "PT4H", "HIGH_NEXT_REPLY", "PT4H", "HIGH_RESOLUTION", "PT16H",
					"NORMAL_FIRST_REPLY", "EOD", "NORMAL_NEXT_REPLY", "PT8H", "NORMAL_RESOLUTION", "PT40H"));
			within.putAll(Map.of("LOW_FIRST_REPLY", "EOD", "LOW_NEXT_REPLY", "PT16H", "LOW_RESOLUTION", "PT80H"));
		}
		List<SlaTarget> targets = new ArrayList<>();
		within.forEach((key, value) -> {
			String[] parts = key.split("_", 2);
			boolean always = value.endsWith("!");
			String text = value.replace("!", "");
			targets.add(new SlaTarget(Priority.valueOf(parts[0]), SlaMetric.valueOf(parts[1]),
					text.equals("EOD") ? null : Duration.parse(text), text.equals("EOD"),
					always ? SlaClock.ALWAYS : SlaClock.BUSINESS));
		});
		return targets;
	}

}
