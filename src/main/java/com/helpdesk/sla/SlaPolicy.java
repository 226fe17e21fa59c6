package com.helpdesk.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.shared.Priority;

/**
 * What a ticket's plan promised, at any moment of its life: the replay asks it for the
 * target in force and for the moments the plan or its targets changed.
 */
public interface SlaPolicy {

	/**
	 * The target for this metric and priority at that moment, if the plan has one.
	 */
	Optional<SlaTarget> target(SlaMetric metric, Priority priority, Instant at);

	/**
	 * The plan's business calendar at that moment.
	 */
	BusinessCalendar calendar(Instant at);

	/**
	 * The moments after {@code from}, up to {@code to}, at which the ticket's plan or
	 * that plan's targets changed.
	 */
	List<Instant> changes(Instant from, Instant to);

	/**
	 * The share of a target below which what is left counts as "at risk" (0.25).
	 */
	double atRiskShare();

}
