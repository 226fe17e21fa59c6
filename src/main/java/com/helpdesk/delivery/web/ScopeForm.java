package com.helpdesk.delivery.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.ScopeCommand;
import com.helpdesk.shared.DateInput;
import com.helpdesk.shared.TextRules;

import org.springframework.validation.Errors;

/**
 * The scoping form: text as typed, parsed into a command; anything that does not parse is
 * refused next to its field. The meeting's date is a GOV.UK date input.
 */
public class ScopeForm {

	private String desiredOutcome;

	private String estimateDays;

	private boolean meetingNeeded;

	private String meetingAtDay;

	private String meetingAtMonth;

	private String meetingAtYear;

	private String meetingTime;

	/** The most characters a date's box or a time may hold: "1 November 2026". */
	private static final int MOST_TYPED = 80;

	private String dependencies;

	private long version;

	static ScopeForm of(DeliveryRequest request, ZoneId zone) {
		ScopeForm form = new ScopeForm();
		form.desiredOutcome = request.desiredOutcome();
		form.estimateDays = (request.estimateDays() != null)
				? request.estimateDays().stripTrailingZeros().toPlainString() : null;
		form.meetingNeeded = request.meetingNeeded();
		if (request.meetingAt() != null) {
			LocalDateTime at = LocalDateTime.ofInstant(request.meetingAt(), zone);
			DateInput date = DateInput.of(at.toLocalDate());
			form.meetingAtDay = date.day();
			form.meetingAtMonth = date.month();
			form.meetingAtYear = date.year();
			form.meetingTime = at.toLocalTime().toString();
		}
		form.dependencies = request.dependencies();
		form.version = request.version();
		return form;
	}

	/**
	 * The command, or {@code null} when something typed cannot be read: then it is in
	 * {@code errors}, next to its field.
	 * @param meetingName what the meeting's date is called in messages
	 */
	ScopeCommand command(Errors errors, String meetingName) {
		BigDecimal estimate = null;
		if (this.estimateDays != null && !this.estimateDays.isBlank()) {
			try {
				estimate = new BigDecimal(this.estimateDays.strip());
			}
			catch (NumberFormatException ex) {
				errors.rejectValue("estimateDays", "delivery.estimate.invalid");
			}
		}
		LocalDateTime meetingAt = null;
		DateInput date = new DateInput(this.meetingAtDay, this.meetingAtMonth, this.meetingAtYear);
		// typed while no meeting is needed they are not used, but still no more than a
		// date
		// and a time are taken
		if (longerThan(MOST_TYPED, this.meetingAtDay, this.meetingAtMonth, this.meetingAtYear)) {
			errors.rejectValue("meetingAt", TextRules.tooLong(MOST_TYPED));
		}
		if (longerThan(MOST_TYPED, this.meetingTime)) {
			errors.rejectValue("meetingTime", TextRules.tooLong(MOST_TYPED));
		}
		if (this.meetingNeeded && !date.isBlank() && !errors.hasFieldErrors("meetingAt")) {
			LocalDate day = date.readInto(errors, "meetingAt", meetingName);
			LocalTime time = LocalTime.of(10, 0);
			if (this.meetingTime != null && !this.meetingTime.isBlank() && !errors.hasFieldErrors("meetingTime")) {
				try {
					time = LocalTime.parse(this.meetingTime.strip().replace('.', ':'));
				}
				catch (DateTimeParseException ex) {
					errors.rejectValue("meetingTime", "delivery.meeting.time.invalid");
				}
			}
			meetingAt = (day != null) ? day.atTime(time) : null;
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new ScopeCommand(this.desiredOutcome, estimate, this.meetingNeeded, meetingAt, this.dependencies);
	}

	private static boolean longerThan(int most, String... values) {
		for (String value : values) {
			if (value != null && TextRules.length(value) > most) {
				return true;
			}
		}
		return false;
	}

	public String getDesiredOutcome() {
		return this.desiredOutcome;
	}

	public void setDesiredOutcome(String desiredOutcome) {
		this.desiredOutcome = desiredOutcome;
	}

	public String getEstimateDays() {
		return this.estimateDays;
	}

	public void setEstimateDays(String estimateDays) {
		this.estimateDays = estimateDays;
	}

	public boolean isMeetingNeeded() {
		return this.meetingNeeded;
	}

	public void setMeetingNeeded(boolean meetingNeeded) {
		this.meetingNeeded = meetingNeeded;
	}

	public String getMeetingAtDay() {
		return this.meetingAtDay;
	}

	public void setMeetingAtDay(String meetingAtDay) {
		this.meetingAtDay = meetingAtDay;
	}

	public String getMeetingAtMonth() {
		return this.meetingAtMonth;
	}

	public void setMeetingAtMonth(String meetingAtMonth) {
		this.meetingAtMonth = meetingAtMonth;
	}

	public String getMeetingAtYear() {
		return this.meetingAtYear;
	}

	public void setMeetingAtYear(String meetingAtYear) {
		this.meetingAtYear = meetingAtYear;
	}

	public String getMeetingTime() {
		return this.meetingTime;
	}

	public void setMeetingTime(String meetingTime) {
		this.meetingTime = meetingTime;
	}

	/**
	 * The meeting's date and time are checked together; errors attach here.
	 */
	public String getMeetingAt() {
		return null;
	}

	public String getDependencies() {
		return this.dependencies;
	}

	public void setDependencies(String dependencies) {
		this.dependencies = dependencies;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
