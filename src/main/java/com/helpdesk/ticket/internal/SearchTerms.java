package com.helpdesk.ticket.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.ticket.TicketStatus;

/**
 * What an agent typed into the queue's search box, split into terms:
 * {@code requester:alice}, {@code client:"Client A"}, {@code status:open}, {@code #123},
 * and the words left over (full-text search, and also a requester's name or email, a
 * client's name or a ticket number).
 *
 * @param words the rest of the text, as typed (quotes and {@code -} kept for
 * {@code websearch_to_tsquery}), or {@code null}
 * @param numbers ticket numbers written as {@code #123}
 */
record SearchTerms(String words, String requester, String client, TicketStatus status, List<Long> numbers) {

	/** Shorter words would find most people and clients by a letter or two. */
	static final int SHORTEST_NAME = 3;

	private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,18})");

	private static final Pattern HASH_NUMBER = Pattern.compile("#(\\d{1,18})");

	static SearchTerms parse(String text) {
		if (text == null || text.isBlank()) {
			return new SearchTerms(null, null, null, null, List.of());
		}
		List<String> words = new ArrayList<>();
		List<Long> numbers = new ArrayList<>();
		String requester = null;
		String client = null;
		TicketStatus status = null;
		int i = 0;
		String s = text.trim();
		while (i < s.length()) {
			if (Character.isWhitespace(s.charAt(i))) {
				i++;
				continue;
			}
			String key = key(s, i);
			if (key != null) {
				int start = i + key.length() + 1;
				int end = valueEnd(s, start);
				String value = unquote(s.substring(start, end));
				i = end;
				if (value.isBlank()) {
					continue;
				}
				switch (key) {
					case "requester" -> requester = value;
					case "client" -> client = value;
					default -> status = status(value);
				}
				continue;
			}
			int end = valueEnd(s, i);
			String token = s.substring(i, end);
			i = end;
			var number = HASH_NUMBER.matcher(token);
			if (number.matches()) {
				numbers.add(Long.parseLong(number.group(1)));
			}
			else {
				words.add(token);
			}
		}
		String rest = words.isEmpty() ? null : String.join(" ", words);
		return new SearchTerms(rest, requester, client, status, List.copyOf(numbers));
	}

	/**
	 * The ticket number the words are, if they are nothing else ("123" or "#123").
	 */
	Long wordsAsNumber() {
		if (this.words == null) {
			return null;
		}
		var number = NUMBER.matcher(this.words);
		return number.matches() ? Long.parseLong(number.group(1)) : null;
	}

	/**
	 * Whether the words may be a person's or a client's name or email.
	 */
	boolean wordsMayNameSomeone() {
		return this.words != null && wordsAsNumber() == null && unquote(this.words).length() >= SHORTEST_NAME;
	}

	/**
	 * A {@code like} pattern that finds the text anywhere in a lower-cased column.
	 */
	static String containing(String text) {
		String plain = unquote(text).toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + plain + "%";
	}

	private static String key(String s, int at) {
		for (String key : List.of("requester", "client", "status")) {
			int colon = at + key.length();
			if (colon < s.length() && s.charAt(colon) == ':' && s.regionMatches(true, at, key, 0, key.length())) {
				return key;
			}
		}
		return null;
	}

	/** Where a value starting at {@code start} ends: its closing quote, or a space. */
	private static int valueEnd(String s, int start) {
		if (start < s.length() && s.charAt(start) == '"') {
			int close = s.indexOf('"', start + 1);
			return (close < 0) ? s.length() : close + 1;
		}
		int end = start;
		while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
			end++;
		}
		return end;
	}

	private static String unquote(String value) {
		String trimmed = value.trim();
		if (trimmed.startsWith("\"")) {
			trimmed = trimmed.substring(1);
		}
		if (trimmed.endsWith("\"")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.trim();
	}

	private static TicketStatus status(String value) {
		for (TicketStatus status : TicketStatus.values()) {
			if (status.name().equalsIgnoreCase(value)) {
				return status;
			}
		}
		throw new InvalidInputException("q", "queue.search.status.invalid");
	}

}
