package com.helpdesk.shared;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one CSV writer of every export: RFC 4180 quoting, including a bare carriage return,
 * and no cell a spreadsheet would run as a formula.
 */
class CsvWriterTest {

	@Test
	void cellsASpreadsheetWouldRunAreDefused() {
		assertThat(CsvWriter.cell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
		assertThat(CsvWriter.cell("-1")).isEqualTo("'-1");
		assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvWriter.cell("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
		assertThat(CsvWriter.cell("=SUM(1,2)")).isEqualTo("\"'=SUM(1,2)\"");
	}

	@Test
	void cellsWithCommasQuotesOrAnyLineBreakAreQuoted() {
		assertThat(CsvWriter.cell("a, b")).isEqualTo("\"a, b\"");
		assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(CsvWriter.cell("a bare\rreturn")).isEqualTo("\"a bare\rreturn\"");
		assertThat(CsvWriter.cell("plain")).isEqualTo("plain");
		assertThat(CsvWriter.cell("")).isEmpty();
		assertThat(CsvWriter.cell(null)).isEmpty();
	}

	@Test
	void aBareCarriageReturnInACellCannotStartARow() {
		StringWriter text = new StringWriter();
		new CsvWriter(new PrintWriter(text)).row("name", "email").row("Ann\r2026-01,Eve,=HYPERLINK(1)", "a@b").flush();

		assertThat(text.toString()).isEqualTo("name,email\r\n\"Ann\r2026-01,Eve,=HYPERLINK(1)\",a@b\r\n");
	}

}
