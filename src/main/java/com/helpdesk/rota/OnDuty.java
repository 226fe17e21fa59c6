package com.helpdesk.rota;

import java.util.List;

/**
 * Who a rota has on now.
 *
 * @param working whether the rota's hours are running now: the calendar's open hours for
 * first-line support, its closed hours for on-call (always, without a calendar)
 */
public record OnDuty(long rotaId, String rotaName, RotaDuty duty, boolean working, List<ShiftView> shifts) {

}
