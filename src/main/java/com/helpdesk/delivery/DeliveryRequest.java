package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket's in-depth work as its delivery manager scopes, schedules and delivers it.
 *
 * @param estimateDays days of work, to a half day
 * @param periodStart the first day of the week or sprint it is planned in
 * @param rank its place in that period, first done first
 * @param overcommitReason why it was planned into a period without room for it
 * @param decisionNote why it was declined, or the note it was delivered with
 * @param sentById who sent it to delivery, when not by its request type
 */
public record DeliveryRequest(long id, long ticketId, long teamId, long deliveryManagerId, DeliveryState state,
		String desiredOutcome, BigDecimal estimateDays, boolean meetingNeeded, Instant meetingAt, String dependencies,
		LocalDate periodStart, Integer rank, String overcommitReason, String decisionNote, Long featureRequestId,
		Long sentById, String sentReason, Instant createdAt, Instant updatedAt, long version) {

	/**
	 * The days of estimated work planned in the period starting {@code periodStart},
	 * leaving one request out (the one being planned); work without an estimate counts
	 * nothing.
	 */
	public static java.math.BigDecimal daysPlanned(java.util.Collection<DeliveryRequest> requests,
			LocalDate periodStart, long exceptId) {
		return requests.stream()
			.filter((r) -> r.id() != exceptId && periodStart.equals(r.periodStart()) && r.estimateDays() != null)
			.map(DeliveryRequest::estimateDays)
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
	}

}
