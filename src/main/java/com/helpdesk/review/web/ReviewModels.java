package com.helpdesk.review.web;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.directory.Person;
import com.helpdesk.review.DailyReview;
import com.helpdesk.review.ReviewDone;
import com.helpdesk.review.Reviews;
import com.helpdesk.review.WeeklyReview;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the review pages show, for the controllers that show them after a change as well
 * as on their own.
 */
@Component
class ReviewModels {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

	private final Reviews reviews;

	private final MessageSource messages;

	ReviewModels(Reviews reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	String daily(Person viewer, Model model) {
		DailyReview daily = this.reviews.daily();
		model.addAttribute("daily", daily);
		model.addAttribute("doneText",
				(daily.done() != null) ? doneText("review.daily.doneBy", daily.done(), viewer) : null);
		return "reviews/daily";
	}

	/**
	 * @param by {@code group} to show the tickets by group, anything else by client
	 * @param failed the ticket whose form came back with errors, with what was typed and
	 * the errors by field, or {@code null}
	 */
	String weekly(Person viewer, String by, Failed failed, Model model) {
		WeeklyReview weekly = this.reviews.weekly();
		boolean byGroup = "group".equals(by);
		model.addAttribute("weekly", weekly);
		model.addAttribute("byGroup", byGroup);
		model.addAttribute("sections", byGroup ? weekly.byGroup() : weekly.byClient());
		model.addAttribute("doneText",
				(weekly.done() != null) ? doneText("review.weekly.doneBy", weekly.done(), viewer) : null);
		Map<Long, FollowUpForm> forms = new HashMap<>();
		weekly.byClient()
			.forEach((section) -> section.tickets()
				.forEach((t) -> forms.put(t.ticketId(), FollowUpForm.of(t.followUp()))));
		Map<Long, Map<String, String>> errors = new HashMap<>();
		if (failed != null) {
			forms.put(failed.ticketId(), failed.form());
			errors.put(failed.ticketId(), failed.errors());
		}
		model.addAttribute("forms", forms);
		model.addAttribute("errors", errors);
		model.addAttribute("noErrors", Map.of());
		model.addAttribute("failed", failed);
		return "reviews/weekly";
	}

	/**
	 * "Reviewed today by Alex Agent at 10:12 (Europe/London)", in the viewer's zone.
	 */
	private String doneText(String key, ReviewDone done, Person viewer) {
		var at = done.doneAt().atZone(viewer.zone());
		return this.messages.getMessage(key,
				new Object[] { done.doneBy(), TIME.format(at), viewer.zone().getId(), DAY.format(at) }, Locale.UK);
	}

	/**
	 * A follow-up form that came back with errors: whose it is, what was typed, and the
	 * message of each field.
	 */
	record Failed(long ticketId, FollowUpForm form, Map<String, String> errors) {

	}

}
