package com.helpdesk.sla;

import java.util.List;

/**
 * Create or change a plan with its SLA set-up.
 */
public record PlanCommand(String name, String description, boolean outOfHoursCritical, Long calendarId,
		double atRiskShare, List<SlaTarget> targets) {
}
