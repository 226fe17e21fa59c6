package com.helpdesk.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.notification.Inbox;
import com.helpdesk.ticket.TicketEvents.TicketRouted;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketSummary;
import java.time.Duration;
import com.helpdesk.rota.OnCallPaged;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaPosition;
import com.helpdesk.rota.Rotas;
import com.helpdesk.rota.ShiftSwapChanged;
import com.helpdesk.rota.ShiftSwaps;
import com.helpdesk.rota.SwapView;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells the people a shift swap concerns what happened to it, in the app and by mail, in
 * the transaction of the change: the colleague asked (or everyone on the position, for an
 * open offer), the one who asked, and the managers who approve.
 */
@Component
class RotaNotices {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm zzz", Locale.UK);

	private final Inbox inbox;

	private final MailOutbox outbox;

	private final Directory directory;

	private final ShiftSwaps swaps;

	private final Rotas rotas;

	private final MessageSource messages;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String baseUrl;

	private final TicketQueries tickets;

	private final Duration acknowledgeWithin;

	RotaNotices(Inbox inbox, MailOutbox outbox, Directory directory, ShiftSwaps swaps, Rotas rotas,
			TicketQueries tickets, MessageSource messages, ObjectProvider<JavaMailSender> mailSender,
			@Value("${helpdesk.base-url}") String baseUrl,
			@Value("${helpdesk.oncall.acknowledge-within:PT15M}") Duration acknowledgeWithin) {
		this.tickets = tickets;
		this.acknowledgeWithin = acknowledgeWithin;
		this.inbox = inbox;
		this.outbox = outbox;
		this.directory = directory;
		this.swaps = swaps;
		this.rotas = rotas;
		this.messages = messages;
		this.mailSender = mailSender;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@EventListener
	void on(ShiftSwapChanged event) {
		SwapView swap = this.swaps.view(event.swapId());
		switch (event.status()) {
			case REQUESTED -> {
				if (swap.colleagueId() != null) {
					tell(swap.colleagueId(), swap, "REQUESTED");
				}
				else {
					for (long member : positionMembers(swap)) {
						if (member != swap.requesterId()) {
							tell(member, swap, "OFFERED");
						}
					}
				}
			}
			case AWAITING_APPROVAL -> {
				tell(swap.requesterId(), swap, "AWAITING_APPROVAL");
				for (Person manager : this.directory.staff()) {
					if (manager.role() == Role.MANAGER) {
						tell(manager.id(), swap, "APPROVE");
					}
				}
			}
			case DONE -> {
				tell(swap.requesterId(), swap, "DONE");
				tell(swap.receiverId(), swap, "DONE");
			}
			case DECLINED -> tell(swap.requesterId(), swap, "DECLINED");
			case REFUSED -> {
				tell(swap.requesterId(), swap, "REFUSED");
				if (swap.receiverId() != null) {
					tell(swap.receiverId(), swap, "REFUSED");
				}
			}
			case CANCELLED -> {
				if (swap.colleagueId() != null) {
					tell(swap.colleagueId(), swap, "CANCELLED");
				}
			}
		}
	}

	@EventListener
	void on(OnCallPaged paged) {
		TicketSummary ticket = this.tickets.summary(paged.ticketId());
		Person person = this.directory.person(paged.personId());
		String link = this.baseUrl + "/tickets/" + ticket.id();
		Object[] args = { String.valueOf(ticket.id()), ticket.subject(), link, this.acknowledgeWithin.toMinutes() };
		String text = this.messages.getMessage("inbox.rota.paged." + paged.level(), args, Locale.UK);
		this.inbox.add(person.id(), ticket.id(), "ONCALL_PAGE", text);
		if (this.mailSender.getIfAvailable() != null) {
			this.outbox.enqueue(person.email(), this.messages.getMessage("mail.rota.paged.subject", args, Locale.UK),
					text + "\n\n" + link + "\n");
		}
	}

	@EventListener
	void on(TicketRouted routed) {
		if (routed.reason() != null && routed.reason().startsWith("Out of hours")) {
			// the page says it, more loudly
			return;
		}
		TicketSummary ticket = this.tickets.summary(routed.ticketId());
		this.inbox.add(routed.assigneeId(), ticket.id(), "TICKET_ROUTED", this.messages.getMessage("inbox.rota.routed",
				new Object[] { String.valueOf(ticket.id()), ticket.subject(), routed.reason() }, Locale.UK));
	}

	private Set<Long> positionMembers(SwapView swap) {
		Set<Long> members = new LinkedHashSet<>();
		Rota rota = this.rotas.get(swap.rotaId());
		RotaPosition position = rota.position(swap.positionId()).orElseThrow();
		position.rosters().forEach((r) -> members.addAll(r.memberIds()));
		return members;
	}

	private void tell(long personId, SwapView swap, String what) {
		Person person = this.directory.person(personId);
		String inReturn = swap.isReturned() && "REQUESTED".equals(what) ? this.messages.getMessage(
				"inbox.rota.swap.inReturn", new Object[] { when(swap.colleagueStart(), person) }, Locale.UK) : "";
		String other = (swap.receiverId() != null) ? this.directory.person(swap.receiverId()).name() : "";
		Object[] args = { swap.requesterName(), swap.rotaName() + " (" + swap.positionName() + ")",
				when(swap.requesterStart(), person),
				"DONE".equals(what) || "DECLINED".equals(what) ? other : inReturn };
		String text = this.messages.getMessage("inbox.rota.swap." + what, args, Locale.UK);
		this.inbox.add(personId, null, "ROTA_SWAP", text);
		if (this.mailSender.getIfAvailable() != null) {
			this.outbox.enqueue(person.email(),
					this.messages.getMessage("mail.rota.swap.subject", new Object[] { swap.rotaName() }, Locale.UK),
					text + "\n\n" + this.baseUrl + "/rotas/mine\n");
		}
	}

	private static String when(Instant instant, Person person) {
		return WHEN.format(instant.atZone(person.zone()));
	}

}
