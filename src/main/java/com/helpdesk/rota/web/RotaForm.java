package com.helpdesk.rota.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.RotaTemplate.PositionPattern;

import org.springframework.validation.BindingResult;

/**
 * A new rota as typed, starting from a template.
 */
public class RotaForm {

	private String template;

	private String name;

	private String timeZone;

	private String startsOnDay;

	private String startsOnMonth;

	private String startsOnYear;

	private String handoverTime;

	private Long calendarId;

	private Long groupId;

	private boolean optIn;

	private boolean swapApproval;

	private List<PositionForm> positions = new ArrayList<>();

	static RotaForm from(RotaTemplate template, LocalDate today, Long calendarId) {
		RotaForm form = new RotaForm();
		form.template = template.name();
		form.timeZone = "Europe/London";
		DayOfWeek day = template.startDay();
		LocalDate first = today.plusDays(1).with(TemporalAdjusters.nextOrSame(day));
		form.startsOnDay = String.valueOf(first.getDayOfMonth());
		form.startsOnMonth = String.valueOf(first.getMonthValue());
		form.startsOnYear = String.valueOf(first.getYear());
		form.handoverTime = template.handoverTime().toString();
		form.calendarId = calendarId;
		form.optIn = template.optIn();
		for (PositionPattern pattern : template.positions()) {
			PositionForm position = new PositionForm();
			position.name = pattern.name();
			position.stintWeeks = String.valueOf(pattern.stintWeeks());
			position.everyWeeks = String.valueOf(pattern.everyWeeks());
			position.offsetWeeks = String.valueOf(pattern.offsetWeeks());
			form.positions.add(position);
		}
		return form;
	}

	RotaCommand toCommand(BindingResult errors) {
		RotaTemplate chosen = null;
		try {
			chosen = RotaTemplate.valueOf(this.template);
		}
		catch (RuntimeException ex) {
			errors.rejectValue("template", "rota.template.required");
		}
		LocalDate startsOn = null;
		try {
			startsOn = LocalDate.of(Integer.parseInt(this.startsOnYear.trim()),
					Integer.parseInt(this.startsOnMonth.trim()), Integer.parseInt(this.startsOnDay.trim()));
		}
		catch (RuntimeException ex) {
			errors.rejectValue("startsOn", "rota.startsOn.required");
		}
		LocalTime handover = null;
		try {
			handover = LocalTime.parse(
					this.handoverTime.trim().length() == 4 ? "0" + this.handoverTime.trim() : this.handoverTime.trim());
		}
		catch (NullPointerException | DateTimeParseException ex) {
			errors.rejectValue("handoverTime", "rota.handoverTime.required");
		}
		List<PositionCommand> commands = new ArrayList<>();
		for (int i = 0; i < this.positions.size(); i++) {
			PositionForm position = this.positions.get(i);
			String prefix = "positions[" + i + "].";
			int stint = number(position.stintWeeks, errors, prefix + "stintWeeks", "rota.position.stintWeeks.range");
			int every = number(position.everyWeeks, errors, prefix + "everyWeeks", "rota.position.everyWeeks.range");
			int offset = (position.offsetWeeks == null || position.offsetWeeks.isBlank()) ? 0
					: number(position.offsetWeeks, errors, prefix + "offsetWeeks", "rota.position.offsetWeeks.range");
			List<Long> order = TurnsField.order(position.turns, errors, prefix + "members");
			commands.add(new PositionCommand(position.name, stint, every, offset, (order != null) ? order : List.of()));
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new RotaCommand(this.name, chosen, chosen.duty(), this.timeZone, startsOn, handover, this.calendarId,
				this.groupId, this.optIn, this.swapApproval, commands);
	}

	private static int number(String text, BindingResult errors, String field, String key) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (RuntimeException ex) {
			errors.rejectValue(field, key);
			return 0;
		}
	}

	/** The date is shown through its parts; this only carries its errors. */
	public String getStartsOn() {
		return null;
	}

	public String getTemplate() {
		return this.template;
	}

	public void setTemplate(String template) {
		this.template = template;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public String getStartsOnDay() {
		return this.startsOnDay;
	}

	public void setStartsOnDay(String startsOnDay) {
		this.startsOnDay = startsOnDay;
	}

	public String getStartsOnMonth() {
		return this.startsOnMonth;
	}

	public void setStartsOnMonth(String startsOnMonth) {
		this.startsOnMonth = startsOnMonth;
	}

	public String getStartsOnYear() {
		return this.startsOnYear;
	}

	public void setStartsOnYear(String startsOnYear) {
		this.startsOnYear = startsOnYear;
	}

	public String getHandoverTime() {
		return this.handoverTime;
	}

	public void setHandoverTime(String handoverTime) {
		this.handoverTime = handoverTime;
	}

	public Long getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(Long calendarId) {
		this.calendarId = calendarId;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public boolean isOptIn() {
		return this.optIn;
	}

	public void setOptIn(boolean optIn) {
		this.optIn = optIn;
	}

	public boolean isSwapApproval() {
		return this.swapApproval;
	}

	public void setSwapApproval(boolean swapApproval) {
		this.swapApproval = swapApproval;
	}

	public List<PositionForm> getPositions() {
		return this.positions;
	}

	public void setPositions(List<PositionForm> positions) {
		this.positions = positions;
	}

	/**
	 * One position as typed: its shape, and a turn number beside each person on it.
	 */
	public static class PositionForm {

		private String name;

		private String stintWeeks;

		private String everyWeeks;

		private String offsetWeeks;

		private Map<Long, String> turns = new HashMap<>();

		/** Carries the errors of the turn numbers. */
		public String getMembers() {
			return null;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getStintWeeks() {
			return this.stintWeeks;
		}

		public void setStintWeeks(String stintWeeks) {
			this.stintWeeks = stintWeeks;
		}

		public String getEveryWeeks() {
			return this.everyWeeks;
		}

		public void setEveryWeeks(String everyWeeks) {
			this.everyWeeks = everyWeeks;
		}

		public String getOffsetWeeks() {
			return this.offsetWeeks;
		}

		public void setOffsetWeeks(String offsetWeeks) {
			this.offsetWeeks = offsetWeeks;
		}

		public Map<Long, String> getTurns() {
			return this.turns;
		}

		public void setTurns(Map<Long, String> turns) {
			this.turns = turns;
		}

	}

}
