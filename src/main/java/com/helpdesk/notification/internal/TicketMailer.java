package com.helpdesk.notification.internal;

import java.util.Locale;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.ticket.TicketEvents.PendingReminderDue;
import com.helpdesk.ticket.TicketEvents.PublicReplyAdded;
import com.helpdesk.ticket.TicketEvents.StatusChanged;
import com.helpdesk.ticket.TicketEvents.TicketCreated;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketSummary;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Decides who is told of what, and writes the mails to the outbox in the same transaction
 * as the ticket change. Internal notes never reach a requester: only public comments are
 * ever quoted.
 */
@Component
class TicketMailer {

	private final MailOutbox outbox;

	private final Directory directory;

	private final TicketQueries tickets;

	private final MessageSource messages;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String baseUrl;

	private final Receipts receipts;

	TicketMailer(MailOutbox outbox, Directory directory, TicketQueries tickets, MessageSource messages,
			ObjectProvider<JavaMailSender> mailSender, @Value("${helpdesk.base-url}") String baseUrl,
			Receipts receipts) {
		this.receipts = receipts;
		this.outbox = outbox;
		this.directory = directory;
		this.tickets = tickets;
		this.messages = messages;
		this.mailSender = mailSender;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Written just before the change commits, once every module has acted on the new
	 * ticket, so the receipt knows whether someone on call was paged.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(TicketCreated event) {
		if (mailOff()) {
			return;
		}
		TicketSummary ticket = this.tickets.summary(event.ticketId());
		Person requester = this.directory.person(ticket.requesterId());
		send(requester, "mail.created.subject", "mail.created.body", ticket, requester.name(),
				this.receipts.text(ticket.id(), requester.zone()));
		if (event.groupId() != null) {
			String group = this.directory.group(event.groupId()).name();
			for (Person member : this.directory.groupMembers(event.groupId())) {
				send(member, "mail.newTicket.subject", "mail.newTicket.body", ticket, member.name(), group,
						requester.name());
			}
		}
	}

	@EventListener
	void on(PublicReplyAdded event) {
		if (mailOff()) {
			return;
		}
		TicketSummary ticket = this.tickets.summary(event.ticketId());
		if (event.byStaff()) {
			Person requester = this.directory.person(ticket.requesterId());
			String author = (event.authorId() != null) ? this.directory.person(event.authorId()).name() : "Helpdesk";
			String status = this.messages.getMessage("requester.status." + event.statusAfter(), null, Locale.UK);
			send(requester, "mail.reply.subject", "mail.reply.body", ticket, requester.name(), author, event.body(),
					status);
		}
		else if (ticket.assigneeId() != null) {
			Person assignee = this.directory.person(ticket.assigneeId());
			String author = this.directory.person(event.authorId()).name();
			send(assignee, "mail.requesterReply.subject", "mail.requesterReply.body", ticket, assignee.name(), author,
					event.body());
		}
	}

	@EventListener
	void on(StatusChanged event) {
		if (mailOff()) {
			return;
		}
		TicketSummary ticket = this.tickets.summary(event.ticketId());
		if (event.actorId() != null && event.actorId() == ticket.requesterId()) {
			return;
		}
		Person requester = this.directory.person(ticket.requesterId());
		if (event.automatic()) {
			send(requester, "mail.autoSolved.subject", "mail.autoSolved.body", ticket, requester.name());
		}
		else {
			String status = this.messages.getMessage("requester.status." + event.to(), null, Locale.UK);
			send(requester, "mail.status.subject", "mail.status.body", ticket, requester.name(), status);
		}
	}

	@EventListener
	void on(PendingReminderDue event) {
		if (mailOff()) {
			return;
		}
		TicketSummary ticket = this.tickets.summary(event.ticketId());
		Person requester = this.directory.person(ticket.requesterId());
		send(requester, "mail.reminder.subject", "mail.reminder.body", ticket, requester.name());
	}

	private boolean mailOff() {
		return this.mailSender.getIfAvailable() == null;
	}

	/**
	 * Arguments of every message: {0} ticket number, {1} subject, {2} link, then the
	 * rest.
	 */
	private void send(Person to, String subjectKey, String bodyKey, TicketSummary ticket, Object... rest) {
		String link = this.baseUrl + (to.isRequester() ? "/requests/" : "/tickets/") + ticket.id();
		Object[] args = new Object[3 + rest.length];
		args[0] = String.valueOf(ticket.id());
		args[1] = ticket.subject();
		args[2] = link;
		System.arraycopy(rest, 0, args, 3, rest.length);
		this.outbox.enqueue(to.email(), this.messages.getMessage(subjectKey, args, Locale.UK),
				this.messages.getMessage(bodyKey, args, Locale.UK));
	}

}
