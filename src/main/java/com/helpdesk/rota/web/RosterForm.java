package com.helpdesk.rota.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * A position's new order from a date, as typed.
 */
public class RosterForm {

	private String fromDay;

	private String fromMonth;

	private String fromYear;

	private Map<Long, String> turns = new HashMap<>();

	static RosterForm of(LocalDate from, List<Long> order) {
		RosterForm form = new RosterForm();
		form.fromDay = String.valueOf(from.getDayOfMonth());
		form.fromMonth = String.valueOf(from.getMonthValue());
		form.fromYear = String.valueOf(from.getYear());
		form.turns = TurnsField.of(order);
		return form;
	}

	LocalDate from(BindingResult errors) {
		try {
			return LocalDate.of(Integer.parseInt(this.fromYear.trim()), Integer.parseInt(this.fromMonth.trim()),
					Integer.parseInt(this.fromDay.trim()));
		}
		catch (RuntimeException ex) {
			errors.rejectValue("from", "rota.roster.from.required");
			return null;
		}
	}

	List<Long> order(BindingResult errors) {
		return TurnsField.order(this.turns, errors, "members");
	}

	/** The date is shown through its parts; this only carries its errors. */
	public String getFrom() {
		return null;
	}

	/** Carries the errors of the turn numbers. */
	public String getMembers() {
		return null;
	}

	public String getFromDay() {
		return this.fromDay;
	}

	public void setFromDay(String fromDay) {
		this.fromDay = fromDay;
	}

	public String getFromMonth() {
		return this.fromMonth;
	}

	public void setFromMonth(String fromMonth) {
		this.fromMonth = fromMonth;
	}

	public String getFromYear() {
		return this.fromYear;
	}

	public void setFromYear(String fromYear) {
		this.fromYear = fromYear;
	}

	public Map<Long, String> getTurns() {
		return this.turns;
	}

	public void setTurns(Map<Long, String> turns) {
		this.turns = turns;
	}

}
