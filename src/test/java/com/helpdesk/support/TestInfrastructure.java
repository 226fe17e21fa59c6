package com.helpdesk.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the app under test at the test PostgreSQL and the test mail server.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPostgres.Connection db = TestPostgres.get();
		TestPropertyValues
			.of("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.username(),
					"spring.datasource.password=" + db.password(), "spring.mail.host=127.0.0.1",
					"spring.mail.port=" + TestMail.port())
			.applyTo(context.getEnvironment());
	}

}
