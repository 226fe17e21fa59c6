package com.helpdesk.sla.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.directory.Directory;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.DateInput;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaDashboard;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaReport;
import com.helpdesk.sla.SlaReport.Filter;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The manager's SLA dashboard: period and filters in the URL, so a view can be shared or
 * bookmarked; a CSV of exactly what is shown.
 */
@Controller
class DashboardController {

	private static final int MAX_DAYS = 366;

	private final SlaDashboard dashboard;

	private final Directory directory;

	private final MessageSource messages;

	private final JsonMapper json;

	DashboardController(SlaDashboard dashboard, Directory directory, MessageSource messages, JsonMapper json) {
		this.dashboard = dashboard;
		this.directory = directory;
		this.messages = messages;
		this.json = json;
	}

	/**
	 * The dashboard's query string, as typed: the period's dates in three boxes each, or
	 * as one parameter each ({@code from=2026-11-01}, as links and bookmarks have them).
	 */
	public record Params(String from, String to, String fromDay, String fromMonth, String fromYear, String toDay,
			String toMonth, String toYear, Long client, Long plan, Priority priority, Long group, String type) {

		DateInput fromInput() {
			return input(this.from, this.fromDay, this.fromMonth, this.fromYear);
		}

		DateInput toInput() {
			return input(this.to, this.toDay, this.toMonth, this.toYear);
		}

		private static DateInput input(String text, String day, String month, String year) {
			return (day == null && month == null && year == null) ? DateInput.ofText(text)
					: new DateInput(day, month, year);
		}

	}

	/**
	 * An error of the form: its message code (which says which date boxes to highlight)
	 * and its text.
	 */
	public record FieldProblem(String code, String message) {
	}

	@GetMapping("/dashboard/sla")
	String show(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("params") Params params, Model model,
			HttpServletResponse response) {
		Map<String, FieldProblem> errors = new LinkedHashMap<>();
		Filter filter = filter(user, params, errors);
		model.addAttribute("errors", errors);
		model.addAttribute("fromInput",
				(filter != null && errors.isEmpty()) ? DateInput.of(filter.from()) : params.fromInput());
		model.addAttribute("toInput",
				(filter != null && errors.isEmpty()) ? DateInput.of(filter.to()) : params.toInput());
		var choices = this.directory.choices();
		model.addAttribute("clients", choices.clients());
		model.addAttribute("plans", this.directory.plans());
		model.addAttribute("groups", choices.groups());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("types", TYPES);
		model.addAttribute("metrics", SlaMetric.values());
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("report", null);
			return "dashboard/sla";
		}
		SlaReport report = this.dashboard.report(filter, user.person().zone());
		model.addAttribute("report", report);
		model.addAttribute("listLimit", SlaDashboard.LIST_LIMIT);
		model.addAttribute("filter", filter);
		// JSON for the chart script; "</" is escaped so it cannot end the script element
		model.addAttribute("chartJson", this.json.writeValueAsString(chartData(report)).replace("</", "<\\/"));
		model.addAttribute("csvQuery", csvQuery(filter));
		return "dashboard/sla";
	}

	@GetMapping(path = "/dashboard/sla.csv")
	void csv(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("params") Params params,
			HttpServletResponse response) throws IOException {
		Map<String, FieldProblem> errors = new LinkedHashMap<>();
		Filter filter = filter(user, params, errors);
		if (!errors.isEmpty()) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		SlaReport report = this.dashboard.report(filter, user.person().zone());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"sla-" + filter.from() + "-to-" + filter.to() + ".csv\"");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		PrintWriter out = response.getWriter();
		new SlaCsv(this.messages, user.person().zone()).write(report, out);
		out.flush();
	}

	static final List<String> TYPES = List.of("BUG", "DEPLOYMENT", "DEVELOPMENT_SUPPORT", "QUESTION", "INCIDENT",
			"ACCESS");

	private Filter filter(HelpdeskUser user, Params params, Map<String, FieldProblem> errors) {
		Filter defaults = this.dashboard.defaultFilter(user.person().zone());
		LocalDate from = date(params.fromInput(), defaults.from(), "from", "dashboard.from.name", errors);
		LocalDate to = date(params.toInput(), defaults.to(), "to", "dashboard.to.name", errors);
		if (errors.isEmpty() && from.isAfter(to)) {
			errors.put("to", problem("dashboard.to.beforeFrom"));
		}
		else if (errors.isEmpty() && from.plusDays(MAX_DAYS - 1).isBefore(to)) {
			errors.put("to", problem("dashboard.range.tooLong"));
		}
		if (params.type() != null && !params.type().isBlank() && !TYPES.contains(params.type())) {
			errors.put("type", problem("errors.badValue"));
		}
		String type = (params.type() != null && !params.type().isBlank()) ? params.type() : null;
		return new Filter(from, to, params.client(), params.plan(), params.priority(), params.group(), type);
	}

	/**
	 * A date of the period; left out, the default one.
	 */
	private LocalDate date(DateInput input, LocalDate fallback, String field, String nameKey,
			Map<String, FieldProblem> errors) {
		if (input.isBlank()) {
			return fallback;
		}
		DateInput.Reading reading = input.read();
		if (!reading.isValid()) {
			String code = reading.problem().code();
			Object[] arguments = DateInput.arguments(this.messages.getMessage(nameKey, null, Locale.UK));
			errors.put(field, new FieldProblem(code, this.messages.getMessage(code, arguments, Locale.UK)));
			return fallback;
		}
		return reading.date();
	}

	private FieldProblem problem(String key) {
		return new FieldProblem(key, this.messages.getMessage(key, null, Locale.UK));
	}

	private static String csvQuery(Filter filter) {
		StringBuilder query = new StringBuilder("from=").append(filter.from()).append("&to=").append(filter.to());
		if (filter.clientId() != null) {
			query.append("&client=").append(filter.clientId());
		}
		if (filter.planId() != null) {
			query.append("&plan=").append(filter.planId());
		}
		if (filter.priority() != null) {
			query.append("&priority=").append(filter.priority());
		}
		if (filter.groupId() != null) {
			query.append("&group=").append(filter.groupId());
		}
		if (filter.type() != null) {
			query.append("&type=").append(filter.type());
		}
		return query.toString();
	}

	/**
	 * The trend as the chart script reads it (no script in the page itself).
	 */
	private Map<String, Object> chartData(SlaReport report) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", report.weeks().stream().map((w) -> w.start().toString()).toList());
		List<Map<String, Object>> series = new java.util.ArrayList<>();
		for (SlaMetric metric : SlaMetric.values()) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("label", this.messages.getMessage("sla.metric." + metric, null, Locale.UK));
			line.put("data", report.weeks().stream().map((w) -> w.of(metric).achievement()).toList());
			series.add(line);
		}
		chart.put("series", series);
		return chart;
	}

}
