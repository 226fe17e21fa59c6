package com.helpdesk.sla;

import java.time.Instant;

/**
 * A metric that breached, and when.
 */
public record SlaBreach(long ticketId, SlaMetric metric, Instant breachedAt) {

}
