package com.helpdesk.delivery.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.delivery.DeliveryTeam;
import com.helpdesk.delivery.TeamCommand;

/**
 * The administrator's form for a delivery team, as typed.
 */
public class TeamForm {

	private String name;

	private Long deliveryManagerId;

	private Long calendarId;

	private Long intakeGroupId;

	private String reservePercent = "20";

	private Integer periodWeeks = 1;

	private String periodsStartOnDay;

	private String periodsStartOnMonth;

	private String periodsStartOnYear;

	private boolean defaultTeam;

	private List<Long> memberIds = new ArrayList<>();

	private List<Long> rotaIds = new ArrayList<>();

	private long version;

	static TeamForm of(DeliveryTeam team) {
		TeamForm form = new TeamForm();
		form.name = team.name();
		form.deliveryManagerId = team.deliveryManagerId();
		form.calendarId = team.calendarId();
		form.intakeGroupId = team.intakeGroupId();
		form.reservePercent = String.valueOf(team.reservePercent());
		form.periodWeeks = team.cadence().weeks();
		LocalDate start = team.cadence().anchor();
		form.periodsStartOnDay = String.valueOf(start.getDayOfMonth());
		form.periodsStartOnMonth = String.valueOf(start.getMonthValue());
		form.periodsStartOnYear = String.valueOf(start.getYear());
		form.defaultTeam = team.defaultTeam();
		form.memberIds = new ArrayList<>(team.memberIds());
		form.rotaIds = new ArrayList<>(team.rotaIds());
		form.version = team.version();
		return form;
	}

	/**
	 * The command; a reserve that is not a whole number, or a date that is not a date,
	 * becomes {@code null} and is refused by the service next to its field.
	 */
	TeamCommand command() {
		Integer reserve = null;
		try {
			reserve = (this.reservePercent != null) ? Integer.valueOf(this.reservePercent.strip()) : null;
		}
		catch (NumberFormatException ex) {
			// refused as out of range
		}
		LocalDate start = null;
		try {
			start = LocalDate.of(Integer.parseInt(this.periodsStartOnYear.strip()),
					Integer.parseInt(this.periodsStartOnMonth.strip()),
					Integer.parseInt(this.periodsStartOnDay.strip()));
		}
		catch (NumberFormatException | NullPointerException | DateTimeException ex) {
			// refused as missing
		}
		return new TeamCommand(this.name, this.calendarId, this.intakeGroupId, this.deliveryManagerId, reserve,
				this.periodWeeks, start, this.defaultTeam, (this.memberIds != null) ? this.memberIds : List.of(),
				(this.rotaIds != null) ? this.rotaIds : List.of());
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getDeliveryManagerId() {
		return this.deliveryManagerId;
	}

	public void setDeliveryManagerId(Long deliveryManagerId) {
		this.deliveryManagerId = deliveryManagerId;
	}

	public Long getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(Long calendarId) {
		this.calendarId = calendarId;
	}

	public Long getIntakeGroupId() {
		return this.intakeGroupId;
	}

	public void setIntakeGroupId(Long intakeGroupId) {
		this.intakeGroupId = intakeGroupId;
	}

	public String getReservePercent() {
		return this.reservePercent;
	}

	public void setReservePercent(String reservePercent) {
		this.reservePercent = reservePercent;
	}

	public Integer getPeriodWeeks() {
		return this.periodWeeks;
	}

	public void setPeriodWeeks(Integer periodWeeks) {
		this.periodWeeks = periodWeeks;
	}

	public String getPeriodsStartOn() {
		return null;
	}

	public String getPeriodsStartOnDay() {
		return this.periodsStartOnDay;
	}

	public void setPeriodsStartOnDay(String periodsStartOnDay) {
		this.periodsStartOnDay = periodsStartOnDay;
	}

	public String getPeriodsStartOnMonth() {
		return this.periodsStartOnMonth;
	}

	public void setPeriodsStartOnMonth(String periodsStartOnMonth) {
		this.periodsStartOnMonth = periodsStartOnMonth;
	}

	public String getPeriodsStartOnYear() {
		return this.periodsStartOnYear;
	}

	public void setPeriodsStartOnYear(String periodsStartOnYear) {
		this.periodsStartOnYear = periodsStartOnYear;
	}

	public boolean isDefaultTeam() {
		return this.defaultTeam;
	}

	public void setDefaultTeam(boolean defaultTeam) {
		this.defaultTeam = defaultTeam;
	}

	public List<Long> getMemberIds() {
		return this.memberIds;
	}

	public void setMemberIds(List<Long> memberIds) {
		this.memberIds = memberIds;
	}

	public List<Long> getRotaIds() {
		return this.rotaIds;
	}

	public void setRotaIds(List<Long> rotaIds) {
		this.rotaIds = rotaIds;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
