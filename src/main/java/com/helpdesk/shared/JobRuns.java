package com.helpdesk.shared;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Times and counts each run of a scheduled job by outcome, as
 * {@code helpdesk_job_runs_seconds{task, outcome}}, so a job that stops running or keeps
 * failing shows on the dashboard. The job's name is the {@code task} label: Prometheus
 * keeps {@code job} for the scrape's own name and would rename ours {@code exported_job}.
 */
@Component
public class JobRuns {

	private final MeterRegistry registry;

	JobRuns(MeterRegistry registry) {
		this.registry = registry;
	}

	public <T> T record(String job, Supplier<T> run) {
		Timer.Sample sample = Timer.start(this.registry);
		String outcome = "failure";
		try {
			T result = run.get();
			outcome = "success";
			return result;
		}
		finally {
			sample.stop(Timer.builder("helpdesk.job.runs")
				.description("Runs of the helpdesk's scheduled jobs")
				.tag("task", job)
				.tag("outcome", outcome)
				.register(this.registry));
		}
	}

}
