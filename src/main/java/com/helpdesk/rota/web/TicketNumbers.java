package com.helpdesk.rota.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with its ticket numbers ("#123") picked out, so that a page can link each to its
 * ticket and show the rest as it was written.
 */
final class TicketNumbers {

	/** "#" and up to nine digits, not inside a word or an HTML entity such as "&#39;". */
	private static final Pattern NUMBER = Pattern.compile("(?<![\\w&#])#(\\d{1,9})(?!\\w)");

	private TicketNumbers() {
	}

	/**
	 * The text in pieces, in order: plain text, and ticket numbers with their id.
	 */
	static List<Piece> linked(String text) {
		List<Piece> pieces = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return pieces;
		}
		Matcher matcher = NUMBER.matcher(text);
		int from = 0;
		while (matcher.find()) {
			if (matcher.start() > from) {
				pieces.add(new Piece(text.substring(from, matcher.start()), null));
			}
			pieces.add(new Piece(matcher.group(), Long.valueOf(matcher.group(1))));
			from = matcher.end();
		}
		if (from < text.length()) {
			pieces.add(new Piece(text.substring(from), null));
		}
		return pieces;
	}

	/**
	 * A piece of text; {@code ticketId} is set when it is a ticket number.
	 */
	record Piece(String text, Long ticketId) {

	}

}
