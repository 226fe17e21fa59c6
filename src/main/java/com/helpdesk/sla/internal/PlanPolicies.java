package com.helpdesk.sla.internal;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the policy a client's tickets are measured against.
 */
@Component
public class PlanPolicies {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final Calendars calendars;

	PlanPolicies(JdbcClient jdbc, Directory directory, Calendars calendars) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.calendars = calendars;
	}

	public PlanPolicy forClient(long clientId) {
		long currentPlan = this.directory.client(clientId).planId();
		return PlanPolicy.load(this.jdbc, clientId, currentPlan, this.calendars::businessCalendar);
	}

}
