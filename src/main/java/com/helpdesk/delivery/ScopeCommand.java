package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A delivery manager's scoping of a request.
 *
 * @param meetingAt when the scoping meeting is, in the manager's own time zone
 */
public record ScopeCommand(String desiredOutcome, BigDecimal estimateDays, boolean meetingNeeded,
		LocalDateTime meetingAt, String dependencies) {

}
