package com.helpdesk.security.internal;

import javax.sql.DataSource;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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

	/**
	 * The read of a signed-in session, which every page already makes, also checks its
	 * person: still enabled, and signed in since their access last changed (disabled, a
	 * new role, client, email or password; {@code app_user.sessions_valid_from}). A
	 * session that fails is not found, so its request is signed out, at no extra
	 * statement per request. {@link PersonSessions} deletes such sessions too.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsFollowTheirPerson() {
		return (store) -> store.setGetSessionQuery(SESSION_OF_A_PERSON_WHO_MAY_USE_IT);
	}

	static final String SESSION_OF_A_PERSON_WHO_MAY_USE_IT = """
			SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL,
			       SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
			FROM %TABLE_NAME% S
			LEFT JOIN %TABLE_NAME%_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
			WHERE S.SESSION_ID = ?
			  AND (S.PRINCIPAL_NAME IS NULL OR EXISTS (
			      SELECT 1 FROM app_user U
			      WHERE lower(U.email) = lower(S.PRINCIPAL_NAME) AND U.enabled
			        AND (U.sessions_valid_from IS NULL
			             OR S.CREATION_TIME >= (extract(epoch from U.sessions_valid_from) * 1000)::bigint)))
			""";

	/**
	 * Around Spring Session's filter, on every kind of dispatch (an error page is a
	 * dispatch of its own, after the request's): the session a request saves is
	 * remembered for the read that follows, and forgotten when it ends (see
	 * {@link QuietSessions}).
	 */
	@Bean
	FilterRegistrationBean<Filter> rememberSavedSession() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				(request, response, chain) -> QuietSessions.remembering(() -> chain.doFilter(request, response)));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		return registration;
	}

	/**
	 * Spring Session's reads and writes run in plain JDBC transactions: by default they
	 * used the JPA transaction manager, which opens a Hibernate session for each, and the
	 * store only ever uses JDBC. Each still runs in a transaction of its own, as Spring
	 * Session's default does. Not a default candidate: the rest of the app still gets
	 * Boot's transaction template, on the JPA transaction manager.
	 */
	@Bean(defaultCandidate = false)
	@Qualifier("springSessionTransactionOperations")
	TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
		TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return transactions;
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
