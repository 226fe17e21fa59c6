package com.helpdesk.delivery;

import java.util.List;

/**
 * A team's plan: its weeks or sprints side by side, and scheduled work left in periods
 * already over.
 */
public record PlanBoard(DeliveryTeam team, List<PlanColumn> columns, List<WorkItem> overdue,
		java.time.LocalDate previous, java.time.LocalDate next) {

}
