package com.helpdesk.sla.web;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.helpdesk.shared.CsvWriter;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaReport;

import org.springframework.context.MessageSource;

/**
 * The dashboard as CSV, section by section as the page shows it, through the one CSV
 * writer every export uses.
 */
class SlaCsv {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final ZoneId zone;

	SlaCsv(MessageSource messages, ZoneId zone) {
		this.messages = messages;
		this.zone = zone;
	}

	void write(SlaReport report, PrintWriter writer) {
		CsvWriter out = new CsvWriter(writer);
		out.row("section", "week", "metric", "met", "breached", "achievement %", "ticket", "subject", "client",
				"breached at", "met at", "late minutes", "held by", "group", "due at");
		for (SlaReport.MetricTotal total : report.totals()) {
			out.row("period", report.filter().from() + " to " + report.filter().to(), metric(total.metric()),
					String.valueOf(total.met()), String.valueOf(total.breached()), percent(total.achievement()), "", "",
					"", "", "", "", "", "", "");
		}
		for (SlaReport.Week week : report.weeks()) {
			for (SlaReport.MetricTotal total : week.metrics()) {
				out.row("week", week.start().toString(), metric(total.metric()), String.valueOf(total.met()),
						String.valueOf(total.breached()), percent(total.achievement()), "", "", "", "", "", "", "", "",
						"");
			}
		}
		for (SlaReport.BreachRow breach : report.breaches()) {
			out.row("breach", "", metric(breach.metric()), "", "", "", String.valueOf(breach.ticketId()),
					breach.subject(), breach.client(), time(breach.breachedAt()), time(breach.fulfilledAt()),
					String.valueOf(breach.late().toMinutes()), orEmpty(breach.heldBy()), orEmpty(breach.group()), "");
		}
		for (SlaReport.RiskRow risk : report.atRisk()) {
			out.row("at risk", "", metric(risk.metric()), "", "", "", String.valueOf(risk.ticketId()), risk.subject(),
					risk.client(), "", "", "", orEmpty(risk.assignee()), orEmpty(risk.group()), time(risk.dueAt()));
		}
	}

	private String metric(SlaMetric metric) {
		return this.messages.getMessage("sla.metric." + metric, null, Locale.UK);
	}

	private static String percent(Double value) {
		return (value != null) ? String.format(Locale.UK, "%.1f", value) : "";
	}

	private String time(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "";
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

}
