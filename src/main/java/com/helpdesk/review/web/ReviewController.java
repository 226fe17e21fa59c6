package com.helpdesk.review.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.helpdesk.review.ReviewKind;
import com.helpdesk.review.Reviews;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The daily and weekly review pages, and marking each done.
 */
@Controller
class ReviewController {

	private final Reviews reviews;

	private final ReviewModels models;

	private final MessageSource messages;

	ReviewController(Reviews reviews, ReviewModels models, MessageSource messages) {
		this.reviews = reviews;
		this.models = models;
		this.messages = messages;
	}

	@GetMapping("/reviews")
	String index() {
		return "redirect:/reviews/daily";
	}

	@GetMapping("/reviews/daily")
	String daily(@AuthenticationPrincipal HelpdeskUser user, Model model) {
		return this.models.daily(user.person(), model);
	}

	@GetMapping("/reviews/weekly")
	String weekly(@AuthenticationPrincipal HelpdeskUser user, @RequestParam(required = false) String by, Model model) {
		return this.models.weekly(user.person(), by, null, model);
	}

	/**
	 * Marks the daily (or weekly) review done.
	 * @param day the team day (or the Monday of the week) the page showed
	 */
	@PostMapping("/reviews/{kind}/done")
	String done(@AuthenticationPrincipal HelpdeskUser user, @PathVariable String kind, @RequestParam String day,
			RedirectAttributes redirect) {
		ReviewKind review = switch (kind) {
			case "daily" -> ReviewKind.DAILY;
			case "weekly" -> ReviewKind.WEEKLY;
			default -> throw new NotFoundException("review", 0);
		};
		this.reviews.markDone(review, date(day), user.person());
		redirect.addFlashAttribute("flash", text("review.done.flash." + review));
		return "redirect:/reviews/" + kind;
	}

	private static LocalDate date(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("day", "review.done.badDay");
		}
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

}
