package com.helpdesk.sla.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.helpdesk.calendar.CalendarView;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.Holiday;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.shared.Priority;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Ticket history for the SLA tests, brought in as a team moving from another helpdesk
 * would: {@code POST /api/v1/imports/tickets} as the demo administrator, with times on
 * the working days of the demo calendar "UK support hours" (Mon–Fri 10:00–18:00
 * Europe/London) that the demo plans count. Also reads the dashboard's CSV.
 */
public final class SlaHistory {

	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public static final String ADMIN = "admin@helpdesk.test";

	public static final String DEMO_PASSWORD = "demo-pass-2026";

	/** The demo agent, author of the imported replies. */
	public static final String AGENT = "agent@helpdesk.test";

	public static final String SUPPORT_HOURS = "UK support hours";

	private final MockMvc mvc;

	private final ObjectMapper json;

	private final Set<DayOfWeek> openDays;

	private final Set<LocalDate> holidays;

	public SlaHistory(MockMvc mvc, ObjectMapper json, Calendars calendars) {
		this.mvc = mvc;
		this.json = json;
		CalendarView hours = calendars.list()
			.stream()
			.filter((c) -> c.name().equals(SUPPORT_HOURS))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the demo calendar " + SUPPORT_HOURS + " is missing"));
		assertThat(hours.hours()).as("the demo calendar opens 10:00-18:00")
			.allSatisfy((h) -> assertThat(h.start()).isEqualTo(LocalTime.of(10, 0)));
		this.openDays = hours.hours().stream().map(OpeningHours::day).collect(Collectors.toSet());
		this.holidays = hours.holidays().stream().map(Holiday::date).collect(Collectors.toSet());
	}

	public boolean isWorkingDay(LocalDate day) {
		return this.openDays.contains(day.getDayOfWeek()) && !this.holidays.contains(day);
	}

	public LocalDate workingDayOnOrBefore(LocalDate day) {
		LocalDate candidate = day;
		while (!isWorkingDay(candidate)) {
			candidate = candidate.minusDays(1);
		}
		return candidate;
	}

	public LocalDate nextWorkingDay(LocalDate day) {
		LocalDate candidate = day.plusDays(1);
		while (!isWorkingDay(candidate)) {
			candidate = candidate.plusDays(1);
		}
		return candidate;
	}

	/** A time of day in London, as the import API takes it. */
	public static OffsetDateTime at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(LONDON).toOffsetDateTime();
	}

	/**
	 * A question raised at {@code created}, answered by the demo agent at {@code replied}
	 * and solved at {@code solved}: its first reply is met or breached as the times say,
	 * its resolution met.
	 * @return the imported ticket as the API answers it
	 */
	public JsonNode answeredAndSolved(String requester, String subject, Priority priority, OffsetDateTime created,
			OffsetDateTime replied, OffsetDateTime solved) throws Exception {
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(Map.of("at", replied.toString(), "kind", "PUBLIC_REPLY", "author", AGENT, "body",
				"Thanks, we are on it."));
		events.add(Map.of("at", solved.toString(), "kind", "STATUS_CHANGE", "status", "SOLVED"));
		return importTicket(requester, subject, priority, created, events);
	}

	public JsonNode importTicket(String requester, String subject, Priority priority, OffsetDateTime created,
			List<Map<String, Object>> events) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "QUESTION");
		body.put("subject", subject);
		body.put("description", "Brought over from the old helpdesk: " + subject);
		body.put("alreadyTried", "Looked in the documentation");
		body.put("priority", priority.name());
		body.put("requester", requester);
		body.put("createdAt", created.toString());
		body.put("events", events);
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/imports/tickets").with(httpBasic(ADMIN, DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("import of %s: %s", subject, response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString());
	}

	/** The state of one clock of an imported ticket, e.g. FIRST_REPLY → BREACHED. */
	public static String state(JsonNode ticket, String metric) {
		return clock(ticket, metric).get("state").asString();
	}

	public static JsonNode clock(JsonNode ticket, String metric) {
		for (JsonNode sla : ticket.get("sla")) {
			if (sla.get("metric").asString().equals(metric)) {
				return sla;
			}
		}
		throw new AssertionError("ticket " + ticket.get("id") + " has no " + metric + " clock: " + ticket.get("sla"));
	}

	// --- the dashboard's CSV ---------------------------------------------------------

	/**
	 * The CSV's rows, cells unquoted (RFC 4180: quotes around cells with commas, quotes
	 * or line breaks; doubled quotes inside). The header is the first row.
	 */
	public static List<List<String>> parseCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i += 2;
					continue;
				}
				if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i += 2;
				continue;
			}
			else {
				cell.append(c);
			}
			i++;
		}
		if (!cell.isEmpty() || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	/**
	 * The CSV read as the dashboard's sections: each row as a map from the header's
	 * names.
	 */
	public static List<Map<String, String>> csvRecords(String text) {
		List<List<String>> rows = parseCsv(text);
		assertThat(rows).as("the CSV has a header").isNotEmpty();
		List<String> header = rows.get(0);
		List<Map<String, String>> records = new ArrayList<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			assertThat(row).as("every row has as many cells as the header: %s", row).hasSameSizeAs(header);
			Map<String, String> record = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				record.put(header.get(i), row.get(i));
			}
			records.add(record);
		}
		return records;
	}

	public static List<Map<String, String>> section(List<Map<String, String>> records, String section) {
		return records.stream().filter((r) -> r.get("section").equals(section)).toList();
	}

}
