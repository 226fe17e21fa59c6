package com.helpdesk.delivery;

import java.util.List;

/**
 * A team whose in-depth work is planned: its people, the rotas that take them off planned
 * work, the share kept for unplanned support, and its weeks or sprints.
 *
 * @param intakeGroupId the support group in-depth tickets are moved to, if any
 * @param deliveryManagerId whose intake requests reach when their client has no named
 * delivery manager
 * @param defaultTeam whether requests from clients without a named delivery manager come
 * here
 */
public record DeliveryTeam(long id, String name, long calendarId, Long intakeGroupId, long deliveryManagerId,
		int reservePercent, Cadence cadence, boolean defaultTeam, List<Long> memberIds, List<Long> rotaIds,
		long version) {

	public DeliveryTeam {
		memberIds = List.copyOf(memberIds);
		rotaIds = List.copyOf(rotaIds);
	}

}
