package com.helpdesk.rota.web;

import com.helpdesk.shared.DateInput;

/**
 * Days away as typed: two dates in three boxes each, and a note.
 */
public class LeaveForm {

	private String firstDayDay;

	private String firstDayMonth;

	private String firstDayYear;

	private String lastDayDay;

	private String lastDayMonth;

	private String lastDayYear;

	private String note;

	DateInput firstDay() {
		return new DateInput(this.firstDayDay, this.firstDayMonth, this.firstDayYear);
	}

	DateInput lastDay() {
		return new DateInput(this.lastDayDay, this.lastDayMonth, this.lastDayYear);
	}

	/** The dates are shown through their parts; these only carry their errors. */
	public String getFirstDay() {
		return null;
	}

	public String getLastDay() {
		return null;
	}

	public String getFirstDayDay() {
		return this.firstDayDay;
	}

	public void setFirstDayDay(String firstDayDay) {
		this.firstDayDay = firstDayDay;
	}

	public String getFirstDayMonth() {
		return this.firstDayMonth;
	}

	public void setFirstDayMonth(String firstDayMonth) {
		this.firstDayMonth = firstDayMonth;
	}

	public String getFirstDayYear() {
		return this.firstDayYear;
	}

	public void setFirstDayYear(String firstDayYear) {
		this.firstDayYear = firstDayYear;
	}

	public String getLastDayDay() {
		return this.lastDayDay;
	}

	public void setLastDayDay(String lastDayDay) {
		this.lastDayDay = lastDayDay;
	}

	public String getLastDayMonth() {
		return this.lastDayMonth;
	}

	public void setLastDayMonth(String lastDayMonth) {
		this.lastDayMonth = lastDayMonth;
	}

	public String getLastDayYear() {
		return this.lastDayYear;
	}

	public void setLastDayYear(String lastDayYear) {
		this.lastDayYear = lastDayYear;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
