package com.helpdesk.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.helpdesk.rota.OnCallRouting;
import com.helpdesk.sla.SlaService;
import com.helpdesk.ticket.RequestReceipt;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipt a requester gets, in the mail and on the page after raising a request. It
 * tells the truth: the on-call engineer was paged only if on-call routing really paged
 * someone, and the first reply is expected when the ticket's own service level has it
 * due, or at no set time where none applies.
 */
@Component
class Receipts implements RequestReceipt {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private final SlaService sla;

	private final OnCallRouting onCall;

	private final MessageSource messages;

	private final Clock clock;

	Receipts(SlaService sla, OnCallRouting onCall, MessageSource messages, Clock clock) {
		this.sla = sla;
		this.onCall = onCall;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public String text(long ticketId, ZoneId zone) {
		Instant due = this.sla.firstReplyDue(List.of(ticketId)).get(ticketId);
		boolean late = due != null && !due.isAfter(this.clock.instant());
		boolean paged = this.onCall.pages(ticketId).stream().anyMatch((page) -> page.level() == 0);
		if (paged) {
			return (due != null && !late) ? text("receipt.paged", when(due, zone)) : text("receipt.paged.noTarget");
		}
		if (due == null) {
			return text("receipt.noTarget");
		}
		return text(late ? "receipt.firstReply.late" : "receipt.firstReply", when(due, zone));
	}

	/** "12:00 GMT on Tuesday 24 November 2026" */
	private String when(Instant instant, ZoneId zone) {
		ZonedDateTime local = instant.atZone(zone);
		return text("receipt.when", TIME.format(local) + " " + ZONE.format(local), DAY.format(local));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
