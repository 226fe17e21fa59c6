package com.helpdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.QueueView;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.directory.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a page or the code asks for is in messages.properties, so nobody ever reads
 * a raw key like "??request.subject.label_en??".
 */
class MessagesTest {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

	private static final Pattern CODE_KEY = Pattern.compile(
			"\"((?:admin|api|attachment|client|conflict|cursor|errors|group|mail|profile|request|text|ticket|token|user)\\.[a-zA-Z0-9_.]+)\"");

	private final Properties messages = load();

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		assertThat(missing(Path.of("src/main/resources/templates"), TEMPLATE_KEY)).isEmpty();
	}

	@Test
	void everyKeyTheCodeUsesExists() throws IOException {
		assertThat(missing(Path.of("src/main/java"), CODE_KEY)).isEmpty();
	}

	@Test
	void noKeyIsDefinedTwice() throws IOException {
		Set<String> seen = new TreeSet<>();
		Set<String> twice = new TreeSet<>();
		for (String line : Files.readAllLines(Path.of("src/main/resources/messages.properties"))) {
			int equals = line.indexOf('=');
			if (line.isBlank() || line.startsWith("#") || equals < 0) {
				continue;
			}
			String key = line.substring(0, equals).trim();
			if (!seen.add(key)) {
				twice.add(key);
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void everyValueOfTheVocabularyHasItsWords() {
		Set<String> missing = new TreeSet<>();
		for (TicketStatus status : TicketStatus.values()) {
			need(missing, "status." + status, "requester.status." + status, "requester.status." + status + ".explain");
		}
		for (Priority priority : Priority.values()) {
			need(missing, "priority." + priority, "priority." + priority + ".choice");
		}
		for (RequestType type : RequestType.values()) {
			need(missing, "type." + type, "type." + type + ".choice", "type." + type + ".hint",
					"type." + type + ".title", "type." + type + ".descriptionHint");
		}
		for (Role role : Role.values()) {
			need(missing, "role." + role);
		}
		for (QueueView view : QueueView.values()) {
			if (view != QueueView.GROUP) {
				need(missing, "queue.title." + view.slug(), "queue.intro." + view.slug());
			}
		}
		for (String field : new String[] { "subject", "description", "alreadyTried", "body", "stepsToReproduce",
				"expectedOutcome", "actualOutcome", "application", "environment", "serverSpec.cpu", "serverSpec.memory",
				"serverSpec.disk", "serverSpec.os", "desiredOutcome", "impact", "service", "system", "accessLevel",
				"reason" }) {
			need(missing, "request." + field + ".required");
		}
		need(missing, "request.tooLong.200", "request.tooLong.10000", "request.tooLong.20000",
				"ticket.reply.submit.OPEN", "ticket.reply.submit.PENDING", "ticket.reply.submit.SOLVED");
		for (int code : new int[] { 400, 403, 404, 409, 413, 500 }) {
			need(missing, "error." + code + ".title", "error." + code + ".body");
		}
		assertThat(missing).isEmpty();
	}

	private void need(Set<String> missing, String... keys) {
		for (String key : keys) {
			if (!this.messages.containsKey(key)) {
				missing.add(key);
			}
		}
	}

	private Set<String> missing(Path root, Pattern pattern) throws IOException {
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter(Files::isRegularFile).forEach((file) -> {
				Matcher matcher = pattern.matcher(read(file));
				while (matcher.find()) {
					String key = matcher.group(1);
					if (!key.endsWith(".") && !this.messages.containsKey(key)) {
						missing.add(key + " (" + file.getFileName() + ")");
					}
				}
			});
		}
		return missing;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream("/messages.properties")) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
