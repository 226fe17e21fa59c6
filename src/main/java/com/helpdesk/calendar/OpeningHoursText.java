package com.helpdesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours as people type them: {@code 10:00-18:00}, or several intervals such as
 * {@code 09:00-12:00, 13:00-17:00}; {@code 24:00} is the end of the day.
 */
public final class OpeningHoursText {

	private static final Pattern INTERVAL = Pattern
		.compile("\\s*(\\d{1,2}[:.]\\d{2})\\s*(?:-|–|—|to)\\s*(\\d{1,2}[:.]\\d{2})\\s*");

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private OpeningHoursText() {
	}

	/**
	 * The intervals typed for one day; empty text means closed.
	 * @throws IllegalArgumentException if the text cannot be read
	 */
	public static List<OpeningHours> parse(DayOfWeek day, String text) {
		List<OpeningHours> hours = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return hours;
		}
		for (String part : text.split(",")) {
			Matcher matcher = INTERVAL.matcher(part);
			if (!matcher.matches()) {
				throw new IllegalArgumentException(part);
			}
			try {
				hours.add(new OpeningHours(day, time(matcher.group(1)), time(matcher.group(2))));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(part, ex);
			}
		}
		return hours;
	}

	/**
	 * One day's intervals as text, the way {@link #parse} reads them.
	 */
	public static List<String> format(List<OpeningHours> hours) {
		return hours.stream().sorted().map((h) -> h.start().format(HH_MM) + "-" + end(h.end())).toList();
	}

	public static String formatDay(List<OpeningHours> hours, DayOfWeek day) {
		return String.join(", ", format(hours.stream().filter((h) -> h.day() == day).toList()));
	}

	private static String end(LocalTime end) {
		return end.equals(LocalTime.MAX) ? "24:00" : end.format(HH_MM);
	}

	private static LocalTime time(String text) {
		String normal = text.replace('.', ':');
		if (normal.length() == 4) {
			normal = "0" + normal;
		}
		if (normal.equals("24:00")) {
			return LocalTime.MAX;
		}
		return LocalTime.parse(normal, HH_MM);
	}

}
