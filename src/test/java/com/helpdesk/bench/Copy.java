package com.helpdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows for PostgreSQL's COPY, in its text format, sent when the caller flushes (parents
 * before children, for the foreign keys).
 */
final class Copy {

	private final CopyManager copy;

	private final String statement;

	private final StringBuilder rows = new StringBuilder(1 << 20);

	private long count;

	Copy(Connection connection, String table, String columns) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
		this.statement = "COPY " + table + " (" + columns + ") FROM STDIN";
	}

	Copy row(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.rows.append('\t');
			}
			Object value = values[i];
			if (value == null) {
				this.rows.append("\\N");
			}
			else if (value instanceof Instant instant) {
				this.rows.append(instant.toString());
			}
			else {
				escape(value.toString());
			}
		}
		this.rows.append('\n');
		this.count++;
		return this;
	}

	long count() {
		return this.count;
	}

	void flush() {
		if (this.rows.isEmpty()) {
			return;
		}
		try {
			this.copy.copyIn(this.statement, new java.io.StringReader(this.rows.toString()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.rows.setLength(0);
	}

	private void escape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.rows.append("\\\\");
				case '\t' -> this.rows.append("\\t");
				case '\n' -> this.rows.append("\\n");
				case '\r' -> this.rows.append("\\r");
				default -> this.rows.append(c);
			}
		}
	}

}
