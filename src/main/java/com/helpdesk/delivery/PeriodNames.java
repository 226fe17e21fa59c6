package com.helpdesk.delivery;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Periods in words, the same on the board, on the request and in the notes to the
 * requester: "the week starting Wednesday 2 December 2026".
 */
@Component
public class PeriodNames {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

	private final MessageSource messages;

	PeriodNames(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * "Week starting Wednesday 2 December 2026", or "Sprint from Wednesday 2 December
	 * 2026 to Tuesday 15 December 2026".
	 */
	public String name(Cadence cadence, PlanningPeriod period) {
		return this.messages.getMessage(cadence.isSprint() ? "delivery.period.sprint" : "delivery.period.week",
				new Object[] { DAY.format(period.start()), DAY.format(period.lastDay()) }, Locale.UK);
	}

	/**
	 * The name as a heading or label: "Week starting Wednesday 2 December 2026".
	 */
	public String title(Cadence cadence, PlanningPeriod period) {
		String name = name(cadence, period);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * The name of the week or sprint a team's work planned from {@code periodStart} is
	 * in.
	 */
	public String planned(DeliveryTeam team, java.time.LocalDate periodStart) {
		return name(team.cadence(), team.cadence().periodOf(periodStart));
	}

	/**
	 * "2 Dec – 8 Dec", for column headings.
	 */
	public String shortName(PlanningPeriod period) {
		return SHORT.format(period.start()) + " – " + SHORT.format(period.lastDay());
	}

}
