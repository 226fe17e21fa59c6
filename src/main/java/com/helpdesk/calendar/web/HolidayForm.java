package com.helpdesk.calendar.web;

import java.time.LocalDate;

import com.helpdesk.calendar.Holiday;

import org.springframework.validation.BindingResult;

/**
 * One holiday as typed: the date in three boxes, and its name.
 */
public class HolidayForm {

	private String dateDay;

	private String dateMonth;

	private String dateYear;

	private String name;

	Holiday toHoliday(BindingResult errors) {
		LocalDate date = null;
		try {
			date = LocalDate.of(Integer.parseInt(this.dateYear.trim()), Integer.parseInt(this.dateMonth.trim()),
					Integer.parseInt(this.dateDay.trim()));
		}
		catch (RuntimeException ex) {
			errors.rejectValue("date", "calendar.holiday.date");
		}
		if (this.name == null || this.name.isBlank()) {
			errors.rejectValue("name", "calendar.holiday.name");
		}
		return errors.hasErrors() ? null : new Holiday(date, this.name);
	}

	/** The date is shown through its parts; this only carries its errors. */
	public String getDate() {
		return null;
	}

	public String getDateDay() {
		return this.dateDay;
	}

	public void setDateDay(String dateDay) {
		this.dateDay = dateDay;
	}

	public String getDateMonth() {
		return this.dateMonth;
	}

	public void setDateMonth(String dateMonth) {
		this.dateMonth = dateMonth;
	}

	public String getDateYear() {
		return this.dateYear;
	}

	public void setDateYear(String dateYear) {
		this.dateYear = dateYear;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

}
