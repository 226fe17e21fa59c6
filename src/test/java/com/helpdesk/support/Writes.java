package com.helpdesk.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether anything was saved while a test did something: PostgreSQL gives every
 * transaction that writes (or locks) a number, so a transaction committed since a mark is
 * a change saved; one rolled back saved nothing. Work other threads finish (events of an
 * earlier change) is waited for before the mark.
 */
public final class Writes {

	private Writes() {
	}

	/**
	 * The next transaction number, once the database has been quiet for a moment.
	 */
	public static long mark(JdbcClient jdbc) {
		long mark = next(jdbc);
		for (int tries = 0; tries < 50; tries++) {
			sleep(50);
			long now = next(jdbc);
			if (now == mark) {
				return mark;
			}
			mark = now;
		}
		return mark;
	}

	/**
	 * Whether a transaction numbered from {@code mark} on has committed.
	 */
	public static boolean committedSince(JdbcClient jdbc, long mark) {
		long next = next(jdbc);
		for (long xid = mark; xid < next; xid++) {
			String status = jdbc.sql("select pg_xact_status(cast(cast(? as text) as xid8))")
				.param(xid)
				.query(String.class)
				.single();
			if ("committed".equals(status)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The tables with rows written by transactions committed since {@code mark}, to say
	 * what a failing test saved.
	 */
	public static java.util.List<String> tablesWrittenSince(JdbcClient jdbc, long mark) {
		java.util.List<String> tables = jdbc
			.sql("select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace")
			.query(String.class)
			.list();
		java.util.List<String> written = new java.util.ArrayList<>();
		for (String table : tables) {
			Long rows = jdbc
				.sql("select count(*) from \"" + table + "\" where xmin::text::bigint >= ? and xmin::text::bigint < ?")
				.params(mark % (1L << 32), next(jdbc) % (1L << 32))
				.query(Long.class)
				.single();
			if (rows > 0) {
				written.add(table);
			}
		}
		return written;
	}

	private static long next(JdbcClient jdbc) {
		return jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint").query(Long.class).single();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
