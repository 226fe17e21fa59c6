package com.helpdesk.rota;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One of a rota's parallel positions (for example "Developer" and "Ops engineer"). A new
 * stint starts every {@code everyWeeks} weeks and lasts {@code stintWeeks} weeks, so a
 * stint of two weeks started every week keeps two people on at once, one of them changing
 * each week.
 *
 * @param offsetWeeks how many weeks after the rota's start this position's first stint
 * starts
 * @param rosters who takes the turns, each from its date, oldest first
 */
public record RotaPosition(long id, String name, int stintWeeks, int everyWeeks, int offsetWeeks,
		List<Roster> rosters) {

	public RotaPosition {
		rosters = rosters.stream().sorted(Comparator.comparing(Roster::effectiveFrom)).toList();
	}

	/**
	 * How many people this position has on at once.
	 */
	public int concurrent() {
		return (this.stintWeeks + this.everyWeeks - 1) / this.everyWeeks;
	}

	/**
	 * The roster in force on a date, if any.
	 */
	public Roster rosterOn(LocalDate date) {
		Roster found = null;
		for (Roster roster : this.rosters) {
			if (!roster.effectiveFrom().isAfter(date)) {
				found = roster;
			}
		}
		return found;
	}

	public RotaPosition withRoster(Roster roster) {
		List<Roster> changed = new java.util.ArrayList<>(this.rosters);
		changed.removeIf((r) -> r.effectiveFrom().equals(roster.effectiveFrom()));
		changed.add(roster);
		return new RotaPosition(this.id, this.name, this.stintWeeks, this.everyWeeks, this.offsetWeeks, changed);
	}

}
