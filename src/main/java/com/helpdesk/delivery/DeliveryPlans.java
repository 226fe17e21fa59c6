package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.helpdesk.delivery.internal.RequestStore;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.ticket.TicketBrief;
import com.helpdesk.ticket.TicketQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What delivery managers read: their intake, a team's plan board, and the weeks a request
 * could go into.
 */
@Service
@Transactional(readOnly = true)
public class DeliveryPlans {

	/** Weeks or sprints shown on the board and offered when scheduling. */
	public static final int PERIODS_SHOWN = 6;

	private static final int INTAKE_LIMIT = 200;

	private final RequestStore store;

	private final DeliveryTeams teams;

	private final TicketQueries tickets;

	private final Directory directory;

	private final PeriodNames names;

	DeliveryPlans(RequestStore store, DeliveryTeams teams, TicketQueries tickets, Directory directory,
			PeriodNames names) {
		this.store = store;
		this.teams = teams;
		this.tickets = tickets;
		this.directory = directory;
		this.names = names;
	}

	/**
	 * Requests waiting to be scoped and decided on, oldest first: one manager's, or
	 * everyone's when {@code deliveryManagerId} is {@code null}.
	 */
	public List<WorkItem> intake(Long deliveryManagerId) {
		return items(this.store.intake(deliveryManagerId, INTAKE_LIMIT));
	}

	/**
	 * The board from the period {@code from} falls in (today when {@code null}).
	 */
	public PlanBoard board(long teamId, LocalDate from) {
		DeliveryTeam team = this.teams.get(teamId);
		LocalDate today = this.teams.today(team);
		Cadence cadence = team.cadence();
		List<PlanningPeriod> periods = cadence.periods((from != null) ? from : today, PERIODS_SHOWN);
		List<PeriodCapacity> capacity = this.teams.capacity(team, periods);
		List<WorkItem> planned = items(
				this.store.planned(team.id(), periods.get(0).start(), periods.get(periods.size() - 1).end()));
		List<PlanColumn> columns = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			PlanningPeriod period = periods.get(i);
			List<WorkItem> items = planned.stream()
				.filter((item) -> item.request().periodStart().equals(period.start()))
				.toList();
			BigDecimal used = DeliveryRequest.daysPlanned(items.stream().map(WorkItem::request).toList(),
					period.start(), -1);
			columns.add(new PlanColumn(period, this.names.title(cadence, period), this.names.shortName(period),
					period.contains(today), capacity.get(i), used, capacity.get(i).plannableDays().subtract(used),
					items));
		}
		List<WorkItem> overdue = items(this.store.overdue(team.id(), cadence.periodOf(today).start()));
		LocalDate previous = periods.get(0).start().minusWeeks((long) cadence.weeks() * PERIODS_SHOWN);
		return new PlanBoard(team, columns, overdue, previous, periods.get(periods.size() - 1).end());
	}

	/**
	 * The weeks or sprints a request could be planned into, from the current one on, with
	 * their free days.
	 */
	public List<PeriodOption> options(DeliveryRequest request) {
		DeliveryTeam team = this.teams.get(request.teamId());
		Cadence cadence = team.cadence();
		List<PlanningPeriod> periods = cadence.periods(this.teams.today(team), PERIODS_SHOWN);
		List<PeriodCapacity> capacity = this.teams.capacity(team, periods);
		List<DeliveryRequest> planned = this.store.planned(team.id(), periods.get(0).start(),
				periods.get(periods.size() - 1).end());
		List<PeriodOption> options = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			PlanningPeriod period = periods.get(i);
			BigDecimal used = DeliveryRequest.daysPlanned(planned, period.start(), request.id());
			BigDecimal plannable = capacity.get(i).plannableDays();
			options
				.add(new PeriodOption(period, this.names.title(cadence, period), plannable, plannable.subtract(used)));
		}
		return options;
	}

	List<WorkItem> items(List<DeliveryRequest> requests) {
		if (requests.isEmpty()) {
			return List.of();
		}
		Map<Long, TicketBrief> briefs = this.tickets.briefs(requests.stream().map(DeliveryRequest::ticketId).toList())
			.stream()
			.collect(Collectors.toMap(TicketBrief::id, Function.identity()));
		Set<Long> managers = new HashSet<>();
		requests.forEach((r) -> managers.add(r.deliveryManagerId()));
		Map<Long, Person> people = this.directory.peopleById(managers);
		return requests.stream()
			.filter((r) -> briefs.containsKey(r.ticketId()))
			.map((r) -> new WorkItem(r, briefs.get(r.ticketId()),
					people.containsKey(r.deliveryManagerId()) ? people.get(r.deliveryManagerId()).name() : null))
			.toList();
	}

}
