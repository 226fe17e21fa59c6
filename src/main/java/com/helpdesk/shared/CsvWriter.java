package com.helpdesk.shared;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes CSV as RFC 4180 asks and as spreadsheets read it safely: rows end in CRLF, a
 * cell holding a comma, a quote or any line break ({@code \r} alone included) is quoted,
 * and a cell a spreadsheet would run as a formula (starting with {@code = + - @}, a tab
 * or a carriage return) starts with an apostrophe instead. Every export writes through
 * it.
 */
public final class CsvWriter {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final PrintWriter out;

	public CsvWriter(PrintWriter out) {
		this.out = out;
	}

	/**
	 * Writes one row; {@code null} cells are empty.
	 */
	public CsvWriter row(String... cells) {
		List<String> written = new ArrayList<>(cells.length);
		for (String cell : cells) {
			written.add(cell(cell));
		}
		this.out.print(String.join(",", written));
		this.out.print("\r\n");
		return this;
	}

	public void flush() {
		this.out.flush();
	}

	/**
	 * One cell as it is written.
	 */
	public static String cell(String value) {
		String text = (value != null) ? value : "";
		if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
