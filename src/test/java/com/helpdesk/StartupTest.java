package com.helpdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.helpdesk.directory.Directory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways the app starts: with nothing configured it brings its own PostgreSQL and
 * keeps the data between restarts; with a datasource URL it migrates and uses that server
 * (here the real PostgreSQL on 127.0.0.1:5432).
 */
class StartupTest {

	private static final String EXTERNAL = "jdbc:postgresql://127.0.0.1:5432/";

	@Test
	void withNothingConfiguredItStartsItsOwnPostgresWithDemoDataThatSurvivesARestart() throws Exception {
		Path data = Files.createTempDirectory("helpdesk-startup");
		try {
			long people;
			try (ConfigurableApplicationContext app = start("--helpdesk.embedded-postgres.data-directory=" + data)) {
				assertThat(app.getEnvironment().containsProperty("spring.datasource.url")).isFalse();
				assertThat(app.getBean(Directory.class).findPersonByEmail("alice@client-a.test")).isPresent();
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				people = jdbc.sql("select count(*) from app_user").query(Long.class).single();
				jdbc.sql("update client set name = 'Client A (renamed)' where name = 'Client A'").update();
			}
			assertThat(data.resolve("PG_VERSION")).exists();
			try (ConfigurableApplicationContext app = start("--helpdesk.embedded-postgres.data-directory=" + data)) {
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
					.as("demo data is never loaded into a database that holds data")
					.isEqualTo(people);
				assertThat(jdbc.sql("select count(*) from client where name = 'Client A (renamed)'")
					.query(Long.class)
					.single()).isOne();
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(data);
		}
	}

	@Test
	void withADatasourceUrlItMigratesAndUsesThatServer() throws Exception {
		String database = "helpdesk_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Assumptions.assumeTrue(execute("postgres", "create database " + database),
				"no PostgreSQL on 127.0.0.1:5432 to prove the external-server path against");
		try {
			try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + EXTERNAL + database,
					"--spring.datasource.username=postgres", "--spring.datasource.password=")) {
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(database);
				assertThat(
						jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
					.isGreaterThanOrEqualTo(5);
				assertThat(app.getBean(Directory.class).findPersonByEmail("bob@client-b.test")).isPresent();
			}
		}
		finally {
			execute("postgres", "drop database if exists " + database + " with (force)");
		}
	}

	@Test
	void demoDataCanBeSwitchedOff() throws Exception {
		String database = "helpdesk_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Assumptions.assumeTrue(execute("postgres", "create database " + database),
				"no PostgreSQL on 127.0.0.1:5432 to prove the external-server path against");
		try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + EXTERNAL + database,
				"--spring.datasource.username=postgres", "--helpdesk.demo-data=false")) {
			assertThat(app.getBean(JdbcClient.class).sql("select count(*) from app_user").query(Long.class).single())
				.isZero();
		}
		finally {
			execute("postgres", "drop database if exists " + database + " with (force)");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--server.port=0";
		all[1] = "--helpdesk.jobs.enabled=false";
		all[2] = "--spring.main.banner-mode=off";
		System.arraycopy(args, 0, all, 3, args.length);
		return new SpringApplicationBuilder(HelpdeskApplication.class).run(all);
	}

	private static boolean execute(String database, String sql) {
		try (Connection connection = DriverManager.getConnection(EXTERNAL + database, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
