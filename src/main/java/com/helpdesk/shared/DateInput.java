package com.helpdesk.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.validation.Errors;

/**
 * A date as someone typed it into the GOV.UK date input's three boxes, read the way dates
 * are written in the UK: day, month, year, the month as a number or a name ("11", "Nov",
 * "November"). A whole date typed into the day box (or sent as one query parameter, as in
 * a bookmarked link) is read too: "1/11/2026", "1-11-2026", "1.11.2026", "1 Nov 2026" and
 * "2026-11-01".
 *
 * @param day what the day box held, as typed
 * @param month what the month box held, as typed
 * @param year what the year box held, as typed
 */
public record DateInput(String day, String month, String year) {

	/**
	 * One box of the date input.
	 */
	public enum Part {

		DAY, MONTH, YEAR

	}

	/**
	 * What can be wrong with a date as typed, in the order GOV.UK checks them, with the
	 * message code and the boxes to highlight.
	 */
	public enum Problem {

		/** Nothing typed: "Enter the date". */
		REQUIRED("date.required", EnumSet.allOf(Part.class)),

		MISSING_DAY("date.missing.day", EnumSet.of(Part.DAY)),

		MISSING_MONTH("date.missing.month", EnumSet.of(Part.MONTH)),

		MISSING_YEAR("date.missing.year", EnumSet.of(Part.YEAR)),

		MISSING_DAY_MONTH("date.missing.dayMonth", EnumSet.of(Part.DAY, Part.MONTH)),

		MISSING_DAY_YEAR("date.missing.dayYear", EnumSet.of(Part.DAY, Part.YEAR)),

		MISSING_MONTH_YEAR("date.missing.monthYear", EnumSet.of(Part.MONTH, Part.YEAR)),

		/** "Year must include 4 numbers". */
		YEAR_DIGITS("date.yearDigits", EnumSet.of(Part.YEAR)),

		/** 31 February, month 13, letters in the day... */
		NOT_REAL("date.real", EnumSet.allOf(Part.class));

		private final String code;

		private final Set<Part> parts;

		Problem(String code, Set<Part> parts) {
			this.code = code;
			this.parts = parts;
		}

		/**
		 * The message code: its text takes the date's name as {0} and, capitalised, {1}.
		 */
		public String code() {
			return this.code;
		}

		public Set<Part> parts() {
			return this.parts;
		}

	}

	/**
	 * What was read: a date, or what is wrong.
	 */
	public record Reading(LocalDate date, Problem problem) {

		public boolean isValid() {
			return this.date != null;
		}

	}

	public static DateInput of(LocalDate date) {
		return (date != null) ? new DateInput(String.valueOf(date.getDayOfMonth()),
				String.valueOf(date.getMonthValue()), String.valueOf(date.getYear())) : new DateInput("", "", "");
	}

	/**
	 * A date typed into one field ("1/11/2026", "2026-11-01"), as if into the day box.
	 */
	public static DateInput ofText(String text) {
		return new DateInput(text, null, null);
	}

	public boolean isBlank() {
		return blank(this.day) && blank(this.month) && blank(this.year);
	}

	/**
	 * The date, or the first thing wrong with it.
	 */
	public Reading read() {
		if (isBlank()) {
			return problem(Problem.REQUIRED);
		}
		if (blank(this.month) && blank(this.year) && !strip(this.day).matches("\\d{1,2}")) {
			return whole(strip(this.day));
		}
		boolean noDay = blank(this.day);
		boolean noMonth = blank(this.month);
		boolean noYear = blank(this.year);
		if (noDay || noMonth || noYear) {
			return problem(noDay
					? (noMonth ? Problem.MISSING_DAY_MONTH : noYear ? Problem.MISSING_DAY_YEAR : Problem.MISSING_DAY)
					: noMonth ? (noYear ? Problem.MISSING_MONTH_YEAR : Problem.MISSING_MONTH) : Problem.MISSING_YEAR);
		}
		return date(strip(this.day), strip(this.month), strip(this.year));
	}

	/**
	 * Reads the date; what is wrong goes to {@code errors} on {@code field}, with the
	 * date's name (for example "the first day of your leave") for the message.
	 * @return the date, or {@code null}
	 */
	public LocalDate readInto(Errors errors, String field, String name) {
		Reading reading = read();
		if (!reading.isValid()) {
			errors.rejectValue(field, reading.problem().code(), arguments(name), null);
		}
		return reading.date();
	}

	/**
	 * The message arguments of a problem: the date's name, and the same capitalised to
	 * start a sentence.
	 */
	public static Object[] arguments(String name) {
		String capitalised = name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.UK) + name.substring(1);
		return new Object[] { name, capitalised };
	}

	/**
	 * Whether a message code (from {@link Problem#code()}, or any other error on the
	 * date) highlights this box: a problem of some boxes only those, any other error all
	 * three. For the date input's template.
	 * @param part {@code day}, {@code month} or {@code year}
	 */
	public static boolean marks(String code, String part) {
		if (code == null) {
			return false;
		}
		Part which = Part.valueOf(part.toUpperCase(Locale.ROOT));
		for (Problem problem : Problem.values()) {
			if (problem.code().equals(code)) {
				return problem.parts().contains(which);
			}
		}
		return true;
	}

	/**
	 * The first box a message code highlights, the one an error summary's link should go
	 * to; {@code day} when none.
	 */
	public static String firstMarked(String code) {
		for (Part part : Part.values()) {
			if (marks(code, part.name())) {
				return part.name().toLowerCase(Locale.ROOT);
			}
		}
		return "day";
	}

	private static Reading whole(String text) {
		String[] parts = text.split("\\s*[/.\\-\\s]\\s*");
		if (parts.length != 3) {
			return problem(Problem.NOT_REAL);
		}
		if (parts[0].matches("\\d{4}")) {
			return date(parts[2], parts[1], parts[0]);
		}
		return date(parts[0], parts[1], parts[2]);
	}

	private static Reading date(String day, String month, String year) {
		if (!year.matches("\\d{4}")) {
			return problem(Problem.YEAR_DIGITS);
		}
		Integer monthNumber = month(month);
		if (!day.matches("\\d{1,2}") || monthNumber == null) {
			return problem(Problem.NOT_REAL);
		}
		try {
			return new Reading(LocalDate.of(Integer.parseInt(year), monthNumber, Integer.parseInt(day)), null);
		}
		catch (DateTimeException ex) {
			return problem(Problem.NOT_REAL);
		}
	}

	/** A month's number from "11", "Nov", "Sept" or "November"; {@code null} if none. */
	private static Integer month(String text) {
		if (text.matches("\\d{1,2}")) {
			return Integer.valueOf(text);
		}
		String lower = text.toLowerCase(Locale.UK);
		for (Month month : Month.values()) {
			String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.UK);
			if (lower.length() >= 3 && full.startsWith(lower)) {
				return month.getValue();
			}
		}
		return null;
	}

	private static Reading problem(Problem problem) {
		return new Reading(null, problem);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

}
