package com.helpdesk.sla.internal;

import com.helpdesk.sla.SlaNotices.SlaBreached;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code helpdesk_sla_breaches_total{metric}}: targets missed, counted once the sweep
 * that found them has committed.
 */
@Component
class SlaMetrics {

	private final MeterRegistry registry;

	SlaMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SlaBreached breach) {
		Counter.builder("helpdesk.sla.breaches")
			.description("Service level targets missed")
			.tag("metric", breach.metric().name())
			.register(this.registry)
			.increment();
	}

}
