package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaEvent;
import com.helpdesk.sla.SlaLine;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaService;
import com.helpdesk.sla.SlaState;
import com.helpdesk.support.DeliveryFixture;
import com.helpdesk.support.DeliveryFixture.Team;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.RequestDetails.ServerSpec;
import com.helpdesk.ticket.TicketFacts;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TimelineEntry;
import com.helpdesk.ticket.TimelineKind;
import com.helpdesk.rota.Leaves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In-depth work on PostgreSQL from intake to delivery, on Monday 1 March 2027 in London.
 * In the week starting Wednesday 3 March Ann is on first-line support, so the team of
 * three has Bea's and Cal's 10 days, of which 8 can be planned.
 */
@IntegrationTest
class DeliveryRequestsTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final LocalDate WEEK = LocalDate.of(2027, 3, 3);

	@Autowired
	DeliveryRequests requests;

	@Autowired
	DeliveryPlans plans;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	List<TicketFacts> facts;

	@Autowired
	Leaves leaves;

	@Autowired
	FeatureBacklog backlog;

	@Autowired
	DeliveryTeams teams;

	@Autowired
	com.helpdesk.directory.DirectoryAdmin admin;

	@Autowired
	com.helpdesk.directory.Directory directory;

	@Autowired
	DeliveryFixture fixture;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@Autowired
	SlaService sla;

	Team team;

	@BeforeEach
	void setUp() {
		this.clock.set(LocalDateTime.of(2027, 3, 1, 12, 0).atZone(LONDON).toInstant());
		this.team = this.fixture.team();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aDeploymentGoesToTheClientsNamedDeliveryManagerNotToTier1() {
		long ticket = deployment("Deploy the shop");
		DeliveryRequest request = this.requests.forTicket(ticket).orElseThrow();
		assertThat(request.state()).isEqualTo(DeliveryState.INTAKE);
		assertThat(request.deliveryManagerId()).isEqualTo(this.team.dm().id());
		assertThat(request.teamId()).isEqualTo(this.team.id());
		TicketView view = this.queries.ticket(this.team.dm(), ticket);
		assertThat(view.assigneeId()).isEqualTo(this.team.dm().id());
		assertThat(view.groupId()).isEqualTo(this.team.groupId());
		assertThat(view.status()).isEqualTo(TicketStatus.NEW);
		assertThat(this.plans.intake(this.team.dm().id())).extracting((item) -> item.ticket().id()).contains(ticket);
	}

	@Test
	void developmentSupportBringsItsDesiredOutcomeToTheScoping() {
		long ticket = this.tickets
			.create(this.team.requester(),
					new NewTicket(RequestType.DEVELOPMENT_SUPPORT, "Help with queues", "We want to use a queue.",
							"Read the docs", Priority.NORMAL, new RequestDetails(null, null, null, null, null, null,
									null, "Orders flow through a queue", null, null, null, null, null, null),
							null),
					List.of());
		assertThat(this.requests.forTicket(ticket).orElseThrow().desiredOutcome())
			.isEqualTo("Orders flow through a queue");
	}

	@Test
	void anAgentSendsAnyTicketToDeliveryWithAReasonOnce() {
		long ticket = this.tickets.create(this.team.requester(), TestData.question("Can you redesign our cache?"),
				List.of());
		assertThat(this.requests.forTicket(ticket)).isEmpty();
		assertThatThrownBy(() -> this.requests.send(this.team.ann(), ticket, " "))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("reason", "delivery.send.reason.required")));
		this.requests.send(this.team.ann(), ticket, "A week of work at least");
		DeliveryRequest request = this.requests.forTicket(ticket).orElseThrow();
		assertThat(request.sentById()).isEqualTo(this.team.ann().id());
		assertThat(request.sentReason()).isEqualTo("A week of work at least");
		assertThat(this.queries.ticket(this.team.dm(), ticket).timeline())
			.anyMatch((e) -> e.kind() == TimelineKind.ASSIGNEE_CHANGED && "A week of work at least".equals(e.detail()));
		assertThatThrownBy(() -> this.requests.send(this.team.ann(), ticket, "Again"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void scopingRefusesABadEstimateOrAMeetingWithoutADateAndSavesNothing() {
		DeliveryRequest request = intake("Deploy the blog");
		assertThatThrownBy(() -> this.requests.scope(this.team.dm(), request.id(), request.version(),
				new ScopeCommand("Outcome", new BigDecimal("0.3"), true, null, "x".repeat(2001))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field)
						.containsExactly("estimateDays", "meetingAt", "dependencies"));
		assertThat(this.requests.get(request.id())).isEqualTo(request);
		this.requests.scope(this.team.dm(), request.id(), request.version(),
				new ScopeCommand("Blog live on the platform", new BigDecimal("2.5"), true,
						LocalDateTime.of(2027, 3, 2, 14, 30), "DNS from the client"));
		DeliveryRequest scoped = this.requests.get(request.id());
		assertThat(scoped.estimateDays()).isEqualByComparingTo("2.5");
		assertThat(scoped.meetingAt()).isEqualTo(LocalDateTime.of(2027, 3, 2, 14, 30).atZone(LONDON).toInstant());
		assertThat(scoped.dependencies()).isEqualTo("DNS from the client");
		assertThatThrownBy(() -> this.requests.scope(this.team.dm(), request.id(), request.version(),
				new ScopeCommand(null, BigDecimal.ONE, false, null, null)))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void schedulingIntoAWeekWithRoomTellsTheRequesterTheWeek() {
		DeliveryRequest request = scoped("Deploy the booking app", "3");
		this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null);
		DeliveryRequest scheduled = this.requests.get(request.id());
		assertThat(scheduled.state()).isEqualTo(DeliveryState.SCHEDULED);
		assertThat(scheduled.periodStart()).isEqualTo(WEEK);
		assertThat(scheduled.rank()).isEqualTo(1);
		assertThat(scheduled.overcommitReason()).isNull();
		TicketView seen = this.queries.ticket(this.team.requester(), request.ticketId());
		assertThat(seen.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(publicReplies(seen)).last().asString().contains("week starting Wednesday 3 March 2027");
		assertThat(factsFor(request.ticketId(), this.team.requester())).contains("Planned for",
				"Week starting Wednesday 3 March 2027");
	}

	@Test
	void theWeekHasEightPlannableDaysAndMoreNeedsAReasonThenShowsOverCommitted() {
		PlanColumn before = column(this.plans.board(this.team.id(), WEEK), WEEK);
		assertThat(before.capacity().workingDays()).isEqualByComparingTo("15");
		assertThat(before.capacity().dutyDays()).isEqualByComparingTo("5");
		assertThat(before.capacity().plannableDays()).isEqualByComparingTo("8");
		DeliveryRequest first = scoped("Six days", "6");
		this.requests.schedule(this.team.dm(), first.id(), first.version(), WEEK, null);
		DeliveryRequest second = scoped("Three days", "3");
		assertThatThrownBy(() -> this.requests.schedule(this.team.dm(), second.id(), second.version(), WEEK, null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("overcommitReason", "delivery.schedule.overcommit.reason")));
		assertThat(this.requests.get(second.id()).state()).isEqualTo(DeliveryState.INTAKE);
		this.requests.schedule(this.team.dm(), second.id(), second.version(), WEEK, "Go-live date is fixed");
		PlanColumn after = column(this.plans.board(this.team.id(), WEEK), WEEK);
		assertThat(after.items()).extracting((item) -> item.request().id()).containsExactly(first.id(), second.id());
		assertThat(after.used()).isEqualByComparingTo("9");
		assertThat(after.overCommitted()).isTrue();
		assertThat(after.overBy()).isEqualByComparingTo("1");
		assertThat(this.requests.get(second.id()).overcommitReason()).isEqualTo("Go-live date is fixed");
	}

	@Test
	void leaveComesOffTheWeeksCapacity() {
		// Cal is away Thursday and Friday
		this.leaves.add(this.team.cal(), LocalDate.of(2027, 3, 4), LocalDate.of(2027, 3, 5), "Holiday");
		PeriodCapacity capacity = column(this.plans.board(this.team.id(), WEEK), WEEK).capacity();
		assertThat(capacity.leaveDays()).isEqualByComparingTo("2");
		assertThat(capacity.availableDays()).isEqualByComparingTo("8");
		assertThat(capacity.plannableDays()).isEqualByComparingTo("6.4");
	}

	@Test
	void movingToAnotherWeekTellsTheRequesterAndReorderingSwapsNeighbours() {
		DeliveryRequest a = scoped("First job", "1");
		DeliveryRequest b = scoped("Second job", "1");
		this.requests.schedule(this.team.dm(), a.id(), a.version(), WEEK, null);
		this.requests.schedule(this.team.dm(), b.id(), b.version(), WEEK, null);
		DeliveryRequest second = this.requests.get(b.id());
		this.requests.reorder(this.team.dm(), second.id(), second.version(), true);
		assertThat(column(this.plans.board(this.team.id(), WEEK), WEEK).items()).extracting((i) -> i.request().id())
			.containsExactly(b.id(), a.id());
		DeliveryRequest moving = this.requests.get(a.id());
		this.requests.schedule(this.team.dm(), moving.id(), moving.version(), WEEK.plusWeeks(1), null);
		assertThat(this.requests.get(a.id()).periodStart()).isEqualTo(WEEK.plusWeeks(1));
		assertThat(publicReplies(this.queries.ticket(this.team.requester(), a.ticketId()))).last()
			.asString()
			.contains("from the week starting Wednesday 3 March 2027 to the week starting Wednesday 10 March 2027");
		assertThatThrownBy(() -> this.requests.reorder(this.team.dm(), moving.id(), moving.version(), true))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aWeekAlreadyOverOrADayThatStartsNoWeekIsRefused() {
		DeliveryRequest request = scoped("Late", "1");
		assertThatThrownBy(() -> this.requests.schedule(this.team.dm(), request.id(), request.version(),
				LocalDate.of(2027, 2, 17), null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("period", "delivery.schedule.period.past")));
		assertThatThrownBy(() -> this.requests.schedule(this.team.dm(), request.id(), request.version(),
				LocalDate.of(2027, 3, 4), null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("period", "delivery.schedule.period.required")));
		// the week running now (from Wednesday 24 February) can still take work
		this.requests.schedule(this.team.dm(), request.id(), request.version(), LocalDate.of(2027, 2, 24), null);
	}

	@Test
	void workWithoutAnEstimateCannotBeScheduled() {
		DeliveryRequest request = intake("Unscoped");
		assertThatThrownBy(() -> this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("period", "delivery.schedule.estimateFirst")));
	}

	@Test
	void declinedWorkIsSolvedWithTheReasonForTheRequester() {
		DeliveryRequest request = intake("Rewrite everything");
		assertThatThrownBy(() -> this.requests.decline(this.team.dm(), request.id(), request.version(), ""))
			.isInstanceOf(InvalidInputException.class);
		this.requests.decline(this.team.dm(), request.id(), request.version(), "This is a project, not support.");
		assertThat(this.requests.get(request.id()).state()).isEqualTo(DeliveryState.DECLINED);
		TicketView seen = this.queries.ticket(this.team.requester(), request.ticketId());
		assertThat(seen.status()).isEqualTo(TicketStatus.SOLVED);
		assertThat(publicReplies(seen)).last().asString().contains("This is a project, not support.");
		DeliveryRequest declined = this.requests.get(request.id());
		assertThatThrownBy(() -> this.requests.schedule(this.team.dm(), declined.id(), declined.version(), WEEK, null))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void scheduledWorkPausesTheResolutionClockUntilItIsTakenOffThePlan() {
		DeliveryRequest request = scoped("Deploy the clock", "2");
		long ticket = request.ticketId();
		this.clock.set(LocalDateTime.of(2027, 3, 1, 13, 0).atZone(LONDON).toInstant());
		this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null);
		SlaLine planned = resolution(ticket);
		assertThat(planned.state()).isEqualTo(SlaState.PAUSED);
		assertThat(planned.dueAt()).isNull();
		assertThat(planned.events()).last().satisfies((e) -> {
			assertThat(e.kind()).isEqualTo(SlaEvent.Kind.PLANNED);
			assertThat(e.detail()).isEqualTo("2027-03-03");
		});

		// moved to the next week a day later: still paused, nothing counted meanwhile
		this.clock.set(LocalDateTime.of(2027, 3, 2, 12, 0).atZone(LONDON).toInstant());
		DeliveryRequest scheduled = this.requests.get(request.id());
		this.requests.schedule(this.team.dm(), scheduled.id(), scheduled.version(), WEEK.plusWeeks(1), null);
		SlaLine moved = resolution(ticket);
		assertThat(moved.state()).isEqualTo(SlaState.PAUSED);
		assertThat(moved.events()).last().extracting(SlaEvent::detail).isEqualTo("2027-03-10");
		assertThat(moved.used()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));

		// taken off the plan: back in the intake, the requester is told, the clock runs
		this.clock.set(LocalDateTime.of(2027, 3, 3, 12, 0).atZone(LONDON).toInstant());
		DeliveryRequest toTakeOff = this.requests.get(request.id());
		assertThatThrownBy(() -> this.requests.unschedule(this.team.dm(), toTakeOff.id(), toTakeOff.version() - 1))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.requests.unschedule(this.team.ann(), toTakeOff.id(), toTakeOff.version()))
			.isInstanceOf(AccessDeniedException.class);
		this.requests.unschedule(this.team.dm(), toTakeOff.id(), toTakeOff.version());
		DeliveryRequest back = this.requests.get(request.id());
		assertThat(back.state()).isEqualTo(DeliveryState.INTAKE);
		assertThat(back.periodStart()).isNull();
		assertThat(this.plans.intake(this.team.dm().id())).extracting((item) -> item.ticket().id()).contains(ticket);
		assertThat(publicReplies(this.queries.ticket(this.team.requester(), ticket))).last()
			.asString()
			.contains("off the plan for the week starting Wednesday 10 March 2027");
		SlaLine running = resolution(ticket);
		assertThat(running.state()).isEqualTo(SlaState.ACTIVE);
		assertThat(running.used()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
		assertThat(running.dueAt()).isNotNull();
		assertThatThrownBy(() -> this.requests.unschedule(this.team.dm(), back.id(), back.version()))
			.isInstanceOf(ConflictException.class);
	}

	/**
	 * A declined request the requester reopens can go to delivery again, as a new
	 * request; the declined one stays as it was decided, and the reopened ticket's clock
	 * runs.
	 */
	@Test
	void aDeclinedRequestTheRequesterReopensCanBeSentToDeliveryAgain() {
		DeliveryRequest request = scoped("Rebuild the cluster", "2");
		this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null);
		DeliveryRequest scheduled = this.requests.get(request.id());
		this.requests.decline(this.team.dm(), scheduled.id(), scheduled.version(), "Too big for now.");
		long ticket = request.ticketId();
		assertThat(resolution(ticket).state()).isEqualTo(SlaState.FULFILLED);
		assertThatThrownBy(() -> this.requests.send(this.team.ann(), ticket, "Try again"))
			.isInstanceOf(ConflictException.class);

		this.tickets.reply(this.team.requester(), ticket, null, "It is smaller than you think", null, List.of());
		assertThat(this.queries.ticket(this.team.ann(), ticket).status()).isEqualTo(TicketStatus.OPEN);
		assertThat(resolution(ticket).state()).as("declined work is off the plan").isEqualTo(SlaState.ACTIVE);

		long again = this.requests.send(this.team.ann(), ticket, "Only the ingress needs rebuilding");
		assertThat(again).isNotEqualTo(request.id());
		DeliveryRequest resent = this.requests.forTicket(ticket).orElseThrow();
		assertThat(resent.id()).isEqualTo(again);
		assertThat(resent.state()).isEqualTo(DeliveryState.INTAKE);
		assertThat(resent.sentReason()).isEqualTo("Only the ingress needs rebuilding");
		assertThat(this.requests.get(request.id()).state()).isEqualTo(DeliveryState.DECLINED);
		assertThat(this.requests.get(request.id()).decisionNote()).isEqualTo("Too big for now.");
		assertThat(this.plans.intake(this.team.dm().id())).extracting((item) -> item.request().id()).contains(again);
		// only one request is open at once
		assertThatThrownBy(() -> this.requests.send(this.team.ann(), ticket, "Once more"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void deliveredWorkIsClosedWithThePublicNote() {
		DeliveryRequest request = scoped("Deploy the wiki", "2");
		this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null);
		DeliveryRequest scheduled = this.requests.get(request.id());
		assertThatThrownBy(() -> this.requests.deliver(this.team.dm(), scheduled.id(), scheduled.version(), null))
			.isInstanceOf(InvalidInputException.class);
		this.requests.deliver(this.team.dm(), scheduled.id(), scheduled.version(), "The wiki is live at /wiki.");
		TicketView seen = this.queries.ticket(this.team.requester(), request.ticketId());
		assertThat(seen.status()).isEqualTo(TicketStatus.SOLVED);
		assertThat(publicReplies(seen)).last().asString().isEqualTo("The wiki is live at /wiki.");
		PlanColumn column = column(this.plans.board(this.team.id(), WEEK), WEEK);
		assertThat(column.items()).singleElement()
			.satisfies((item) -> assertThat(item.request().state()).isEqualTo(DeliveryState.DELIVERED));
		assertThat(column.used()).isEqualByComparingTo("2");
	}

	@Test
	void onlyDeliveryManagersManagersAndAdministratorsPlan() {
		DeliveryRequest request = scoped("Deploy", "1");
		assertThatThrownBy(() -> this.requests.schedule(this.team.ann(), request.id(), request.version(), WEEK, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.requests.decline(this.team.requester(), request.id(), request.version(), "No"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.requests.get(request.id()).state()).isEqualTo(DeliveryState.INTAKE);
	}

	@Test
	void aFeatureRequestGoesToTheBacklogLinkedBothWaysAndTheRequesterIsTold() {
		DeliveryRequest request = intake("Log in with our single sign-on");
		assertThatThrownBy(() -> this.requests.toBacklog(this.team.dm(), request.id(), request.version(), null, " "))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("featureTitle", "delivery.backlog.title.required")));
		long feature = this.requests.toBacklog(this.team.dm(), request.id(), request.version(), null,
				"Single sign-on for editors");
		DeliveryRequest moved = this.requests.get(request.id());
		assertThat(moved.state()).isEqualTo(DeliveryState.BACKLOG);
		assertThat(moved.featureRequestId()).isEqualTo(feature);
		TicketView seen = this.queries.ticket(this.team.requester(), request.ticketId());
		assertThat(seen.status()).isEqualTo(TicketStatus.SOLVED);
		assertThat(publicReplies(seen)).last()
			.asString()
			.contains("feature request backlog as “Single sign-on for editors”");
		assertThat(factsFor(request.ticketId(), this.team.requester())).contains("Feature request",
				"Single sign-on for editors");
		assertThat(this.backlog.item(feature).requests()).isEqualTo(1);
		assertThat(this.backlog.requests(feature)).extracting((item) -> item.ticket().id())
			.containsExactly(request.ticketId());
	}

	@Test
	void mergedDuplicatesCountEveryRequestAndClientOnTheItemLeft() {
		DeliveryRequest first = intake("SSO please");
		long sso = this.requests.toBacklog(this.team.dm(), first.id(), first.version(), null, "Single sign-on");
		DeliveryRequest second = intake("Log in with Google");
		long google = this.requests.toBacklog(this.team.dm(), second.id(), second.version(), null, "Google log-in");
		// another client, without a named delivery manager, asks for the same
		Person elsewhere = this.data.requester(this.data.client());
		DeliveryRequest third = this.requests.forTicket(deployment(elsewhere, "Our identity provider")).orElseThrow();
		this.requests.toBacklog(this.team.dm(), third.id(), third.version(), google, null);
		assertThat(this.backlog.item(google).requests()).isEqualTo(2);
		assertThat(this.backlog.item(google).clients()).isEqualTo(2);
		FeatureRequest duplicate = this.backlog.item(google);
		assertThatThrownBy(() -> this.requests.mergeFeature(this.team.dm(), google, duplicate.version(), google))
			.isInstanceOf(InvalidInputException.class);
		this.requests.mergeFeature(this.team.dm(), google, duplicate.version(), sso);
		FeatureRequest left = this.backlog.item(sso);
		assertThat(left.requests()).isEqualTo(3);
		assertThat(left.clients()).isEqualTo(2);
		assertThat(this.backlog.item(google).mergedInto()).isEqualTo(sso);
		assertThat(this.backlog.items()).extracting(FeatureRequest::id).contains(sso).doesNotContain(google);
		assertThatThrownBy(() -> this.requests.mergeFeature(this.team.dm(), google, duplicate.version(), sso))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void scheduledWorkKeepsAnEstimateThatFitsItsWeek() {
		DeliveryRequest request = scoped("Six days", "6");
		this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null);
		DeliveryRequest scheduled = this.requests.get(request.id());
		assertThatThrownBy(() -> this.requests.scope(this.team.dm(), scheduled.id(), scheduled.version(),
				new ScopeCommand(null, null, false, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("estimateDays", "delivery.estimate.keep")));
		assertThatThrownBy(() -> this.requests.scope(this.team.dm(), scheduled.id(), scheduled.version(),
				new ScopeCommand(null, new BigDecimal("9"), false, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("estimateDays", "delivery.estimate.overcommit")));
		this.requests.scope(this.team.dm(), scheduled.id(), scheduled.version(),
				new ScopeCommand(null, new BigDecimal("8"), false, null, null));
		assertThat(this.requests.get(request.id()).estimateDays()).isEqualByComparingTo("8");
	}

	@Test
	void theTeamsWeeksCannotMoveUnderScheduledWork() {
		DeliveryRequest request = scoped("Planned", "1");
		this.requests.schedule(this.team.dm(), request.id(), request.version(), WEEK, null);
		DeliveryTeam current = this.teams.get(this.team.id());
		TeamCommand mondays = new TeamCommand(current.name(), current.calendarId(), current.intakeGroupId(),
				current.deliveryManagerId(), 20, 1, LocalDate.of(2027, 3, 1), false, current.memberIds(),
				current.rotaIds());
		assertThatThrownBy(() -> this.teams.change(current.id(), current.version(), mondays, null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("periodsStartOn", "delivery.team.cadence.inUse")));
		// a reserve change leaves the weeks alone
		this.teams.change(current.id(), current.version(),
				new TeamCommand(current.name(), current.calendarId(), current.intakeGroupId(),
						current.deliveryManagerId(), 30, 1, DeliveryFixture.START, false, current.memberIds(),
						current.rotaIds()),
				null);
		assertThat(this.teams.get(current.id()).reservePercent()).isEqualTo(30);
	}

	@Test
	void aTeamsManagerMustBeAbleToPlan() {
		DeliveryTeam current = this.teams.get(this.team.id());
		assertThatThrownBy(() -> this.teams.change(current.id(), current.version(),
				new TeamCommand(current.name(), current.calendarId(), current.intakeGroupId(), this.team.ann().id(), 20,
						1, DeliveryFixture.START, false, current.memberIds(), current.rotaIds()),
				null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("deliveryManagerId", "delivery.team.manager.required")));
	}

	@Test
	void aNamedManagerWhoHasLeftIsPassedOverForTheTeamsManager() {
		// the client's named delivery manager has left: their account is switched off
		Person gone = this.data.person(com.helpdesk.directory.Role.DELIVERY_MANAGER, null);
		long plan = this.directory.plans().get(0).id();
		long client = this.admin.createClient(
				new com.helpdesk.directory.ClientCommand(TestData.unique("Client"), plan, gone.id(), true), null);
		com.helpdesk.directory.UserRecord record = this.directory.user(gone.id());
		this.admin.updateUser(gone.id(), record.version(), new com.helpdesk.directory.UserCommand(record.email(),
				record.name(), record.role(), null, record.timeZone(), null, false, java.util.Set.of()), null);
		long ticket = deployment(this.data.requester(client), "Deploy for a client whose manager left");
		DeliveryRequest request = this.requests.forTicket(ticket).orElseThrow();
		assertThat(request.deliveryManagerId()).isNotEqualTo(gone.id());
		assertThat(this.queries.ticket(this.team.dm(), ticket).assigneeId()).isEqualTo(request.deliveryManagerId());
	}

	@Test
	void anItemMergedAwayCannotTakeAnotherMerge() {
		DeliveryRequest a = intake("A");
		long first = this.requests.toBacklog(this.team.dm(), a.id(), a.version(), null, "First");
		DeliveryRequest b = intake("B");
		long second = this.requests.toBacklog(this.team.dm(), b.id(), b.version(), null, "Second");
		DeliveryRequest c = intake("C");
		long third = this.requests.toBacklog(this.team.dm(), c.id(), c.version(), null, "Third");
		this.requests.mergeFeature(this.team.dm(), second, this.backlog.item(second).version(), third);
		assertThatThrownBy(
				() -> this.requests.mergeFeature(this.team.dm(), first, this.backlog.item(first).version(), second))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.backlog.item(third).requests()).isEqualTo(2);
		assertThat(this.backlog.item(first).requests()).isEqualTo(1);
	}

	private long deployment(String subject) {
		return deployment(this.team.requester(), subject);
	}

	private long deployment(Person requester, String subject) {
		return this.tickets.create(requester,
				new NewTicket(RequestType.DEPLOYMENT, subject, "Please deploy " + subject, "Read the guide",
						Priority.NORMAL,
						new RequestDetails(null, null, null, "App", "Production",
								new ServerSpec("2 vCPU", "4 GB", "40 GB", "Debian 12"), LocalDate.of(2027, 4, 1), null,
								null, null, null, null, null, null),
						null),
				List.of());
	}

	private DeliveryRequest intake(String subject) {
		return this.requests.forTicket(deployment(subject)).orElseThrow();
	}

	private DeliveryRequest scoped(String subject, String days) {
		DeliveryRequest request = intake(subject);
		this.requests.scope(this.team.dm(), request.id(), request.version(),
				new ScopeCommand(null, new BigDecimal(days), false, null, null));
		return this.requests.get(request.id());
	}

	private SlaLine resolution(long ticketId) {
		return this.sla.clocks(ticketId)
			.stream()
			.filter((l) -> l.metric() == SlaMetric.RESOLUTION)
			.findFirst()
			.orElseThrow();
	}

	private static PlanColumn column(PlanBoard board, LocalDate start) {
		return board.columns().stream().filter((c) -> c.period().start().equals(start)).findFirst().orElseThrow();
	}

	private static List<String> publicReplies(TicketView view) {
		return view.timeline()
			.stream()
			.filter((e) -> e.kind() == TimelineKind.PUBLIC_REPLY)
			.map(TimelineEntry::body)
			.toList();
	}

	private List<String> factsFor(long ticketId, Person viewer) {
		return this.facts.stream()
			.flatMap((f) -> f.about(ticketId, viewer).stream())
			.flatMap((fact) -> java.util.stream.Stream.of(fact.label(), fact.value()))
			.toList();
	}

}
