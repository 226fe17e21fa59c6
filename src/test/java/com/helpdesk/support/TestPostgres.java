package com.helpdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL 15 for the whole test run: a Testcontainers container where Docker
 * works, otherwise the embedded server the app itself uses (these machines have no Docker
 * engine). Started on first use, stopped when the JVM exits.
 */
public final class TestPostgres {

	private static volatile Connection connection;

	private TestPostgres() {
	}

	/**
	 * How to reach the test database.
	 */
	public record Connection(String url, String username, String password) {
	}

	public static Connection get() {
		if (connection == null) {
			synchronized (TestPostgres.class) {
				if (connection == null) {
					connection = dockerAvailable() ? container() : embedded();
				}
			}
		}
		return connection;
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("helpdesk.tests.no-docker")) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@SuppressWarnings("resource")
	private static Connection container() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
		return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static Connection embedded() {
		try {
			Path directory = Files.createTempDirectory("helpdesk-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(true)
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away; nothing to tell anyone
				}
			}));
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
