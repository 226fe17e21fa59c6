package com.helpdesk.rota.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.OnCallRouting;
import com.helpdesk.rota.OnDuty;
import com.helpdesk.rota.OnCallRouting.Page;
import com.helpdesk.rota.Rotas;
import com.helpdesk.ticket.TicketPagePanel;
import com.helpdesk.ticket.TicketView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the agent's ticket page: who was paged for the ticket out of hours, with "I'm on it"
 * and the time spent, at the top where someone paged sees it first; and who is on
 * first-line support and on call now, beside the ticket.
 */
@Component
@Order(10)
class EscalationTicketPanel implements TicketPagePanel {

	static final String PAGED = "paged";

	static final String ON_DUTY = "escalate-to";

	private final Rotas rotas;

	private final OnCallRouting routing;

	private final Duration acknowledgeWithin;

	EscalationTicketPanel(Rotas rotas, OnCallRouting routing,
			@Value("${helpdesk.oncall.acknowledge-within:PT15M}") Duration acknowledgeWithin) {
		this.rotas = rotas;
		this.routing = routing;
		this.acknowledgeWithin = acknowledgeWithin;
	}

	/**
	 * What the panels show; {@code minutes} and {@code minutesError} are time logged that
	 * came back with a problem.
	 */
	record Model(long ticketId, long myId, List<OnDuty> onDuty, List<Page> pages, boolean canAcknowledge,
			boolean canLogTime, Duration window, String minutes, String minutesError) {

		/** Whether a page is still waiting for someone to answer it. */
		public boolean waiting() {
			return this.pages.stream().anyMatch((p) -> p.acknowledgedAt() == null && p.escalatedAt() == null);
		}

	}

	@Override
	public List<Shown> show(Person viewer, TicketView ticket) {
		return shown(model(viewer, ticket.id(), null, null), Map.of());
	}

	/**
	 * The panels with the time that was typed and its problem.
	 */
	List<Shown> failed(Person viewer, long ticketId, String minutes, String minutesError) {
		return shown(model(viewer, ticketId, minutes, minutesError), Map.of("minutes", minutesError));
	}

	private static List<Shown> shown(Model model, Map<String, String> errors) {
		List<Shown> shown = new ArrayList<>();
		if (!model.pages().isEmpty()) {
			shown.add(new Shown(PAGED, Place.TOP, 10, "rotas/escalation", "paged", model, errors));
		}
		shown.add(new Shown(ON_DUTY, Place.SIDE, 10, "rotas/escalation", "panel", model));
		return shown;
	}

	Model model(Person viewer, long ticketId, String minutes, String minutesError) {
		List<Page> pages = this.routing.pages(ticketId);
		boolean canLogTime = pages.stream()
			.anyMatch((p) -> p.level() <= 1
					&& (p.personId() == viewer.id() || Long.valueOf(viewer.id()).equals(p.acknowledgedById())));
		// as OnCallRouting.mayAcknowledge says, from the pages already read
		boolean canAcknowledge = !pages.isEmpty() && (viewer.role() == Role.MANAGER || viewer.role() == Role.ADMIN
				|| pages.stream().anyMatch((p) -> p.personId() == viewer.id()));
		// the time this person logged already, to change it
		String logged = (minutes != null) ? minutes
				: pages.stream()
					.map((p) -> p.minutesOf(viewer.id()))
					.filter((m) -> m != null)
					.findFirst()
					.map(String::valueOf)
					.orElse(null);
		return new Model(ticketId, viewer.id(), this.rotas.now(), pages, canAcknowledge, canLogTime,
				this.acknowledgeWithin, logged, minutesError);
	}

}
