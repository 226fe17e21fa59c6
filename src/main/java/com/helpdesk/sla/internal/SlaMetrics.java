package com.helpdesk.sla.internal;

import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaNotices.SlaBreached;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code helpdesk_sla_breaches_total{metric}}: targets missed, counted once the sweep
 * that found them has committed. Every metric's counter exists from the start, at 0, so a
 * dashboard has a series (and a rate) before the first breach.
 */
@Component
class SlaMetrics {

	private final MeterRegistry registry;

	SlaMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (SlaMetric metric : SlaMetric.values()) {
			counter(metric);
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SlaBreached breach) {
		counter(breach.metric()).increment();
	}

	private Counter counter(SlaMetric metric) {
		return Counter.builder("helpdesk.sla.breaches")
			.description("Service level targets missed")
			.tag("metric", metric.name())
			.register(this.registry);
	}

}
