package com.helpdesk.review;

import java.time.LocalDate;

/**
 * Sets or changes the open follow-up of a ticket.
 *
 * @param specialistId a staff person to give the ticket to, or {@code null}
 * @param version the version of the open follow-up read, or {@code null} when there was
 * none
 */
public record FollowUpCommand(String nextAction, LocalDate dueOn, Long specialistId, Long version) {

}
