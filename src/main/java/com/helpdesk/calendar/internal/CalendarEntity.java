package com.helpdesk.calendar.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "business_calendar")
public class CalendarEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String timeZone;

	@ElementCollection
	@CollectionTable(name = "calendar_hours", joinColumns = @JoinColumn(name = "calendar_id"))
	private List<Hours> hours = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "calendar_holiday", joinColumns = @JoinColumn(name = "calendar_id"))
	@OrderBy("date")
	private List<Day> holidays = new ArrayList<>();

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected CalendarEntity() {
	}

	public CalendarEntity(String name, String timeZone, Instant now) {
		this.name = name;
		this.timeZone = timeZone;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public void change(String name, String timeZone, List<Hours> hours, Instant now) {
		this.name = name;
		this.timeZone = timeZone;
		this.hours.clear();
		this.hours.addAll(hours);
		this.updatedAt = now;
	}

	public void replaceHolidays(List<Day> holidays, Instant now) {
		this.holidays.clear();
		this.holidays.addAll(holidays);
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public List<Hours> getHours() {
		return this.hours;
	}

	public List<Day> getHolidays() {
		return this.holidays;
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * One opening interval.
	 */
	@Embeddable
	public static class Hours {

		@Enumerated(EnumType.STRING)
		@Column(name = "day_of_week")
		private DayOfWeek day;

		@Column(name = "start_time")
		private LocalTime start;

		@Column(name = "end_time")
		private LocalTime end;

		protected Hours() {
		}

		public Hours(DayOfWeek day, LocalTime start, LocalTime end) {
			this.day = day;
			this.start = start;
			this.end = end;
		}

		public DayOfWeek getDay() {
			return this.day;
		}

		public LocalTime getStart() {
			return this.start;
		}

		public LocalTime getEnd() {
			return this.end;
		}

	}

	/**
	 * One holiday.
	 */
	@Embeddable
	public static class Day {

		@Column(name = "holiday_date")
		private LocalDate date;

		private String name;

		protected Day() {
		}

		public Day(LocalDate date, String name) {
			this.date = date;
			this.name = name;
		}

		public LocalDate getDate() {
			return this.date;
		}

		public String getName() {
			return this.name;
		}

	}

}
