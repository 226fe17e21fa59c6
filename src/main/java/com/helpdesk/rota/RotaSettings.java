package com.helpdesk.rota;

/**
 * What can change about a rota once it runs: not its pattern, zone or handover time,
 * which would rewrite the shifts it has had.
 */
public record RotaSettings(String name, Long calendarId, Long groupId, boolean optIn, boolean swapApproval,
		long version) {

}
