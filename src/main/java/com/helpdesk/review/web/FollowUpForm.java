package com.helpdesk.review.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

import com.helpdesk.review.FollowUp;
import com.helpdesk.review.FollowUpCommand;

/**
 * A follow-up as typed: the next action, the day to follow up on in three boxes (GOV.UK
 * date input), the specialist and the version read. Everything is kept as text, so that
 * what someone typed comes back to them as they typed it.
 */
public class FollowUpForm {

	private String nextAction;

	private String dueDay;

	private String dueMonth;

	private String dueYear;

	private String specialist;

	private String version;

	/**
	 * The form for a ticket: its open follow-up, or empty.
	 */
	static FollowUpForm of(FollowUp open) {
		FollowUpForm form = new FollowUpForm();
		if (open != null) {
			form.nextAction = open.nextAction();
			form.dueDay = String.valueOf(open.dueOn().getDayOfMonth());
			form.dueMonth = String.valueOf(open.dueOn().getMonthValue());
			form.dueYear = String.valueOf(open.dueOn().getYear());
			form.specialist = (open.specialistId() != null) ? String.valueOf(open.specialistId()) : "";
			form.version = String.valueOf(open.version());
		}
		return form;
	}

	/**
	 * What was typed, as a command; what cannot be read goes to {@code errors} as field
	 * and message key, and is left {@code null}.
	 */
	FollowUpCommand toCommand(Map<String, String> errors) {
		return new FollowUpCommand(this.nextAction, due(errors),
				number(this.specialist, "specialist", "review.followUp.specialist.unknown", errors),
				number(this.version, null, null, null));
	}

	private LocalDate due(Map<String, String> errors) {
		if (blank(this.dueDay) && blank(this.dueMonth) && blank(this.dueYear)) {
			return null;
		}
		try {
			if (this.dueYear == null || !this.dueYear.strip().matches("\\d{4}")) {
				throw new DateTimeException("year");
			}
			return LocalDate.of(Integer.parseInt(this.dueYear.strip()), Integer.parseInt(strip(this.dueMonth)),
					Integer.parseInt(strip(this.dueDay)));
		}
		catch (DateTimeException | NumberFormatException ex) {
			errors.put("due", "review.followUp.due.invalid");
			return null;
		}
	}

	/**
	 * A number, or {@code null}; with no {@code errors} to tell, what is not a number
	 * counts as nothing (a version nobody read).
	 */
	private static Long number(String value, String field, String messageKey, Map<String, String> errors) {
		if (blank(value)) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			if (errors != null) {
				errors.put(field, messageKey);
			}
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : "";
	}

	/**
	 * The same typing, read against a newer version of the follow-up.
	 */
	FollowUpForm withVersion(Long version) {
		FollowUpForm form = new FollowUpForm();
		form.nextAction = this.nextAction;
		form.dueDay = this.dueDay;
		form.dueMonth = this.dueMonth;
		form.dueYear = this.dueYear;
		form.specialist = this.specialist;
		form.version = (version != null) ? String.valueOf(version) : "";
		return form;
	}

	public String getNextAction() {
		return this.nextAction;
	}

	public void setNextAction(String nextAction) {
		this.nextAction = nextAction;
	}

	public String getDueDay() {
		return this.dueDay;
	}

	public void setDueDay(String dueDay) {
		this.dueDay = dueDay;
	}

	public String getDueMonth() {
		return this.dueMonth;
	}

	public void setDueMonth(String dueMonth) {
		this.dueMonth = dueMonth;
	}

	public String getDueYear() {
		return this.dueYear;
	}

	public void setDueYear(String dueYear) {
		this.dueYear = dueYear;
	}

	public String getSpecialist() {
		return this.specialist;
	}

	public void setSpecialist(String specialist) {
		this.specialist = specialist;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

}
