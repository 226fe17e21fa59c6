package com.helpdesk.sla;

import java.util.List;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.sla.SlaScenario.Clock;
import com.helpdesk.sla.SlaScenarioRunner.Lived;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA clocks lived through the real services on PostgreSQL: each scenario (see
 * {@link SlaScenarios}) raises a ticket, acts on it at set local times, and compares the
 * clocks at the check time with the ones worked out by hand, as {@link SlaService#clocks}
 * tells them and as {@code sla_metric} stores them after a recompute at that time.
 */
@IntegrationTest
class SlaScenariosTest {

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	SlaService sla;

	@Autowired
	SlaPolicies policies;

	@Autowired
	Calendars calendars;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	Directory directory;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	SlaScenarioRunner runner;

	@BeforeEach
	void runner() {
		this.runner = new SlaScenarioRunner(this.tickets, this.queries, this.sla,
				new SlaFixture(this.calendars, this.policies, this.admin, this.directory), this.data, this.clock,
				this.jdbc);
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	static List<SlaScenario> scenarios() {
		return SlaScenarios.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void clocksAreAsWorkedOutByHand(SlaScenario scenario) {
		Lived lived = this.runner.live(scenario);
		this.clock.set(scenario.checkAt);
		List<Clock> expected = scenario.expectedClocks();
		assertThat(this.runner.clocks(lived.ticketId(), scenario)).as("clocks of %s", scenario.steps)
			.containsExactlyElementsOf(expected);
		this.sla.recompute(lived.ticketId());
		assertThat(this.runner.stored(lived.ticketId(), scenario)).as("sla_metric of %s", scenario.steps)
			.containsExactlyElementsOf(expected);
	}

}
