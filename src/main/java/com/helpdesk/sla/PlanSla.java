package com.helpdesk.sla;

import java.util.List;

/**
 * A plan's SLA set-up: its calendar, at-risk share and current targets.
 */
public record PlanSla(long planId, long calendarId, double atRiskShare, List<SlaTarget> targets, long version) {
}
