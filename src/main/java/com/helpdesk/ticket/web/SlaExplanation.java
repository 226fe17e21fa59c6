package com.helpdesk.ticket.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaEvent;
import com.helpdesk.sla.SlaLine;
import com.helpdesk.sla.SlaState;
import com.helpdesk.sla.SlaTarget;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a ticket's clocks into words for the ticket page: "due Tue 25 Nov, 11:30 GMT — 4
 * business hours; paused 2 h 10 min while pending; closed Fri 25 Dec".
 */
@Component
class SlaExplanation {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);

	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final MessageSource messages;

	private final TicketTags tags;

	SlaExplanation(MessageSource messages, TicketTags tags) {
		this.messages = messages;
		this.tags = tags;
	}

	/**
	 * One clock as the page shows it.
	 *
	 * @param tag the tag's classes, in the queue's colours ({@link TicketTags}): a breach
	 * white on black, never the red of a critical priority; at risk yellow
	 */
	record Clock(String metric, SlaState state, boolean atRisk, String tag, String headline, String explanation,
			List<Step> steps) {
	}

	record Step(String when, String what) {
	}

	List<Clock> explain(List<SlaLine> lines, ZoneId zone) {
		List<Clock> clocks = new ArrayList<>();
		for (SlaLine line : lines) {
			String metric = text("sla.metric." + line.metric())
					+ ((line.cycle() > 1) ? " " + text("sla.cycle", line.cycle()) : "");
			List<String> parts = new ArrayList<>();
			parts.add(target(line.target(), line.targetTime()));
			if (line.pausedFor().toMinutes() > 0) {
				boolean planned = line.events().stream().anyMatch((e) -> e.kind() == SlaEvent.Kind.PLANNED);
				boolean pending = line.events().stream().anyMatch((e) -> e.kind() == SlaEvent.Kind.PAUSED);
				parts
					.add(text(planned ? (pending ? "sla.paused.pendingOrPlanned" : "sla.paused.planned") : "sla.paused",
							duration(line.pausedFor())));
			}
			if (!line.closedDays().isEmpty()) {
				parts.add(text("sla.closed", String.join(", ", line.closedDays().stream().map(DAY::format).toList())));
			}
			List<Step> steps = line.events().stream().map((e) -> new Step(at(e.at(), zone), step(e))).toList();
			clocks.add(new Clock(metric, line.state(), line.atRisk(), tag(line), headline(line, zone),
					String.join("; ", parts), steps));
		}
		return clocks;
	}

	private String tag(SlaLine line) {
		return switch (line.state()) {
			case BREACHED -> this.tags.breached();
			case FULFILLED -> "govuk-tag govuk-tag--green";
			case PAUSED -> "govuk-tag govuk-tag--grey";
			case ACTIVE -> line.atRisk() ? this.tags.atRisk() : this.tags.running();
		};
	}

	private String headline(SlaLine line, ZoneId zone) {
		return switch (line.state()) {
			case ACTIVE -> text(line.atRisk() ? "sla.headline.atRisk" : "sla.headline.active", at(line.dueAt(), zone));
			case PAUSED -> plannedFor(line)
				.map((week) -> text("sla.headline.planned", week,
						clockTime(line.target(), positive(line.targetTime().minus(line.used())))))
				.orElseGet(() -> text("sla.headline.paused",
						clockTime(line.target(), positive(line.targetTime().minus(line.used())))));
			case FULFILLED -> (line.dueAt() != null)
					? text("sla.headline.fulfilled", at(line.fulfilledAt(), zone), at(line.dueAt(), zone))
					: text("sla.headline.fulfilledWhilePaused", at(line.fulfilledAt(), zone));
			case BREACHED -> (line.fulfilledAt() != null)
					? text("sla.headline.breachedThenMet", at(line.breachedAt(), zone), at(line.fulfilledAt(), zone))
					: text("sla.headline.breached", at(line.breachedAt(), zone));
		};
	}

	private String target(SlaTarget target, Duration time) {
		if (target.endOfBusinessDay()) {
			return text("sla.target.endOfDay");
		}
		return text((target.clock() == SlaClock.ALWAYS) ? "sla.target.always" : "sla.target.business",
				clockTime(target, target.within()));
	}

	/**
	 * The week the work is planned for, when that is why the clock is paused now: the
	 * latest pause or resume says so.
	 */
	private static Optional<String> plannedFor(SlaLine line) {
		for (int i = line.events().size() - 1; i >= 0; i--) {
			SlaEvent event = line.events().get(i);
			switch (event.kind()) {
				case PLANNED:
					return Optional.of(week(event.detail()));
				case PAUSED, RESUMED, FULFILLED:
					return Optional.empty();
				default:
					break;
			}
		}
		return Optional.empty();
	}

	private static String week(String isoDate) {
		return WEEK.format(LocalDate.parse(isoDate));
	}

	private String step(SlaEvent event) {
		if (event.kind() == SlaEvent.Kind.PLANNED) {
			return text("sla.event.PLANNED", week(event.detail()));
		}
		if (event.kind() == SlaEvent.Kind.RESUMED && "unplanned".equals(event.detail())) {
			return text("sla.event.RESUMED.unplanned");
		}
		String what = text("sla.event." + event.kind());
		return (event.detail() != null && event.kind() == SlaEvent.Kind.RETARGETED) ? what + " (" + event.detail() + ")"
				: what;
	}

	/**
	 * Business time in hours (a "day" of business time would read as 24 hours); 24/7 time
	 * in days and hours.
	 */
	private static String clockTime(SlaTarget target, Duration duration) {
		return (target.clock() == SlaClock.ALWAYS) ? duration(duration) : hours(duration);
	}

	/** "40 h", "2 h 10 min", "30 min" */
	static String hours(Duration duration) {
		long minutes = (duration.toSeconds() + 59) / 60;
		long hours = minutes / 60;
		long mins = minutes % 60;
		if (hours == 0) {
			return mins + " min";
		}
		return hours + " h" + ((mins > 0) ? " " + mins + " min" : "");
	}

	/** "4 h", "30 min", "2 h 10 min", "3 days 2 h" */
	static String duration(Duration duration) {
		long minutes = duration.toMinutes();
		long days = minutes / (24 * 60);
		long hours = (minutes % (24 * 60)) / 60;
		long mins = minutes % 60;
		List<String> parts = new ArrayList<>();
		if (days > 0) {
			parts.add(days + ((days == 1) ? " day" : " days"));
		}
		if (hours > 0) {
			parts.add(hours + " h");
		}
		if (mins > 0 || parts.isEmpty()) {
			parts.add(mins + " min");
		}
		return String.join(" ", parts);
	}

	private static String at(Instant instant, ZoneId zone) {
		if (instant == null) {
			return "";
		}
		var local = instant.atZone(zone);
		return WHEN.format(local) + " " + ZONE.format(local);
	}

	private static Duration positive(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
