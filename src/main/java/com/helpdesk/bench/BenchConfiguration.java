package com.helpdesk.bench;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;

/**
 * The bench profile's statement counting: the pool is wrapped so statements can be
 * counted, and a filter outside all others adds them up per route.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchConfiguration {

	@Bean
	static BeanPostProcessor countStatements() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource) ? StatementCounter.wrap(dataSource) : bean;
			}

		};
	}

	@Bean
	StatementStatistics statementStatistics() {
		return new StatementStatistics();
	}

	@Bean
	FilterRegistrationBean<StatementStatistics> statementStatisticsFilter(StatementStatistics statistics) {
		FilterRegistrationBean<StatementStatistics> registration = new FilterRegistrationBean<>(statistics);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
