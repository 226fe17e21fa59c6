package com.helpdesk.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Targets as people type them: {@code 4h}, {@code 30m}, {@code 1h30m}, {@code 2d} (two
 * days of 24 hours), {@code eod} for the end of the business day, or an ISO-8601 duration
 * such as {@code PT4H}.
 */
public final class TargetText {

	public static final String END_OF_BUSINESS_DAY = "END_OF_BUSINESS_DAY";

	private static final Pattern SHORT = Pattern
		.compile("(?:(\\d+)\\s*d(?:ays?)?)?\\s*(?:(\\d+)\\s*h(?:ours?)?)?\\s*(?:(\\d+)\\s*m(?:in(?:utes?)?)?)?");

	private TargetText() {
	}

	/**
	 * {@code null} for the end of the business day, else the duration.
	 * @throws IllegalArgumentException if it cannot be read or is not positive
	 */
	public static Duration parse(String text) {
		String value = text.trim();
		if (isEndOfDay(value)) {
			return null;
		}
		Duration duration;
		if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
			try {
				duration = Duration.parse(value.toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(value, ex);
			}
		}
		else {
			Matcher matcher = SHORT.matcher(value.toLowerCase(Locale.ROOT));
			if (value.isEmpty() || !matcher.matches()
					|| (matcher.group(1) == null && matcher.group(2) == null && matcher.group(3) == null)) {
				throw new IllegalArgumentException(value);
			}
			duration = Duration.ofDays(number(matcher.group(1)))
				.plusHours(number(matcher.group(2)))
				.plusMinutes(number(matcher.group(3)));
		}
		if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(366)) > 0) {
			throw new IllegalArgumentException(value);
		}
		return duration;
	}

	public static boolean isEndOfDay(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
		return value.equals("eod") || value.equals("end of day") || value.equals("end of business day")
				|| value.equals("end of the business day");
	}

	/**
	 * A target as it is typed back into the form.
	 */
	public static String format(SlaTarget target) {
		if (target.endOfBusinessDay()) {
			return "eod";
		}
		long minutes = target.within().toMinutes();
		StringBuilder text = new StringBuilder();
		if (minutes >= 60) {
			text.append(minutes / 60).append('h');
		}
		if (minutes % 60 > 0) {
			text.append(minutes % 60).append('m');
		}
		return text.toString();
	}

	private static long number(String digits) {
		return (digits != null) ? Long.parseLong(digits) : 0;
	}

}
