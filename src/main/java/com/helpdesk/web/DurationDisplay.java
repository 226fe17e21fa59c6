package com.helpdesk.web;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Durations for people: "2 h 10 min", "3 days 4 h". Templates call it as
 * {@code @slaDuration}.
 */
@Component("slaDuration")
public class DurationDisplay {

	public String of(Duration duration) {
		if (duration == null) {
			return "";
		}
		long minutes = duration.toMinutes();
		long days = minutes / (24 * 60);
		long hours = (minutes % (24 * 60)) / 60;
		long mins = minutes % 60;
		StringBuilder text = new StringBuilder();
		if (days > 0) {
			text.append(days).append((days == 1) ? " day " : " days ");
		}
		if (hours > 0) {
			text.append(hours).append(" h ");
		}
		if (mins > 0 || text.isEmpty()) {
			text.append(mins).append(" min");
		}
		return text.toString().trim();
	}

}
