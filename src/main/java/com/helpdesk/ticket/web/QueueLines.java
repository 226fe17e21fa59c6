package com.helpdesk.ticket.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.sla.SlaSummary;
import com.helpdesk.ticket.TicketRow;
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

	QueueLines(MessageSource messages, TimeDisplay when, TicketTags tags) {
		this.messages = messages;
		this.when = when;
		this.tags = tags;
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
	 * The SLA tag: breached in red, otherwise when the next target is due, orange once it
	 * is at risk; none when no clock runs.
	 */
	private QueueLine.Due due(SlaSummary sla, Instant now, Locale locale) {
		if (sla == null) {
			return null;
		}
		if (sla.breached()) {
			return new QueueLine.Due(message("queue.sla.breached", locale), "govuk-tag govuk-tag--red app-due", null);
		}
		if (sla.nextDueAt() == null) {
			return null;
		}
		String colour = sla.atRisk(now) ? "govuk-tag--orange" : "govuk-tag--light-blue";
		return new QueueLine.Due(
				this.messages.getMessage("queue.sla.due", new Object[] { this.when.shortAt(sla.nextDueAt()) }, locale),
				"govuk-tag app-due " + colour, this.when.at(sla.nextDueAt()));
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

}
