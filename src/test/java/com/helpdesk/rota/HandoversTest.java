package com.helpdesk.rota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.rota.Handover.Kind;
import com.helpdesk.rota.Handover.Status;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Handovers in PostgreSQL with an injected clock: the Monday morning one covers the
 * weekend from Friday's close and lists what was raised then; it is written once by
 * someone, acknowledged once by someone else; unwritten ones show as missing.
 */
@IntegrationTest
class HandoversTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	Handovers handovers;

	@Autowired
	Rotas rotas;

	@Autowired
	TicketService tickets;

	@Autowired
	TestData data;

	@Autowired
	com.helpdesk.support.RotaFixture rotaFixture;

	@Autowired
	MovableClock clock;

	Person ann;

	Person bob;

	long rota;

	long calendar;

	@BeforeEach
	void setUp() {
		this.ann = this.data.agent();
		this.bob = this.data.agent();
		this.calendar = this.rotaFixture.teamHours();
		this.rota = this.rotas.create(
				new RotaCommand(TestData.unique("On call"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
						"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), this.calendar, null, true,
						false, List.of(new PositionCommand("On call", 1, 1, 0, List.of(this.ann.id(), this.bob.id())))),
				null);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static Instant london(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
	}

	@Test
	void theMondayMorningHandoverCoversTheWeekendAndListsWhatWasRaised() {
		this.clock.set(london("2027-01-09T03:00"));
		String subject = TestData.unique("Weekend outage");
		long id = this.tickets.create(this.data.requester(this.data.client()), TestData.question(subject), List.of());

		this.clock.set(london("2027-01-11T09:30"));
		Handover monday = this.handovers.get(this.rota, Kind.MORNING, LocalDate.of(2027, 1, 11));
		assertThat(monday.status()).isEqualTo(Status.DUE);
		assertThat(monday.periodFrom()).isEqualTo(london("2027-01-08T18:00"));
		assertThat(monday.periodTo()).isEqualTo(london("2027-01-11T10:00"));
		assertThat(monday.from()).isEqualTo(this.ann.name());
		assertThat(monday.summary()).contains("#" + id + " " + subject).contains("SLA breaches:");

		// Monday's evening handover opens three hours before the 18:00 close
		assertThat(this.handovers.get(this.rota, Kind.EVENING, LocalDate.of(2027, 1, 11)).status())
			.isEqualTo(Status.UPCOMING);
		assertThatThrownBy(
				() -> this.handovers.write(this.rota, Kind.EVENING, LocalDate.of(2027, 1, 11), "Early", this.bob))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("notes", "rota.handover.tooEarly")));
		// Friday evening's was never written
		assertThat(this.handovers.get(this.rota, Kind.EVENING, LocalDate.of(2027, 1, 8)).status())
			.isEqualTo(Status.MISSING);
		assertThat(this.handovers.recent()).anyMatch((h) -> h.rotaId() == this.rota && h.kind() == Kind.EVENING
				&& h.businessDate().equals(LocalDate.of(2027, 1, 8)) && h.status() == Status.MISSING);
	}

	@Test
	void aHandoverIsWrittenOnceAndAcknowledgedOnceBySomeoneElse() {
		this.clock.set(london("2027-01-11T09:45"));
		LocalDate monday = LocalDate.of(2027, 1, 11);
		assertThatThrownBy(() -> this.handovers.write(this.rota, Kind.MORNING, monday, "  ", this.ann))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("notes", "rota.handover.notes.required")));
		long id = this.handovers.write(this.rota, Kind.MORNING, monday, "Quiet weekend. Watch the shop's disk.",
				this.ann);
		assertThatThrownBy(() -> this.handovers.write(this.rota, Kind.MORNING, monday, "Again", this.bob))
			.isInstanceOf(ConflictException.class);
		Handover written = this.handovers.get(this.rota, Kind.MORNING, monday);
		assertThat(written.status()).isEqualTo(Status.UNACKNOWLEDGED);
		assertThat(written.writtenBy()).isEqualTo(this.ann.name());
		assertThat(written.notes()).isEqualTo("Quiet weekend. Watch the shop's disk.");
		assertThat(this.handovers.needingAttention()).anyMatch((h) -> Long.valueOf(id).equals(h.id()));

		assertThatThrownBy(() -> this.handovers.acknowledge(id, this.ann))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("acknowledge", "rota.handover.ownAcknowledge")));
		this.clock.set(london("2027-01-11T10:05"));
		this.handovers.acknowledge(id, this.bob);
		assertThatThrownBy(() -> this.handovers.acknowledge(id, this.bob)).isInstanceOf(ConflictException.class);
		Handover acknowledged = this.handovers.get(this.rota, Kind.MORNING, monday);
		assertThat(acknowledged.status()).isEqualTo(Status.ACKNOWLEDGED);
		assertThat(acknowledged.acknowledgedBy()).isEqualTo(this.bob.name());
		assertThat(this.handovers.needingAttention()).noneMatch((h) -> Long.valueOf(id).equals(h.id()));
	}

	@Test
	void theStripShowsAHandoverOnlyToThoseHandingOverTakingOverAndManagers() {
		Person carl = this.data.agent();
		Person dave = this.data.agent();
		Person erin = this.data.agent();
		Person manager = this.data.person(com.helpdesk.directory.Role.MANAGER, null);
		this.rotas.create(new RotaCommand(TestData.unique("Day team"), RotaTemplate.WEEKLY_PAIR, RotaDuty.FIRST_LINE,
				"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), this.calendar, null, false, false,
				List.of(new PositionCommand("Support", 1, 1, 0, List.of(carl.id())))), null);
		this.rotas.create(
				new RotaCommand(TestData.unique("Other team"), RotaTemplate.WEEKLY_PAIR, RotaDuty.FIRST_LINE,
						"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), this.rotaFixture.teamHours(),
						null, false, false, List.of(new PositionCommand("Support", 1, 1, 0, List.of(erin.id())))),
				null);
		this.clock.set(london("2027-01-11T09:45"));
		LocalDate monday = LocalDate.of(2027, 1, 11);

		// due: Ann hands over from on call, Carl takes over on first line
		assertThat(mine(this.ann)).containsExactly(Status.DUE);
		assertThat(mine(carl)).containsExactly(Status.DUE);
		assertThat(mine(manager)).containsExactly(Status.DUE);
		assertThat(mine(dave)).as("not on either side").isEmpty();
		assertThat(mine(erin)).as("first line of other hours: another team's").isEmpty();
		assertThat(mine(this.bob)).as("on call another week").isEmpty();
		assertThat(this.handovers.onDutyNow(dave).rotas()).anyMatch((r) -> r.rotaId() == this.rota);

		// written: only those taking over (and managers) are asked to acknowledge it
		this.handovers.write(this.rota, Kind.MORNING, monday, "All quiet", this.ann);
		assertThat(mine(this.ann)).isEmpty();
		assertThat(mine(carl)).containsExactly(Status.UNACKNOWLEDGED);
		assertThat(mine(manager)).containsExactly(Status.UNACKNOWLEDGED);
		Handover written = this.handovers.get(this.rota, Kind.MORNING, monday);
		assertThat(written.acknowledgeableBy(this.ann.id())).isFalse();
		assertThat(written.acknowledgeableBy(carl.id())).isTrue();
	}

	/** The statuses of this test's rota's handovers that the strip shows this person. */
	private List<Status> mine(Person viewer) {
		return this.handovers.onDutyNow(viewer)
			.handovers()
			.stream()
			.filter((h) -> h.rotaId() == this.rota)
			.map(Handover::status)
			.toList();
	}

}
