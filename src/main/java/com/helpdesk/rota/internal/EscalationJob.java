package com.helpdesk.rota.internal;

import com.helpdesk.rota.OnCallRouting;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, moves unacknowledged out-of-hours pages on to the next person; one
 * instance at a time, and each page once.
 */
@Component
class EscalationJob {

	private final OnCallRouting routing;

	private final com.helpdesk.shared.JobRuns jobRuns;

	EscalationJob(OnCallRouting routing, com.helpdesk.shared.JobRuns jobRuns) {
		this.routing = routing;
		this.jobRuns = jobRuns;
	}

	@Scheduled(fixedDelayString = "${helpdesk.oncall.check-every:PT1M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "oncall-escalation", lockAtMostFor = "PT10M",
			lockAtLeastFor = "${helpdesk.oncall.check-lock-at-least:PT50S}")
	void run() {
		this.jobRuns.record("oncall-escalation", () -> {
			this.routing.escalateDue();
			return null;
		});
	}

}
