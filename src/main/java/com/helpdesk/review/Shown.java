package com.helpdesk.review;

import java.util.List;

/**
 * A list cut at a limit, so that a page stays fast however many tickets there are.
 *
 * @param more how many more there are beyond those shown; {@code null} where counting
 * them would not be cheap
 */
public record Shown<T>(List<T> rows, int limit, Long more) {

	public Shown {
		rows = List.copyOf(rows);
	}

	/**
	 * The rows, with a count of the rest only when the limit was reached.
	 */
	static <T> Shown<T> of(List<T> rows, int limit, java.util.function.LongSupplier total) {
		return new Shown<>(rows, limit, (rows.size() < limit) ? 0L : Math.max(0, total.getAsLong() - rows.size()));
	}

	/**
	 * The rows, without counting the rest.
	 */
	static <T> Shown<T> uncounted(List<T> rows, int limit) {
		return new Shown<>(rows, limit, (rows.size() < limit) ? 0L : null);
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	/**
	 * How many there are in all, when known.
	 */
	public Long total() {
		return (this.more != null) ? this.rows.size() + this.more : null;
	}

}
