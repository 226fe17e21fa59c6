package com.helpdesk.delivery.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.ScopeCommand;

/**
 * The scoping form: text as typed, parsed into a command; anything that does not parse is
 * refused next to its field.
 */
public class ScopeForm {

	private String desiredOutcome;

	private String estimateDays;

	private boolean meetingNeeded;

	private String meetingDate;

	private String meetingTime;

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
			form.meetingDate = at.toLocalDate().toString();
			form.meetingTime = at.toLocalTime().toString();
		}
		form.dependencies = request.dependencies();
		form.version = request.version();
		return form;
	}

	/**
	 * The command, or {@code null} with the field that would not parse named in
	 * {@code problem}.
	 */
	ScopeCommand command(String[] problem) {
		BigDecimal estimate = null;
		if (this.estimateDays != null && !this.estimateDays.isBlank()) {
			try {
				estimate = new BigDecimal(this.estimateDays.strip());
			}
			catch (NumberFormatException ex) {
				problem[0] = "estimateDays";
				return null;
			}
		}
		LocalDateTime meetingAt = null;
		if (this.meetingNeeded && this.meetingDate != null && !this.meetingDate.isBlank()) {
			try {
				LocalTime time = (this.meetingTime != null && !this.meetingTime.isBlank())
						? LocalTime.parse(this.meetingTime.strip()) : LocalTime.of(10, 0);
				meetingAt = LocalDate.parse(this.meetingDate.strip()).atTime(time);
			}
			catch (DateTimeParseException ex) {
				problem[0] = "meetingAt";
				return null;
			}
		}
		return new ScopeCommand(this.desiredOutcome, estimate, this.meetingNeeded, meetingAt, this.dependencies);
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

	public String getMeetingDate() {
		return this.meetingDate;
	}

	public void setMeetingDate(String meetingDate) {
		this.meetingDate = meetingDate;
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
