package com.helpdesk.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.helpdesk.delivery.DeliveryTeams;
import com.helpdesk.delivery.TeamCommand;
import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.PlanSummary;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;

/**
 * A delivery team of its own for a test: a delivery manager, three engineers of whom one
 * is on first-line support each week (weeks from Wednesday, handover at 10:00 when the
 * calendar opens), a fifth kept for unplanned support, and a client whose named delivery
 * manager is the team's.
 */
public class DeliveryFixture {

	/** A Wednesday: weeks and the rota start here. */
	public static final LocalDate START = LocalDate.of(2027, 1, 6);

	private final DeliveryTeams teams;

	private final Rotas rotas;

	private final DirectoryAdmin admin;

	private final Directory directory;

	private final TestData data;

	private final RotaFixture rotaFixture;

	public DeliveryFixture(DeliveryTeams teams, Rotas rotas, DirectoryAdmin admin, Directory directory, TestData data,
			RotaFixture rotaFixture) {
		this.teams = teams;
		this.rotas = rotas;
		this.admin = admin;
		this.directory = directory;
		this.data = data;
		this.rotaFixture = rotaFixture;
	}

	public Team team() {
		Person dm = this.data.person(Role.DELIVERY_MANAGER, null);
		Person ann = this.data.agent();
		Person bea = this.data.agent();
		Person cal = this.data.agent();
		long calendar = this.rotaFixture.teamHours();
		long rota = this.rotas.create(new RotaCommand(TestData.unique("First line"), RotaTemplate.WEEKLY_PAIR,
				RotaDuty.FIRST_LINE, "Europe/London", START, LocalTime.of(10, 0), calendar, null, false, false,
				List.of(new PositionCommand("Support", 1, 1, 0, List.of(ann.id(), bea.id())))), null);
		long group = this.data.group(dm);
		long teamId = this.teams.create(new TeamCommand(TestData.unique("Team"), calendar, group, dm.id(), 20, 1, START,
				false, List.of(ann.id(), bea.id(), cal.id()), List.of(rota)), null);
		long plan = this.directory.plans().stream().findFirst().map(PlanSummary::id).orElseThrow();
		long client = this.admin.createClient(new ClientCommand(TestData.unique("Client"), plan, dm.id(), true), null);
		return new Team(teamId, group, calendar, rota, dm, ann, bea, cal, client, this.data.requester(client));
	}

	/**
	 * @param ann on first-line support in weeks 1, 3, 5... from {@link #START}
	 * @param bea on first-line support in weeks 2, 4, 6...
	 */
	public record Team(long id, long groupId, long calendarId, long rotaId, Person dm, Person ann, Person bea,
			Person cal, long clientId, Person requester) {
	}

}
