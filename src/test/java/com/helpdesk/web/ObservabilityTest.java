package com.helpdesk.web;

import java.time.Duration;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaNotices.SlaBreached;
import com.helpdesk.sla.internal.SlaSweep;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What operations see: health with the database for administrators and just "UP" for
 * everyone else, and Prometheus metrics (tickets by status, SLA breaches, job runs) for
 * administrators only.
 */
@IntegrationTest
class ObservabilityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TicketService tickets;

	@Autowired
	SlaSweep sweep;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void healthSaysUpToEveryoneAndShowsTheDatabaseToAdministrators() throws Exception {
		MockHttpServletResponse anonymous = this.mvc.perform(get("/actuator/health")).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(200);
		assertThat(anonymous.getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
		Person admin = this.data.person(Role.ADMIN, null);
		String detailed = this.mvc.perform(get("/actuator/health").with(user(new HelpdeskUser(admin, null, true))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detailed).contains("\"db\"", "\"status\":\"UP\"");
	}

	/**
	 * Start-up work (the demo data, loaded by an application runner) is done before Boot
	 * says the app takes traffic; until then health answers 503, so a load balancer or a
	 * script waiting for UP never reaches a half-loaded app.
	 */
	@Test
	void healthSaysUpOnlyOnceTheAppTakesTraffic() throws Exception {
		try {
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
			MockHttpServletResponse starting = this.mvc.perform(get("/actuator/health")).andReturn().getResponse();
			assertThat(starting.getStatus()).isEqualTo(503);
			assertThat(starting.getContentAsString()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
		}
		finally {
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
		MockHttpServletResponse ready = this.mvc.perform(get("/actuator/health")).andReturn().getResponse();
		assertThat(ready.getStatus()).isEqualTo(200);
		assertThat(ready.getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
		Person admin = this.data.person(Role.ADMIN, null);
		assertThat(this.mvc.perform(get("/actuator/health").with(user(new HelpdeskUser(admin, null, true))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"readinessState\"");
	}

	@Test
	void prometheusCountsTicketsBreachesAndJobRunsForAdministratorsOnly() throws Exception {
		Person requester = this.data.requester(this.data.client());
		this.tickets.create(requester, TestData.question("Counted"), List.of());
		this.sweep.run();
		this.events.publishEvent(new SlaBreached(1L, SlaMetric.FIRST_REPLY, null, null));
		// past the counts' cache, so the new ticket is in them
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
		Person agent = this.data.agent();
		assertThat(this.mvc.perform(get("/actuator/prometheus").with(httpBasic(agent.email(), TestData.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		Person admin = this.data.person(Role.ADMIN, null);
		MockHttpServletResponse scrape = this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic(admin.email(), TestData.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(scrape.getStatus()).isEqualTo(200);
		String metrics = scrape.getContentAsString();
		assertThat(metrics).containsPattern("helpdesk_tickets\\{application=\"helpdesk\",status=\"NEW\"\\} [1-9]")
			.contains("helpdesk_tickets{application=\"helpdesk\",status=\"SOLVED\"}")
			.containsPattern("helpdesk_sla_breaches_total\\{application=\"helpdesk\",metric=\"FIRST_REPLY\"\\} [1-9]")
			.containsPattern(
					"helpdesk_job_runs_seconds_count\\{application=\"helpdesk\",outcome=\"success\",task=\"sla-sweep\"\\} [1-9]")
			.contains("jvm_memory_used_bytes", "hikaricp_connections_active");
		// Prometheus keeps the label "job" for the scrape: ours would arrive as
		// exported_job
		assertThat(metrics).doesNotContainPattern("(?m)^helpdesk_[a-z_]+\\{[^}]*\\bjob=");
		// every metric's breach counter has a series from the start, before any breach
		for (SlaMetric metric : SlaMetric.values()) {
			assertThat(metrics).containsPattern(
					"helpdesk_sla_breaches_total\\{application=\"helpdesk\",metric=\"" + metric + "\"\\} ");
		}
		PromTool.check(metrics);
	}

}
