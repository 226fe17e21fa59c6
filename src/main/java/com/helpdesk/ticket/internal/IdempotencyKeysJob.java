package com.helpdesk.ticket.internal;

import java.time.Clock;
import java.time.Duration;

import com.helpdesk.shared.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys once they are older than the time a retry is honoured (24
 * hours), once across instances.
 */
@Component
public class IdempotencyKeysJob {

	private final IdempotencyKeys keys;

	private final JobRuns jobRuns;

	private final Clock clock;

	private final Duration keptFor;

	IdempotencyKeysJob(IdempotencyKeys keys, JobRuns jobRuns, Clock clock,
			@Value("${helpdesk.api.idempotency-keys-kept-for}") Duration keptFor) {
		this.keys = keys;
		this.jobRuns = jobRuns;
		this.clock = clock;
		this.keptFor = keptFor;
	}

	/**
	 * Answers how many keys were forgotten.
	 */
	@Scheduled(fixedDelayString = "${helpdesk.api.idempotency-keys-clean-every:PT1H}", initialDelayString = "PT5M")
	@SchedulerLock(name = "idempotency-keys", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
	public int run() {
		return this.jobRuns.record("idempotency-keys",
				() -> this.keys.forgetBefore(this.clock.instant().minus(this.keptFor)));
	}

}
