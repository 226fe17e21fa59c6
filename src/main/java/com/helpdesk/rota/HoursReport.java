package com.helpdesk.rota;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's on-call hours per person, for compensation; frozen once a manager signs it
 * off.
 */
public record HoursReport(YearMonth month, List<Line> lines, boolean signedOff, String signedBy, Instant signedAt) {

	/**
	 * @param incidents out-of-hours tickets the person was paged for and acknowledged
	 * @param timeSpent the time they logged on those tickets
	 */
	public record Line(long personId, String name, String email, Duration weekday, Duration weekend,
			Duration bankHoliday, int incidents, Duration timeSpent) {

		public Duration total() {
			return this.weekday.plus(this.weekend).plus(this.bankHoliday);
		}

	}

}
