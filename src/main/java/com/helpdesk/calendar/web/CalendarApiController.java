package com.helpdesk.calendar.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.CalendarView;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.Holiday;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.calendar.OpeningHoursText;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendars as configuration (ADMIN): so a team can keep its set-up as code.
 */
@RestController
@RequestMapping(path = "/api/v1/calendars", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Configuration")
class CalendarApiController {

	private final Calendars calendars;

	CalendarApiController(Calendars calendars) {
		this.calendars = calendars;
	}

	record Hours(@Schema(requiredMode = RequiredMode.REQUIRED) DayOfWeek day,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "10:00") String start,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "18:00",
					description = "`24:00` for the end of the day") String end) {
	}

	record Day(@Schema(requiredMode = RequiredMode.REQUIRED) LocalDate date,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name) {
	}

	record CalendarBody(@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "Europe/London") String timeZone,
			@Schema(description = "Opening hours; a day absent is closed") List<Hours> hours, List<Day> holidays) {
	}

	record CalendarResource(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) String timeZone,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<Hours> hours,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<Day> holidays,
			@Schema(requiredMode = RequiredMode.REQUIRED) long version) {

		static CalendarResource of(CalendarView view) {
			return new CalendarResource(view.id(), view.name(), view.timeZone(), view.hours().stream().map((h) -> {
				String[] times = OpeningHoursText.format(List.of(h)).get(0).split("-");
				return new Hours(h.day(), times[0], times[1]);
			}).toList(), view.holidays().stream().map((d) -> new Day(d.date(), d.name())).toList(), view.version());
		}

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Created",
			headers = @Header(name = "Location", description = "The new calendar's address, `/api/v1/calendars/{id}`",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@Operation(operationId = "createCalendar", summary = "Create a business calendar",
			description = "A day absent from `hours` is closed; holidays are closed all day. Times are `HH:mm`, "
					+ "`24:00` for the end of the day.")
	ResponseEntity<CalendarResource> create(@AuthenticationPrincipal HelpdeskUser user,
			@RequestBody CalendarBody body) {
		long id = this.calendars.create(command(body), user.id());
		return ResponseEntity.created(URI.create("/api/v1/calendars/" + id))
			.body(CalendarResource.of(this.calendars.get(id)));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getCalendar", summary = "A business calendar")
	@ApiResponse(responseCode = "200", description = "Found")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	CalendarResource get(@PathVariable long id) {
		return CalendarResource.of(this.calendars.get(id));
	}

	@GetMapping
	@Operation(operationId = "listCalendars", summary = "All business calendars")
	@ApiResponse(responseCode = "200", description = "All of them")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	List<CalendarResource> list() {
		return this.calendars.list().stream().map(CalendarResource::of).toList();
	}

	private static CalendarCommand command(CalendarBody body) {
		List<OpeningHours> hours = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		if (body.hours() != null) {
			for (Hours interval : body.hours()) {
				try {
					if (interval == null || interval.day() == null) {
						throw new IllegalArgumentException("no day");
					}
					hours.addAll(OpeningHoursText.parse(interval.day(), interval.start() + "-" + interval.end()));
				}
				catch (IllegalArgumentException ex) {
					errors.add(new FieldError("hours", "calendar.hours.unreadable"));
					break;
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<Holiday> holidays = (body.holidays() != null)
				? body.holidays().stream().map((d) -> (d != null) ? new Holiday(d.date(), d.name()) : null).toList()
				: List.of();
		return new CalendarCommand(body.name(), body.timeZone(), hours, holidays);
	}

}
