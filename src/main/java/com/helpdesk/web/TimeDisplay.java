package com.helpdesk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.helpdesk.security.HelpdeskUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows times in the viewer's own time zone, naming the zone, so "14:05 GMT" means the
 * same to everyone who reads it. Templates call it as {@code @when}.
 */
@Component("when")
public class TimeDisplay {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

	/**
	 * Java knows short names such as EST only in US English; GMT and BST are the same
	 * there.
	 */
	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.UK);

	private final Clock clock;

	public TimeDisplay(Clock clock) {
		this.clock = clock;
	}

	public String at(Instant instant) {
		if (instant == null) {
			return "";
		}
		var local = instant.atZone(zone());
		return DATE_TIME.format(local) + " " + ZONE.format(local);
	}

	public String shortAt(Instant instant) {
		return (instant != null) ? SHORT.format(instant.atZone(zone())) : "";
	}

	public String date(LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	/**
	 * The machine-readable form for a {@code <time datetime>} attribute.
	 */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	/**
	 * "5 minutes ago", "3 days ago".
	 */
	public String ago(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration age = Duration.between(instant, this.clock.instant());
		if (age.isNegative() || age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return plural(age.toMinutes(), "minute");
		}
		if (age.toDays() < 1) {
			return plural(age.toHours(), "hour");
		}
		return plural(age.toDays(), "day");
	}

	public String zoneName() {
		return zone().getId();
	}

	public ZoneId zone() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof HelpdeskUser user) {
			return user.person().zone();
		}
		return ZoneId.of("Europe/London");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s") + " ago";
	}

}
