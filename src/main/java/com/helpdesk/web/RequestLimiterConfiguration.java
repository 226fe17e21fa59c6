package com.helpdesk.web;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the {@link RequestLimiter}: {@code helpdesk.web.concurrent-requests} at once
 * (0, the default, means four per processor), each waiting at most
 * {@code helpdesk.web.longest-wait}. It sits inside the request timer, so
 * {@code http.server.requests} includes the wait, and outside sessions and security, so
 * everything a request costs is counted against the limit.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimiterConfiguration {

	@Bean
	RequestLimiter requestLimiter(@Value("${helpdesk.web.concurrent-requests:0}") int concurrent,
			@Value("${helpdesk.web.longest-wait:PT10S}") Duration longestWait, ObjectProvider<MeterRegistry> meters) {
		RequestLimiter limiter = new RequestLimiter(
				(concurrent > 0) ? concurrent : 4 * Runtime.getRuntime().availableProcessors(), longestWait);
		meters.ifAvailable((registry) -> {
			Gauge.builder("helpdesk.requests.working", limiter, RequestLimiter::working)
				.description("Requests at work now (at most helpdesk.web.concurrent-requests)")
				.register(registry);
			Gauge.builder("helpdesk.requests.waiting", limiter, RequestLimiter::waiting)
				.description("Requests waiting for their turn")
				.register(registry);
		});
		return limiter;
	}

	@Bean
	FilterRegistrationBean<RequestLimiter> requestLimiterRegistration(RequestLimiter limiter) {
		FilterRegistrationBean<RequestLimiter> registration = new FilterRegistrationBean<>(limiter);
		// after the request timer (ServerHttpObservationFilter), before sessions (MIN +
		// 50)
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
