/**
 * Business calendars: a time zone, opening hours per weekday and holidays, and the
 * arithmetic of business time over them, which SLA clocks and rotas rely on.
 */
package com.helpdesk.calendar;
