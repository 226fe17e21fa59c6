package com.helpdesk.delivery.internal;

import java.util.List;
import java.util.Locale;

import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.DeliveryState;
import com.helpdesk.delivery.DeliveryTeam;
import com.helpdesk.delivery.DeliveryTeams;
import com.helpdesk.delivery.PeriodNames;
import com.helpdesk.directory.Person;
import com.helpdesk.ticket.TicketFacts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a request's page where its in-depth work stands and which week or sprint it is
 * planned for, so the requester sees it beside the request.
 */
@Component
@Transactional(readOnly = true)
class DeliveryFacts implements TicketFacts {

	private final RequestStore store;

	private final FeatureStore features;

	private final DeliveryTeams teams;

	private final PeriodNames names;

	private final MessageSource messages;

	DeliveryFacts(RequestStore store, FeatureStore features, DeliveryTeams teams, PeriodNames names,
			MessageSource messages) {
		this.store = store;
		this.features = features;
		this.teams = teams;
		this.names = names;
		this.messages = messages;
	}

	@Override
	public List<Fact> about(long ticketId, Person viewer) {
		DeliveryRequest request = this.store.findByTicket(ticketId).orElse(null);
		if (request == null) {
			return List.of();
		}
		Fact state = new Fact("delivery-state", text("delivery.fact.state"),
				text("delivery.state." + request.state().name() + ".requester"));
		if (request.featureRequestId() != null) {
			return List.of(state, new Fact("feature-request", text("delivery.fact.feature"),
					this.features.find(request.featureRequestId()).map((f) -> f.title()).orElse("")));
		}
		if (request.state() != DeliveryState.SCHEDULED) {
			return List.of(state);
		}
		DeliveryTeam team = this.teams.get(request.teamId());
		return List.of(state, new Fact("planned-period", text("delivery.fact.planned"),
				this.names.title(team.cadence(), team.cadence().periodOf(request.periodStart()))));
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

}
