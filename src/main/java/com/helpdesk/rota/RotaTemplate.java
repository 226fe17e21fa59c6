package com.helpdesk.rota;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * The patterns support teams run, as starting points for a new rota.
 */
public enum RotaTemplate {

	/**
	 * A developer and an ops engineer on first-line support a week at a time, weeks
	 * running Wednesday to Tuesday.
	 */
	WEEKLY_PAIR(RotaDuty.FIRST_LINE, DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), false,
			List.of(new PositionPattern("Developer", 1, 1, 0), new PositionPattern("Ops engineer", 1, 1, 0))),

	/**
	 * A support sub-team of three engineers, each on for two weeks in every six (seeds
	 * 002/003): three positions of two-week stints, three people in each.
	 */
	TWO_IN_SIX(RotaDuty.FIRST_LINE, DayOfWeek.MONDAY, LocalTime.of(9, 0), false,
			List.of(new PositionPattern("Engineer 1", 2, 2, 0), new PositionPattern("Engineer 2", 2, 2, 0),
					new PositionPattern("Engineer 3", 2, 2, 0))),

	/**
	 * Two people on at once for two-week stints, one of the pair changing each week (seed
	 * 004): one position whose two-week stints start every week.
	 */
	STAGGERED_PAIRS(RotaDuty.FIRST_LINE, DayOfWeek.MONDAY, LocalTime.of(9, 0), false,
			List.of(new PositionPattern("Support pair", 2, 1, 0))),

	/**
	 * Opt-in out-of-hours on-call, a week at a time, covering whenever the team's
	 * calendar is closed.
	 */
	OUT_OF_HOURS(RotaDuty.ON_CALL, DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), true,
			List.of(new PositionPattern("On call", 1, 1, 0))),

	/** Anything else, set up by hand. */
	CUSTOM(RotaDuty.FIRST_LINE, DayOfWeek.MONDAY, LocalTime.of(9, 0), false,
			List.of(new PositionPattern("On support", 1, 1, 0)));

	private final RotaDuty duty;

	private final DayOfWeek startDay;

	private final LocalTime handoverTime;

	private final boolean optIn;

	private final List<PositionPattern> positions;

	RotaTemplate(RotaDuty duty, DayOfWeek startDay, LocalTime handoverTime, boolean optIn,
			List<PositionPattern> positions) {
		this.duty = duty;
		this.startDay = startDay;
		this.handoverTime = handoverTime;
		this.optIn = optIn;
		this.positions = positions;
	}

	public RotaDuty duty() {
		return this.duty;
	}

	public DayOfWeek startDay() {
		return this.startDay;
	}

	public LocalTime handoverTime() {
		return this.handoverTime;
	}

	public boolean optIn() {
		return this.optIn;
	}

	public List<PositionPattern> positions() {
		return this.positions;
	}

	/**
	 * A position's shape in a template or a new rota's command.
	 */
	public record PositionPattern(String name, int stintWeeks, int everyWeeks, int offsetWeeks) {

	}

}
