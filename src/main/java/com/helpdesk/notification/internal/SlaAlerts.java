package com.helpdesk.notification.internal;

import java.util.List;
import java.util.Locale;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.notification.Inbox;
import com.helpdesk.sla.SlaNotices.SlaAtRisk;
import com.helpdesk.sla.SlaNotices.SlaBreached;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketSummary;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells whoever holds a ticket that one of its clocks breached or is at risk: the
 * assignee, or if there is none every member of the ticket's group; in the app and by
 * mail. The sweep gives each notice once, in the transaction that records it.
 */
@Component
class SlaAlerts {

	private final Inbox inbox;

	private final MailOutbox outbox;

	private final Directory directory;

	private final TicketQueries tickets;

	private final MessageSource messages;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String baseUrl;

	SlaAlerts(Inbox inbox, MailOutbox outbox, Directory directory, TicketQueries tickets, MessageSource messages,
			ObjectProvider<JavaMailSender> mailSender, @Value("${helpdesk.base-url}") String baseUrl) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.directory = directory;
		this.tickets = tickets;
		this.messages = messages;
		this.mailSender = mailSender;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@EventListener
	void on(SlaBreached event) {
		tell("SLA_BREACHED", "notice.breached", event.ticketId(), event.metric().name(), event.assigneeId(),
				event.groupId());
	}

	@EventListener
	void on(SlaAtRisk event) {
		tell("SLA_AT_RISK", "notice.atRisk", event.ticketId(), event.metric().name(), event.assigneeId(),
				event.groupId());
	}

	private void tell(String kind, String key, long ticketId, String metric, Long assigneeId, Long groupId) {
		TicketSummary ticket = this.tickets.summary(ticketId);
		String metricName = this.messages.getMessage("sla.metric." + metric, null, Locale.UK);
		Object[] args = { String.valueOf(ticketId), ticket.subject(), this.baseUrl + "/tickets/" + ticketId,
				metricName };
		String text = this.messages.getMessage(key + ".text", args, Locale.UK);
		for (Person person : holders(assigneeId, groupId)) {
			this.inbox.add(person.id(), ticketId, kind, text);
			if (this.mailSender.getIfAvailable() != null) {
				this.outbox.enqueue(person.email(), this.messages.getMessage(key + ".subject", args, Locale.UK),
						this.messages.getMessage(key + ".body", args, Locale.UK));
			}
		}
	}

	private List<Person> holders(Long assigneeId, Long groupId) {
		if (assigneeId != null) {
			return this.directory.findPerson(assigneeId).map(List::of).orElse(List.of());
		}
		return (groupId != null) ? this.directory.groupMembers(groupId) : List.of();
	}

}
