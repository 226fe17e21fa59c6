package com.helpdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.helpdesk.HelpdeskApplication;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.sla.SlaDashboard;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.internal.SlaRollup;
import com.helpdesk.sla.internal.SlaSweep;
import com.helpdesk.ticket.QueueFilter;
import com.helpdesk.ticket.QueueView;
import com.helpdesk.ticket.TicketQueries;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The SLA benchmark, run with {@code ./mvnw -Pbench test} (see bench/README.md): loads a
 * million tickets into a PostgreSQL of its own (unless already loaded), then times the
 * manager's dashboard cold and warm, the "Breaching soon" queue, and the SLA sweep, and
 * appends the numbers to docs/benchmarks.md. Not part of {@code ./mvnw verify}.
 */
class SlaBenchmark {

	private static final String SERVER = System.getProperty("bench.server", "jdbc:postgresql://127.0.0.1:5432/");

	private static final String DATABASE = System.getProperty("bench.database", "helpdesk_bench");

	private static final String USER = System.getProperty("bench.user",
			System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"));

	private static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);

	private static final int OPEN = Integer.getInteger("bench.open", 100_000);

	/**
	 * Any PostgreSQL given the usual way; otherwise a database of its own on the server.
	 */
	private static final String URL = (System.getenv("SPRING_DATASOURCE_URL") != null)
			? System.getenv("SPRING_DATASOURCE_URL") : SERVER + DATABASE;

	/** Only load the data set (bench/generate.sh), measure nothing. */
	private static final boolean LOAD_ONLY = Boolean.getBoolean("bench.loadOnly");

	@Test
	void measure() throws Exception {
		boolean reload = Boolean.getBoolean("bench.reload") || !exists();
		if (reload && System.getenv("SPRING_DATASOURCE_URL") != null) {
			try (Connection connection = DriverManager.getConnection(URL, USER, password());
					Statement statement = connection.createStatement()) {
				statement.execute("drop schema public cascade");
				statement.execute("create schema public");
			}
		}
		else if (reload) {
			execute("postgres", "drop database if exists " + DATABASE + " with (force)");
			execute("postgres", "create database " + DATABASE);
		}
		List<String> lines = new ArrayList<>();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelpdeskApplication.class).run(
				"--server.port=0", "--spring.main.banner-mode=off", "--helpdesk.jobs.enabled=false",
				"--helpdesk.demo-data=false", "--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
				"--spring.datasource.password=" + password(), "--logging.level.root=WARN")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			if (reload) {
				BenchData.Result loaded = new BenchData(app.getBean(DataSource.class), app.getBean(Calendars.class),
						app.getBean(SlaPolicies.class), app.getBean(PasswordEncoder.class),
						app.getBean(com.helpdesk.rota.Rotas.class))
					.load(TICKETS, OPEN, Instant.now());
				lines.add(String.format(Locale.ROOT,
						"- Data loaded in %d s: %,d tickets (%,d open), %,d comments, %,d timeline events, "
								+ "%,d SLA inputs, %,d SLA metrics",
						loaded.took().toSeconds(), loaded.tickets(), loaded.open(), loaded.comments(), loaded.events(),
						loaded.inputs(), loaded.metrics()));
				long start = System.nanoTime();
				app.getBean(SlaRollup.class).fold();
				lines.add(String.format(Locale.ROOT, "- Dashboard's hourly counts folded from all metrics in %d s",
						(System.nanoTime() - start) / 1_000_000_000));
				// as autovacuum would have by the time anyone looks
				jdbc.sql("vacuum analyze").update();
			}
			if (LOAD_ONLY) {
				write("Data generator", "Run with `bench/generate.sh`", lines);
				return;
			}
			long tickets = jdbc.sql("select count(*) from ticket").query(Long.class).single();
			long open = jdbc.sql("select count(*) from ticket where status <> 'SOLVED'").query(Long.class).single();
			long metrics = jdbc.sql("select count(*) from sla_metric").query(Long.class).single();
			lines.add(String.format(Locale.ROOT, "- Data: %,d tickets, %,d open, %,d SLA metrics", tickets, open,
					metrics));

			SlaDashboard dashboard = app.getBean(SlaDashboard.class);
			ZoneId zone = ZoneId.of("Europe/London");
			var filter = dashboard.defaultFilter(zone);
			long client = jdbc.sql("select min(id) from client where name like 'Bench client%'")
				.query(Long.class)
				.single();
			var byClient = new com.helpdesk.sla.SlaReport.Filter(filter.from(), filter.to(), client, null, null, null,
					null);
			lines.add(timed("Dashboard, last 4 weeks, first call (cold)", 1, () -> dashboard.report(filter, zone)));
			lines.add(timed("Dashboard, last 4 weeks, warm", 30, () -> dashboard.report(filter, zone)));
			lines.add(timed("Dashboard, one client, first call", 1, () -> dashboard.report(byClient, zone)));
			lines.add(timed("Dashboard, one client, warm", 30, () -> dashboard.report(byClient, zone)));
			var twoFilters = new com.helpdesk.sla.SlaReport.Filter(filter.from(), filter.to(), client, null,
					com.helpdesk.shared.Priority.HIGH, null, null);
			lines.add(timed("Dashboard, one client and one priority (counted from the metrics), warm", 30,
					() -> dashboard.report(twoFilters, zone)));
			ZoneId kolkata = ZoneId.of("Asia/Kolkata");
			lines.add(timed("Dashboard, last 4 weeks in Asia/Kolkata (counted from the metrics), warm", 10,
					() -> dashboard.report(dashboard.defaultFilter(kolkata), kolkata)));
			var year = new com.helpdesk.sla.SlaReport.Filter(LocalDate.now(zone).minusYears(1), LocalDate.now(zone),
					null, null, null, null, null);
			lines.add(timed("Dashboard, a whole year, warm", 10, () -> dashboard.report(year, zone)));

			TicketQueries queries = app.getBean(TicketQueries.class);
			Person agent = new Person(1, "bench@bench.test", "Bench", Role.AGENT, null, "Europe/London");
			lines.add(timed("Breaching soon queue, first page, warm", 30,
					() -> queries.page(agent, QueueFilter.of(QueueView.BREACHING_SOON), null)));

			SlaSweep sweep = app.getBean(SlaSweep.class);
			lines.add(timed("SLA sweep over " + String.format(Locale.ROOT, "%,d", open)
					+ " open tickets, first run (marks what is due)", 1, sweep::run));
			lines.add(timed("SLA sweep, steady state (nothing newly due)", 5, sweep::run));
			int burst = jdbc.sql("""
					update sla_metric set due_at = now() - interval '1 second', at_risk_at = now() - interval '1 minute'
					where id in (select id from sla_metric where state = 'ACTIVE' order by id limit 2000)
					""").update();
			lines.add(timed("SLA sweep with " + burst + " metrics newly due (breach, notice, inbox, mail)", 1,
					sweep::run));
		}
		write("SLA engine", "Run with `./mvnw -Pbench test`", lines);
	}

	private static String timed(String what, int runs, Supplier<?> action) {
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			action.get();
			micros.add((System.nanoTime() - start) / 1000);
		}
		Collections.sort(micros);
		if (runs == 1) {
			return String.format(Locale.ROOT, "- %s: %.1f ms", what, micros.get(0) / 1000.0);
		}
		long p50 = micros.get(micros.size() / 2);
		long p99 = micros.get(Math.min(micros.size() - 1, (int) Math.ceil(micros.size() * 0.99) - 1));
		return String.format(Locale.ROOT, "- %s: p50 %.1f ms, p99 %.1f ms (%d runs)", what, p50 / 1000.0, p99 / 1000.0,
				runs);
	}

	private static void write(String title, String how, List<String> lines) throws IOException {
		Path file = Path.of("docs", "benchmarks.md");
		if (!Files.exists(file)) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, "# Benchmarks\n\nEach run appends its numbers; rerun with the command given.\n");
		}
		StringBuilder text = new StringBuilder("\n## ").append(title)
			.append(", ")
			.append(LocalDate.now())
			.append("\n\n")
			.append(how)
			.append(" against PostgreSQL on ")
			.append(URL)
			.append(".\n\n")
			.append("- Machine: ")
			.append(machine())
			.append("\n- JVM: ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.version"))
			.append("\n");
		lines.forEach((line) -> text.append(line).append('\n'));
		Files.writeString(file, text.toString(), StandardOpenOption.APPEND);
		System.out.println(text);
	}

	private static String machine() throws IOException {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((l) -> l.startsWith("model name"))
			.findFirst()
			.map((l) -> l.substring(l.indexOf(':') + 1).trim())
			.orElse("unknown CPU");
		long memory = Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter((l) -> l.startsWith("MemTotal"))
			.findFirst()
			.map((l) -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024)
			.orElse(0L);
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " GiB";
	}

	private static boolean exists() {
		try (Connection connection = DriverManager.getConnection(URL, USER, password());
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery("select count(*) from ticket")) {
			rs.next();
			return rs.getLong(1) >= TICKETS;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String password() {
		return System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
	}

	private static void execute(String database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + database, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
