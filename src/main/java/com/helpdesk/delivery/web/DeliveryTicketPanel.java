package com.helpdesk.delivery.web;

import java.util.List;
import java.util.Map;

import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.delivery.DeliveryState;
import com.helpdesk.delivery.DeliveryTeams;
import com.helpdesk.delivery.FeatureBacklog;
import com.helpdesk.delivery.FeatureRequest;
import com.helpdesk.delivery.PeriodNames;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.ticket.TicketPagePanel;
import com.helpdesk.ticket.TicketView;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "In-depth work" on the agent's ticket page: where the ticket stands in delivery
 * planning, or a form to send it there.
 */
@Component
@Order(30)
class DeliveryTicketPanel implements TicketPagePanel {

	static final String NAME = "delivery";

	private final DeliveryRequests requests;

	private final DeliveryTeams teams;

	private final Directory directory;

	private final PeriodNames names;

	private final FeatureBacklog backlog;

	DeliveryTicketPanel(DeliveryRequests requests, DeliveryTeams teams, Directory directory, PeriodNames names,
			FeatureBacklog backlog) {
		this.requests = requests;
		this.teams = teams;
		this.directory = directory;
		this.names = names;
		this.backlog = backlog;
	}

	/**
	 * What the panel shows; {@code reason} and {@code reasonError} are a sending that
	 * came back with a problem.
	 */
	record Model(TicketView ticket, DeliveryRequest request, String managerName, FeatureRequest feature,
			String periodName, String reason, String reasonError) {
	}

	@Override
	public List<Shown> show(Person viewer, TicketView ticket) {
		return List.of(shown(model(ticket, null, null)));
	}

	Shown failed(TicketView ticket, String reason, String reasonError) {
		return new Shown(NAME, Place.SIDE, 30, "delivery/panel", "panel", model(ticket, reason, reasonError),
				Map.of("delivery-reason", reasonError));
	}

	static Shown shown(Model model) {
		return new Shown(NAME, Place.SIDE, 30, "delivery/panel", "panel", model);
	}

	Model model(TicketView ticket, String reason, String reasonError) {
		DeliveryRequest request = this.requests.forTicket(ticket.id()).orElse(null);
		String managerName = null;
		FeatureRequest feature = null;
		String periodName = null;
		if (request != null) {
			managerName = this.directory.findPerson(request.deliveryManagerId()).map(Person::name).orElse(null);
			if (request.featureRequestId() != null) {
				feature = this.backlog.item(request.featureRequestId());
			}
			if (request.state() == DeliveryState.SCHEDULED) {
				periodName = this.names.planned(this.teams.get(request.teamId()), request.periodStart());
			}
		}
		return new Model(ticket, request, managerName, feature, periodName, reason, reasonError);
	}

}
