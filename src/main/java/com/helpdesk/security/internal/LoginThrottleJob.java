package com.helpdesk.security.internal;

import com.helpdesk.shared.JobRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the sign-in throttle's tables small, once across instances: every guess with a
 * new address or account adds a count, and counts past their window and block say nothing
 * any more.
 */
@Component
class LoginThrottleJob {

	private final LoginThrottle throttle;

	private final JobRuns jobRuns;

	LoginThrottleJob(LoginThrottle throttle, JobRuns jobRuns) {
		this.throttle = throttle;
		this.jobRuns = jobRuns;
	}

	/**
	 * Answers how many rows were forgotten.
	 */
	@Scheduled(fixedDelayString = "${helpdesk.login.forget-old-every:PT1H}", initialDelayString = "PT5M")
	@SchedulerLock(name = "login-throttle", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
	public int run() {
		return this.jobRuns.record("login-throttle", this.throttle::forgetOld);
	}

}
