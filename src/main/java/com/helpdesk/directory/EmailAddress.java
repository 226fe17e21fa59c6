package com.helpdesk.directory;

import java.util.Locale;

/**
 * How an email address is compared everywhere it is looked up (signing in, its throttle,
 * whether an address is taken): trimmed and in lower case, worked out here once and
 * matched exactly. An address whose letters lower-case differently by different rules is
 * ambiguous and refused: the dotted capital İ becomes two characters in Java ("i" and a
 * combining dot) and one in PostgreSQL, so it could name one account under two names.
 */
public final class EmailAddress {

	private EmailAddress() {
	}

	/**
	 * The address as it is stored and compared.
	 */
	public static String normalised(String address) {
		return (address != null) ? address.trim().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * Whether lower-casing the address as a whole and letter by letter give different
	 * answers.
	 */
	public static boolean ambiguous(String address) {
		if (address == null) {
			return false;
		}
		String trimmed = address.trim();
		StringBuilder letterByLetter = new StringBuilder(trimmed.length());
		trimmed.codePoints().map(Character::toLowerCase).forEach(letterByLetter::appendCodePoint);
		return !letterByLetter.toString().equals(trimmed.toLowerCase(Locale.ROOT));
	}

}
