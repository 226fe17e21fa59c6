package com.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketLifecycleTest {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	@ParameterizedTest
	@EnumSource(value = TicketStatus.class, names = { "OPEN", "PENDING", "SOLVED" })
	void staffReplySetsTheStatusTheyChose(TicketStatus chosen) {
		for (TicketStatus current : TicketStatus.values()) {
			assertThat(TicketLifecycle.afterStaffReply(current, chosen)).isEqualTo(chosen);
		}
	}

	@Test
	void staffReplyCannotPutATicketBackToNew() {
		assertThatThrownBy(() -> TicketLifecycle.afterStaffReply(TicketStatus.OPEN, TicketStatus.NEW))
			.isInstanceOf(TransitionNotAllowedException.class)
			.hasMessage("ticket.transition.backToNew");
	}

	@Test
	void staffReplyWithoutAChoiceOpensANewTicketAndKeepsOthersAsTheyAre() {
		assertThat(TicketLifecycle.afterStaffReply(TicketStatus.NEW, null)).isEqualTo(TicketStatus.OPEN);
		assertThat(TicketLifecycle.afterStaffReply(TicketStatus.PENDING, null)).isEqualTo(TicketStatus.PENDING);
		assertThat(TicketLifecycle.afterStaffReply(TicketStatus.SOLVED, null)).isEqualTo(TicketStatus.SOLVED);
	}

	@Test
	void requesterReplyReopensPendingAndSolvedButLeavesNewAsNew() {
		assertThat(TicketLifecycle.afterRequesterReply(TicketStatus.NEW)).isEqualTo(TicketStatus.NEW);
		assertThat(TicketLifecycle.afterRequesterReply(TicketStatus.OPEN)).isEqualTo(TicketStatus.OPEN);
		assertThat(TicketLifecycle.afterRequesterReply(TicketStatus.PENDING)).isEqualTo(TicketStatus.OPEN);
		assertThat(TicketLifecycle.afterRequesterReply(TicketStatus.SOLVED)).isEqualTo(TicketStatus.OPEN);
	}

	@ParameterizedTest
	@EnumSource(value = TicketStatus.class, names = { "NEW", "OPEN", "PENDING" })
	void requesterCanSolveAnyUnsolvedRequest(TicketStatus current) {
		assertThat(TicketLifecycle.afterRequesterSolves(current)).isEqualTo(TicketStatus.SOLVED);
	}

	@Test
	void requesterCannotSolveWhatIsAlreadySolved() {
		assertThatThrownBy(() -> TicketLifecycle.afterRequesterSolves(TicketStatus.SOLVED))
			.isInstanceOf(TransitionNotAllowedException.class);
	}

	@Test
	void staffMayAcknowledgeANewTicketAsOpenWithoutReplying() {
		assertThat(TicketLifecycle.afterStaffChange(TicketStatus.NEW, TicketStatus.OPEN, false))
			.isEqualTo(TicketStatus.OPEN);
	}

	@ParameterizedTest
	@EnumSource(value = TicketStatus.class, names = { "PENDING", "SOLVED" })
	void pendingAndSolvedNeedAPublicReplyFirst(TicketStatus target) {
		assertThatThrownBy(() -> TicketLifecycle.afterStaffChange(TicketStatus.NEW, target, false))
			.isInstanceOf(TransitionNotAllowedException.class)
			.hasMessage("ticket.transition.replyFirst");
		assertThat(TicketLifecycle.afterStaffChange(TicketStatus.OPEN, target, true)).isEqualTo(target);
	}

	@ParameterizedTest
	@EnumSource(value = TicketStatus.class, names = { "OPEN", "PENDING", "SOLVED" })
	void nothingGoesBackToNew(TicketStatus current) {
		assertThatThrownBy(() -> TicketLifecycle.afterStaffChange(current, TicketStatus.NEW, true))
			.isInstanceOf(TransitionNotAllowedException.class);
	}

	@Test
	void noStatusChangeLeavesTheStatusAlone() {
		assertThat(TicketLifecycle.afterStaffChange(TicketStatus.PENDING, null, false)).isEqualTo(TicketStatus.PENDING);
		assertThat(TicketLifecycle.afterStaffChange(TicketStatus.NEW, TicketStatus.NEW, false))
			.isEqualTo(TicketStatus.NEW);
	}

	@Test
	void aReminderIsDueOnceAfterThreeQuietDays() {
		Duration three = Duration.ofDays(3);
		Instant pendingSince = NOW.minus(three);
		assertThat(TicketLifecycle.reminderDue(TicketStatus.PENDING, pendingSince, null, three, NOW)).isTrue();
		assertThat(TicketLifecycle.reminderDue(TicketStatus.PENDING, pendingSince.plusSeconds(60), null, three, NOW))
			.isFalse();
		assertThat(TicketLifecycle.reminderDue(TicketStatus.PENDING, pendingSince, NOW, three, NOW)).isFalse();
		assertThat(TicketLifecycle.reminderDue(TicketStatus.OPEN, pendingSince, null, three, NOW)).isFalse();
	}

	@Test
	void autoSolveIsDueAfterFiveQuietDaysOnlyWhilePending() {
		Duration five = Duration.ofDays(5);
		assertThat(TicketLifecycle.autoSolveDue(TicketStatus.PENDING, NOW.minus(five), five, NOW)).isTrue();
		assertThat(TicketLifecycle.autoSolveDue(TicketStatus.PENDING, NOW.minus(five).plusSeconds(1), five, NOW))
			.isFalse();
		assertThat(TicketLifecycle.autoSolveDue(TicketStatus.OPEN, NOW.minus(five), five, NOW)).isFalse();
		assertThat(TicketLifecycle.autoSolveDue(TicketStatus.PENDING, null, five, NOW)).isFalse();
	}

}
