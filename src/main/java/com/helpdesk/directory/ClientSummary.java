package com.helpdesk.directory;

/**
 * A client organisation and its support plan.
 */
public record ClientSummary(long id, String name, long planId, String planName, boolean outOfHoursCritical,
		Long deliveryManagerId, boolean active, long version) {
}
