package com.helpdesk.ticket.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.sla.SlaSummary;
import com.helpdesk.ticket.TicketRow;
import com.helpdesk.web.DurationDisplay;
import com.helpdesk.web.TimeDisplay;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Works out what each row of the queue shows (labels, tag colours, the SLA tag, times)
 * before the page is rendered, so the template only reads fields. Every expression in a
 * template is an evaluation with Thymeleaf's member checks, and a row that computed its
 * tags through fragments, messages and time formats cost more than half of a queue page's
 * time on a million tickets (docs/benchmarks.md).
 */
@Component
class QueueLines {

	private final MessageSource messages;

	private final TimeDisplay when;

	private final TicketTags tags;

	private final DurationDisplay durations;

	QueueLines(MessageSource messages, TimeDisplay when, TicketTags tags, DurationDisplay durations) {
		this.messages = messages;
		this.when = when;
		this.tags = tags;
		this.durations = durations;
	}

	/**
	 * The rows as shown, with the time they were raised ({@code byCreation}, the New
	 * view) or last updated.
	 */
	List<QueueLine> of(List<TicketRow> rows, Map<Long, SlaSummary> slas, boolean byCreation, Instant now) {
		Locale locale = LocaleContextHolder.getLocale();
		List<QueueLine> lines = new ArrayList<>(rows.size());
		for (TicketRow row : rows) {
			String meta = "#" + row.id() + " · " + message("type." + row.type().name(), locale)
					+ ((row.groupName() != null) ? " · " + row.groupName() : "");
			Instant at = byCreation ? row.createdAt() : row.updatedAt();
			lines.add(new QueueLine(row.id(), row.subject(), meta, row.requesterName(), row.clientName(),
					message("status." + row.status().name(), locale), this.tags.status(row.status()),
					message("priority." + row.priority().name(), locale), this.tags.priority(row.priority()),
					due(slas.get(row.id()), now, locale),
					(row.assigneeName() != null) ? row.assigneeName() : message("queue.unassigned", locale),
					this.when.iso(at), this.when.shortAt(at), this.when.at(at)));
		}
		return lines;
	}

	/**
	 * The SLA tag: a breach names its metric and how late it is (white on black, unlike
	 * any status or priority); otherwise when the next target is due, yellow and saying
	 * so once it is at risk; none when no clock runs.
	 */
	private QueueLine.Due due(SlaSummary sla, Instant now, Locale locale) {
		if (sla == null) {
			return null;
		}
		if (sla.breached()) {
			if (sla.breachedMetric() == null) {
				return new QueueLine.Due(message("queue.sla.breached", locale), this.tags.breached() + " app-due",
						null);
			}
			String label = this.messages.getMessage("queue.sla.late", new Object[] {
					message("sla.metric." + sla.breachedMetric().name(), locale), this.durations.of(sla.late(now)) },
					locale);
			return new QueueLine.Due(label, this.tags.breached() + " app-due", this.messages
				.getMessage("queue.sla.late.title", new Object[] { this.when.at(sla.breachedAt()) }, locale));
		}
		if (sla.nextDueAt() == null) {
			return null;
		}
		boolean atRisk = sla.atRisk(now);
		String label = this.messages.getMessage(atRisk ? "queue.sla.dueAtRisk" : "queue.sla.due",
				new Object[] { this.when.shortAt(sla.nextDueAt()) }, locale);
		return new QueueLine.Due(label, (atRisk ? this.tags.atRisk() : this.tags.running()) + " app-due",
				this.when.at(sla.nextDueAt()));
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

}
