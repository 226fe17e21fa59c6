package com.helpdesk.rota.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helpdesk.shared.DateInput;

/**
 * The cover form as typed: who, whose shift, and when it starts and ends, each a GOV.UK
 * date input and a time. Kept as text, so that it comes back as it was typed.
 */
public class CoverForm {

	/** "14:30", "14.30", "9:05" or "1430". */
	private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.]?(\\d{2})");

	private Long positionId;

	private Long personId;

	private Long coveredPersonId;

	private String startDay;

	private String startMonth;

	private String startYear;

	private String startTime;

	private String endDay;

	private String endMonth;

	private String endYear;

	private String endTime;

	private String reason;

	/**
	 * The form filled in from a suggestion's link: date and times as
	 * {@code 2026-12-02T10:00}.
	 */
	static CoverForm suggested(Long positionId, Long personId, Long coveredPersonId, String start, String end) {
		CoverForm form = new CoverForm();
		form.positionId = positionId;
		form.personId = personId;
		form.coveredPersonId = coveredPersonId;
		LocalDateTime from = dateTime(start);
		LocalDateTime until = dateTime(end);
		if (from != null) {
			DateInput date = DateInput.of(from.toLocalDate());
			form.startDay = date.day();
			form.startMonth = date.month();
			form.startYear = date.year();
			form.startTime = from.toLocalTime().toString();
		}
		if (until != null) {
			DateInput date = DateInput.of(until.toLocalDate());
			form.endDay = date.day();
			form.endMonth = date.month();
			form.endYear = date.year();
			form.endTime = until.toLocalTime().toString();
		}
		return form;
	}

	private static LocalDateTime dateTime(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	DateInput start() {
		return new DateInput(this.startDay, this.startMonth, this.startYear);
	}

	DateInput end() {
		return new DateInput(this.endDay, this.endMonth, this.endYear);
	}

	/**
	 * A time of day as typed, or {@code null} when it is not one.
	 */
	static LocalTime time(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = TIME.matcher(text.strip());
		if (!matcher.matches()) {
			return null;
		}
		int hours = Integer.parseInt(matcher.group(1));
		int minutes = Integer.parseInt(matcher.group(2));
		return (hours < 24 && minutes < 60) ? LocalTime.of(hours, minutes) : null;
	}

	static LocalDateTime at(LocalDate date, LocalTime time) {
		return (date != null && time != null) ? date.atTime(time) : null;
	}

	public Long getPositionId() {
		return this.positionId;
	}

	public void setPositionId(Long positionId) {
		this.positionId = positionId;
	}

	public Long getPersonId() {
		return this.personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public Long getCoveredPersonId() {
		return this.coveredPersonId;
	}

	public void setCoveredPersonId(Long coveredPersonId) {
		this.coveredPersonId = coveredPersonId;
	}

	public String getStartDay() {
		return this.startDay;
	}

	public void setStartDay(String startDay) {
		this.startDay = startDay;
	}

	public String getStartMonth() {
		return this.startMonth;
	}

	public void setStartMonth(String startMonth) {
		this.startMonth = startMonth;
	}

	public String getStartYear() {
		return this.startYear;
	}

	public void setStartYear(String startYear) {
		this.startYear = startYear;
	}

	public String getStartTime() {
		return this.startTime;
	}

	public void setStartTime(String startTime) {
		this.startTime = startTime;
	}

	public String getEndDay() {
		return this.endDay;
	}

	public void setEndDay(String endDay) {
		this.endDay = endDay;
	}

	public String getEndMonth() {
		return this.endMonth;
	}

	public void setEndMonth(String endMonth) {
		this.endMonth = endMonth;
	}

	public String getEndYear() {
		return this.endYear;
	}

	public void setEndYear(String endYear) {
		this.endYear = endYear;
	}

	public String getEndTime() {
		return this.endTime;
	}

	public void setEndTime(String endTime) {
		this.endTime = endTime;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
