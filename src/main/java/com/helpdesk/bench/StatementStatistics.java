package com.helpdesk.bench;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Adds up, per route, how many requests were served and how many SQL statements they ran
 * (Spring Session's apart), so that the benchmark reads statements per request under the
 * very load it measures. Ordered before every other filter, session and security
 * included.
 */
final class StatementStatistics extends OncePerRequestFilter {

	record Route(long requests, double statementsPerRequest, long mostStatements, double sessionStatementsPerRequest) {
	}

	private static final class Totals {

		final LongAdder requests = new LongAdder();

		final LongAdder statements = new LongAdder();

		final LongAdder sessionStatements = new LongAdder();

		final LongAccumulator most = new LongAccumulator(Math::max, 0);

	}

	private final Map<String, Totals> routes = new ConcurrentHashMap<>();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().startsWith("/bench/statements")) {
			chain.doFilter(request, response);
			return;
		}
		StatementCounter.Counts counts = StatementCounter.start();
		try {
			chain.doFilter(request, response);
		}
		finally {
			StatementCounter.stop();
			Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			String route = request.getMethod() + " " + ((pattern != null) ? pattern : request.getRequestURI());
			Totals totals = this.routes.computeIfAbsent(route, (r) -> new Totals());
			totals.requests.increment();
			totals.statements.add(counts.statements);
			totals.sessionStatements.add(counts.sessionStatements);
			totals.most.accumulate(counts.statements);
		}
	}

	Map<String, Route> read() {
		Map<String, Route> read = new TreeMap<>();
		this.routes.forEach((route, totals) -> {
			long requests = totals.requests.sum();
			read.put(route, new Route(requests, (double) totals.statements.sum() / Math.max(1, requests),
					totals.most.get(), (double) totals.sessionStatements.sum() / Math.max(1, requests)));
		});
		return read;
	}

	void reset() {
		this.routes.clear();
	}

}
