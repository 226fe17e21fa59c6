package com.helpdesk.directory;

/**
 * A support plan clients are on.
 */
public record PlanSummary(long id, String name, String description, boolean outOfHoursCritical) {
}
