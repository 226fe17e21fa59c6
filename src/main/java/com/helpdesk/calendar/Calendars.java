package com.helpdesk.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.helpdesk.calendar.internal.CalendarEntity;
import com.helpdesk.calendar.internal.CalendarRepository;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.component.VEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business calendars: kept, checked, changed (with an audit record), and turned into
 * {@link BusinessCalendar}s for time arithmetic.
 */
@Service
@Transactional
public class Calendars {

	private static final int MAX_HOLIDAYS_PER_IMPORT = 2000;

	private final CalendarRepository calendars;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Calendars(CalendarRepository calendars, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.calendars = calendars;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public long create(CalendarCommand command, Long actorId) {
		check(command, null);
		CalendarEntity calendar = new CalendarEntity(command.name().trim(), command.timeZone(), this.clock.instant());
		calendar.change(command.name().trim(), command.timeZone(), hours(command.hours()), this.clock.instant());
		calendar.replaceHolidays(days(command.holidays()), this.clock.instant());
		calendar = this.calendars.save(calendar);
		this.audit.record(actorId, "CALENDAR", calendar.getId(), "CREATED", describe(command));
		return calendar.getId();
	}

	/**
	 * Changes name, zone and hours; holidays are kept unless the command lists some.
	 */
	public void update(long id, long version, CalendarCommand command, Long actorId) {
		CalendarEntity calendar = load(id);
		if (calendar.getVersion() != version) {
			throw new ConflictException("conflict.stale");
		}
		check(command, id);
		String before = describe(view(calendar));
		calendar.change(command.name().trim(), command.timeZone(), hours(command.hours()), this.clock.instant());
		if (command.holidays() != null && !command.holidays().isEmpty()) {
			calendar.replaceHolidays(days(command.holidays()), this.clock.instant());
		}
		this.audit.record(actorId, "CALENDAR", id, "UPDATED", before + " -> " + describe(command));
		changed(id);
	}

	/**
	 * Adds holidays, skipping dates the calendar already has. Answers how many were new.
	 */
	public int addHolidays(long id, List<Holiday> holidays, Long actorId) {
		CalendarEntity calendar = load(id);
		List<FieldError> errors = new ArrayList<>();
		checkHolidays(holidays, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Map<LocalDate, String> all = new TreeMap<>();
		calendar.getHolidays().forEach((day) -> all.put(day.getDate(), day.getName()));
		int added = 0;
		for (Holiday holiday : holidays) {
			if (all.putIfAbsent(holiday.date(), holiday.name().trim()) == null) {
				added++;
			}
		}
		if (added > 0) {
			calendar.replaceHolidays(
					all.entrySet().stream().map((e) -> new CalendarEntity.Day(e.getKey(), e.getValue())).toList(),
					this.clock.instant());
			this.audit.record(actorId, "CALENDAR", id, "HOLIDAYS_ADDED", added + " holidays added");
			changed(id);
		}
		return added;
	}

	public void removeHoliday(long id, LocalDate date, Long actorId) {
		CalendarEntity calendar = load(id);
		List<CalendarEntity.Day> kept = calendar.getHolidays()
			.stream()
			.filter((day) -> !day.getDate().equals(date))
			.map((day) -> new CalendarEntity.Day(day.getDate(), day.getName()))
			.toList();
		if (kept.size() == calendar.getHolidays().size()) {
			throw new NotFoundException("holiday", date);
		}
		calendar.replaceHolidays(kept, this.clock.instant());
		this.audit.record(actorId, "CALENDAR", id, "HOLIDAY_REMOVED", date.toString());
		changed(id);
	}

	private void changed(long id) {
		this.events.publishEvent(new CalendarChanged(id, this.clock.instant()));
	}

	@Transactional(readOnly = true)
	public CalendarView get(long id) {
		return view(load(id));
	}

	@Transactional(readOnly = true)
	public List<CalendarView> list() {
		return this.calendars.findAllByName().stream().map(Calendars::view).toList();
	}

	/**
	 * The calendar, ready for business time arithmetic.
	 */
	@Transactional(readOnly = true)
	public BusinessCalendar businessCalendar(long id) {
		CalendarView view = get(id);
		return new BusinessCalendar(ZoneId.of(view.timeZone()), view.hours(),
				view.holidays().stream().map(Holiday::date).toList());
	}

	/**
	 * England and Wales bank holidays 2026–2028, as shipped with the helpdesk.
	 */
	public static List<Holiday> englandAndWalesBankHolidays() {
		InputStream in = Calendars.class.getResourceAsStream("/calendar/england-and-wales-bank-holidays.csv");
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split(",", 2))
				.map((parts) -> new Holiday(LocalDate.parse(parts[0]), parts[1].trim()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The all-day events of an iCalendar file (such as GOV.UK's bank holiday feed) as
	 * holidays; an event spanning several days gives one holiday a day.
	 */
	public static List<Holiday> readICalendar(Reader ics) {
		try {
			net.fortuna.ical4j.model.Calendar calendar = new CalendarBuilder().build(ics);
			List<Holiday> holidays = new ArrayList<>();
			for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
				LocalDate start = date(event.getStartDate().map((d) -> (Temporal) d.getDate()).orElse(null));
				if (start == null) {
					continue;
				}
				LocalDate end = end(event, start);
				String name = (event.getSummary() != null) ? event.getSummary().getValue() : "Holiday";
				LocalDate last = (end != null && end.isAfter(start)) ? end.minusDays(1) : start;
				for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
					holidays.add(new Holiday(day, truncate(name)));
					if (holidays.size() > MAX_HOLIDAYS_PER_IMPORT) {
						throw new InvalidInputException("file", "calendar.ics.tooMany");
					}
				}
			}
			holidays.sort(Comparator.comparing(Holiday::date));
			return holidays;
		}
		catch (IOException | ParserException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("file", "calendar.ics.unreadable");
		}
	}

	/**
	 * Where an event ends (exclusive): its DTEND, else its start plus its DURATION, else
	 * (RFC 5545, an all-day event with neither) the day after it starts. ical4j's own
	 * derivation adds a time-based duration to the date and fails.
	 */
	private static LocalDate end(VEvent event, LocalDate start) {
		LocalDate end = date(event.getEndDate(false).map((d) -> (Temporal) d.getDate()).orElse(null));
		if (end != null) {
			return end;
		}
		var duration = event.<net.fortuna.ical4j.model.property.Duration>getProperty("DURATION")
			.map(net.fortuna.ical4j.model.property.Duration::getDuration)
			.orElse(null);
		if (duration instanceof java.time.Period period) {
			return start.plus(period);
		}
		if (duration instanceof java.time.Duration time && time.toHours() >= 24) {
			return start.plusDays(time.toDays());
		}
		return start.plusDays(1);
	}

	private static LocalDate date(Temporal temporal) {
		if (temporal == null) {
			return null;
		}
		if (temporal instanceof LocalDate date) {
			return date;
		}
		return LocalDate.from(temporal);
	}

	private static String truncate(String name) {
		String trimmed = name.trim();
		return (trimmed.length() > 120) ? trimmed.substring(0, 120) : trimmed;
	}

	private CalendarEntity load(long id) {
		return this.calendars.findById(id).orElseThrow(() -> new NotFoundException("calendar", id));
	}

	private void check(CalendarCommand command, Long id) {
		List<FieldError> errors = new ArrayList<>();
		if (command.name() == null || command.name().isBlank()) {
			errors.add(new FieldError("name", "calendar.name.required"));
		}
		else if (TextRules.line(errors, "name", command.name().trim(), 120, "calendar.name.tooLong")
				&& this.calendars.nameTaken(command.name().trim(), id)) {
			errors.add(new FieldError("name", "calendar.name.taken"));
		}
		try {
			if (command.timeZone() == null) {
				throw new DateTimeException("none");
			}
			ZoneId.of(command.timeZone());
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("timeZone", "calendar.timeZone.invalid"));
		}
		if (command.hours() == null || command.hours().isEmpty()) {
			errors.add(new FieldError("hours", "calendar.hours.required"));
		}
		else {
			try {
				new BusinessCalendar(ZoneId.of("UTC"), command.hours(), List.of());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("hours", "calendar.hours.overlap"));
			}
		}
		if (command.holidays() != null) {
			checkHolidays(command.holidays(), errors);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static void checkHolidays(List<Holiday> holidays, List<FieldError> errors) {
		Set<LocalDate> dates = new HashSet<>();
		for (Holiday holiday : holidays) {
			if (holiday == null || holiday.date() == null) {
				errors.add(new FieldError("holidays", "calendar.holiday.date"));
				return;
			}
			if (holiday.name() == null || holiday.name().isBlank() || !TextRules.isLine(holiday.name().trim(), 120)) {
				errors.add(new FieldError("holidays", "calendar.holiday.name"));
				return;
			}
			if (!dates.add(holiday.date())) {
				errors.add(new FieldError("holidays", "calendar.holiday.twice"));
				return;
			}
		}
	}

	private static List<CalendarEntity.Hours> hours(List<OpeningHours> hours) {
		return hours.stream().sorted().map((h) -> new CalendarEntity.Hours(h.day(), h.start(), h.end())).toList();
	}

	private static List<CalendarEntity.Day> days(List<Holiday> holidays) {
		if (holidays == null) {
			return List.of();
		}
		return holidays.stream()
			.sorted(Comparator.comparing(Holiday::date))
			.map((h) -> new CalendarEntity.Day(h.date(), h.name().trim()))
			.toList();
	}

	static CalendarView view(CalendarEntity calendar) {
		return new CalendarView(calendar.getId(), calendar.getName(), calendar.getTimeZone(),
				calendar.getHours()
					.stream()
					.map((h) -> new OpeningHours(h.getDay(), h.getStart(), h.getEnd()))
					.sorted()
					.toList(),
				calendar.getHolidays()
					.stream()
					.map((d) -> new Holiday(d.getDate(), d.getName()))
					.sorted(Comparator.comparing(Holiday::date))
					.toList(),
				calendar.getVersion());
	}

	private static String describe(CalendarView calendar) {
		return describe(new CalendarCommand(calendar.name(), calendar.timeZone(), calendar.hours(), null));
	}

	private static String describe(CalendarCommand command) {
		StringBuilder text = new StringBuilder("name=").append(command.name())
			.append(", zone=")
			.append(command.timeZone())
			.append(", hours=");
		List<OpeningHours> hours = (command.hours() != null) ? command.hours() : List.of();
		for (DayOfWeek day : DayOfWeek.values()) {
			String open = OpeningHoursText.formatDay(hours, day);
			if (!open.isEmpty()) {
				text.append(day.name(), 0, 3).append(' ').append(open).append("; ");
			}
		}
		return text.toString();
	}

}
