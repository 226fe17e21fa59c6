package com.helpdesk.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Someone marked a review done.
 *
 * @param period the team day (daily) or the Monday of the team week (weekly)
 */
public record ReviewDone(long id, ReviewKind kind, LocalDate period, long doneById, String doneBy, Instant doneAt) {

}
