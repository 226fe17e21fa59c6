package com.helpdesk.security.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so any instance serves anyone; the
 * store is wrapped so that reading a page does not write the session row every time.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	static BeanPostProcessor quietSessions() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository store) ? new QuietSessions<>(store) : bean;
			}

		};
	}

}
