package com.helpdesk.ticket.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import com.helpdesk.ticket.TicketStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code helpdesk_tickets{status}}: how many tickets there are in each status. Counted in
 * the database at most every {@code helpdesk.metrics.ticket-counts-every}, so frequent
 * scrapes of a million tickets cost one count now and then.
 */
@Component
class TicketMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration every;

	private Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);

	private Instant countedAt;

	TicketMetrics(JdbcClient jdbc, Clock clock,
			@Value("${helpdesk.metrics.ticket-counts-every:PT30S}") Duration every) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.every = every;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TicketStatus status : TicketStatus.values()) {
			Gauge.builder("helpdesk.tickets", this, (metrics) -> metrics.count(status))
				.description("Tickets in each status")
				.tag("status", status.name())
				.register(registry);
		}
	}

	synchronized double count(TicketStatus status) {
		Instant now = this.clock.instant();
		if (this.countedAt == null || !now.isBefore(this.countedAt.plus(this.every)) || now.isBefore(this.countedAt)) {
			Map<TicketStatus, Long> fresh = new EnumMap<>(TicketStatus.class);
			this.jdbc.sql("select status, count(*) from ticket group by status").query((java.sql.ResultSet rs) -> {
				fresh.put(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
			this.counts = fresh;
			this.countedAt = now;
		}
		return this.counts.getOrDefault(status, 0L);
	}

}
