package com.helpdesk.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.shared.InvalidInputException.FieldError;

/**
 * The one rule for text people send: no control characters (a null character, an escape
 * code, a lone carriage return, a line or paragraph separator), except line breaks and
 * tabs in text that has several lines; one-line text (names, subjects, titles) has no
 * line breaks or tabs either, nor the marks that turn its direction round (a file name or
 * a person's name must read as it is); and no more characters than its column holds.
 * Services check every text field with it, so what is refused is named next to its field
 * instead of failing in the database.
 * <p>
 * Length counts characters as PostgreSQL does (code points), so an emoji counts once.
 */
public final class TextRules {

	/**
	 * bcrypt reads at most this many bytes of a password: anything longer would be cut
	 * off unnoticed, so it is refused.
	 */
	public static final int PASSWORD_MAX_BYTES = 72;

	/**
	 * Message key for a control character in text.
	 */
	public static final String CONTROL = "text.control";

	/**
	 * Message key for a line break in one-line text.
	 */
	public static final String LINE_BREAK = "text.lineBreak";

	private TextRules() {
	}

	/**
	 * Adds what is wrong with one line of text to {@code errors}, with the length message
	 * {@code text.tooLong.<max>}. A null or empty value passes (whether it is required is
	 * the caller's rule). Answers whether it passed.
	 */
	public static boolean line(List<FieldError> errors, String field, String value, int max) {
		return check(errors, field, value, max, false, tooLong(max));
	}

	/**
	 * As {@link #line(List, String, String, int)}, with the field's own length message.
	 */
	public static boolean line(List<FieldError> errors, String field, String value, int max, String tooLongKey) {
		return check(errors, field, value, max, false, tooLongKey);
	}

	/**
	 * Adds what is wrong with text of several lines (line breaks and tabs allowed) to
	 * {@code errors}. Answers whether it passed.
	 */
	public static boolean text(List<FieldError> errors, String field, String value, int max) {
		return check(errors, field, value, max, true, tooLong(max));
	}

	/**
	 * As {@link #text(List, String, String, int)}, with the field's own length message.
	 */
	public static boolean text(List<FieldError> errors, String field, String value, int max, String tooLongKey) {
		return check(errors, field, value, max, true, tooLongKey);
	}

	/**
	 * Refuses one line of text that breaks the rule, for a service method with one field.
	 */
	public static void requireLine(String field, String value, int max) {
		requireLine(field, value, max, tooLong(max));
	}

	/**
	 * As {@link #requireLine(String, String, int)}, with the field's own length message.
	 */
	public static void requireLine(String field, String value, int max, String tooLongKey) {
		List<FieldError> errors = new ArrayList<>(1);
		if (!line(errors, field, value, max, tooLongKey)) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * Refuses text of several lines that breaks the rule, for a service method with one
	 * field.
	 */
	public static void requireText(String field, String value, int max) {
		requireText(field, value, max, tooLong(max));
	}

	/**
	 * As {@link #requireText(String, String, int)}, with the field's own length message.
	 */
	public static void requireText(String field, String value, int max, String tooLongKey) {
		List<FieldError> errors = new ArrayList<>(1);
		if (!text(errors, field, value, max, tooLongKey)) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * Whether a value passes as one line of text of at most {@code max} characters, for a
	 * value that is only looked up (an address, a search) and so needs no message.
	 */
	public static boolean isLine(String value, int max) {
		return value == null || (firstProblem(value, false) == null && length(value) <= max);
	}

	/**
	 * Whether a value passes as text of several lines of at most {@code max} characters,
	 * for a caller with a message of its own.
	 */
	public static boolean isText(String value, int max) {
		return value == null || (firstProblem(value, true) == null && length(value) <= max);
	}

	/**
	 * Whether a value holds a character no text field accepts: any control character but
	 * line feed, tab and a carriage return before a line feed. What the request filters
	 * and the JSON reader refuse before any service sees it.
	 */
	public static boolean hasForbiddenCharacter(String value) {
		return value != null && firstProblem(value, true) != null;
	}

	/**
	 * Whether bcrypt can hash all of this password (72 bytes in UTF-8).
	 */
	public static boolean passwordFits(String password) {
		return password == null || password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES;
	}

	/**
	 * The message key for text longer than {@code max} characters.
	 */
	public static String tooLong(int max) {
		return "text.tooLong." + max;
	}

	/**
	 * How many characters PostgreSQL counts in a value.
	 */
	public static int length(String value) {
		return value.codePointCount(0, value.length());
	}

	/**
	 * The embeddings, overrides and isolates of Unicode's bidirectional text, which make
	 * text show in another order than it is written.
	 */
	private static boolean turnsDirection(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

	private static boolean check(List<FieldError> errors, String field, String value, int max, boolean multiLine,
			String tooLongKey) {
		if (value == null || value.isEmpty()) {
			return true;
		}
		String problem = firstProblem(value, multiLine);
		if (problem == null && length(value) > max) {
			problem = tooLongKey;
		}
		if (problem != null) {
			errors.add(new FieldError(field, problem));
			return false;
		}
		return true;
	}

	private static String firstProblem(String value, boolean multiLine) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\u2028' || c == '\u2029' || (!multiLine && turnsDirection(c))) {
				return CONTROL;
			}
			if (c == '\t') {
				if (multiLine) {
					continue;
				}
				return LINE_BREAK;
			}
			if (!Character.isISOControl(c)) {
				continue;
			}
			boolean lineBreak = c == '\n' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n');
			if (!lineBreak) {
				return CONTROL;
			}
			if (!multiLine) {
				return LINE_BREAK;
			}
		}
		return null;
	}

}
