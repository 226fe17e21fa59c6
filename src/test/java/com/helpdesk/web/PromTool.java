package com.helpdesk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus's own linter ({@code promtool check metrics}, Debian package prometheus) run
 * over a scrape, where it is installed ({@code /usr/bin/promtool}, or the path in
 * {@code PROMTOOL}); elsewhere nothing is checked.
 */
final class PromTool {

	private PromTool() {
	}

	static void check(String scrape) throws IOException, InterruptedException {
		Path promtool = Path.of((System.getenv("PROMTOOL") != null) ? System.getenv("PROMTOOL") : "/usr/bin/promtool");
		if (!Files.isExecutable(promtool)) {
			return;
		}
		Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
		process.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		// promtool's lint also flags counters without _total and units it does not know
		// (the JVM's own metrics); a metric of ours it finds fault with fails the test
		assertThat(output.lines().filter((line) -> line.startsWith("helpdesk_"))).isEmpty();
		assertThat(output).doesNotContain("error while linting");
	}

}
