package com.helpdesk.security.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so any instance serves anyone; the
 * store is wrapped so that reading a page does not write the session row every time.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * Writes a new session attribute with PostgreSQL's upsert: two requests of one
	 * session at once (a page and its fragments, two tabs) that both add the same
	 * attribute, such as the CSRF token after sign-in, otherwise collide on its key and
	 * one fails with a 500.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

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
