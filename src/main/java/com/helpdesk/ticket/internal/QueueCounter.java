package com.helpdesk.ticket.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.helpdesk.directory.Person;
import com.helpdesk.ticket.QueueCounts;
import com.helpdesk.ticket.QueueView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the sidebar's views for a person in one statement, each view counted only up to
 * {@link QueueCounts#CAP} (a {@code limit} inside every count, so the All view of a
 * million tickets reads a thousand index entries), and keeps the answer for a while
 * ({@code helpdesk.queue.counts-kept-for}, 30 s) per person and per instance: a queue
 * page that is reloaded or paged through does not count again.
 */
@Component
public class QueueCounter {

	/** The views the sidebar lists and counts, as the queue's own conditions select. */
	private static final List<QueueView> COUNTED = List.of(QueueView.MY_GROUPS, QueueView.NEW, QueueView.OPEN,
			QueueView.PENDING, QueueView.BREACHING_SOON, QueueView.BREACHED, QueueView.MINE, QueueView.UNASSIGNED,
			QueueView.SOLVED, QueueView.ALL);

	/** Beyond this many people kept, counts already out of date are dropped. */
	private static final int TIDY_ABOVE = 2000;

	private static final String SQL = sql();

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final Duration keptFor;

	private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

	QueueCounter(NamedParameterJdbcTemplate jdbc, Clock clock,
			@Value("${helpdesk.queue.counts-kept-for:30s}") Duration keptFor) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keptFor = keptFor;
	}

	/**
	 * The person's counts, as counted at most {@code counts-kept-for} ago.
	 */
	public QueueCounts counts(Person viewer) {
		long now = this.clock.millis();
		Kept known = this.kept.get(viewer.id());
		if (known != null && known.until() > now && known.countedAt() <= now) {
			return known.counts();
		}
		QueueCounts counts = count(viewer);
		if (this.kept.size() > TIDY_ABOVE) {
			this.kept.values().removeIf((k) -> k.until() <= now);
		}
		this.kept.put(viewer.id(), new Kept(counts, now, now + this.keptFor.toMillis()));
		return counts;
	}

	/**
	 * Counts now, without what is kept.
	 */
	QueueCounts count(Person viewer) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("me", viewer.id())
			.addValue("now", Timestamp.from(this.clock.instant()));
		Map<QueueView, Integer> views = new EnumMap<>(QueueView.class);
		Map<Long, Integer> groups = new HashMap<>();
		List<Long> mine = new ArrayList<>();
		this.jdbc.query(SQL, params, (rs) -> {
			String kind = rs.getString("kind");
			int n = rs.getInt("n");
			switch (kind) {
				case "GROUP" -> groups.put(rs.getLong("group_id"), n);
				case "MEMBER" -> mine.add(rs.getLong("group_id"));
				default -> views.put(QueueView.valueOf(kind), n);
			}
		});
		return new QueueCounts(Map.copyOf(views), Map.copyOf(groups), List.copyOf(mine));
	}

	private static String sql() {
		List<String> parts = new ArrayList<>();
		for (QueueView view : COUNTED) {
			parts.add("select '" + view.name() + "' as kind, null::bigint as group_id, " + counted(view) + " as n");
		}
		parts.add("select 'GROUP', g.id, "
				+ counted("ticket t", QueueQuery.condition(QueueView.GROUP).replace(":viewGroup", "g.id"))
				+ " from support_group g");
		parts.add("select 'MEMBER', gm.group_id, 0 from group_member gm where gm.user_id = :me");
		return String.join("\nunion all ", parts);
	}

	/**
	 * A view's count by its list's own condition; the SLA views from the SLA module's
	 * table alone, whose partial indexes hold exactly their tickets (its {@code solved}
	 * follows the ticket's status).
	 */
	private static String counted(QueueView view) {
		return switch (view) {
			case BREACHING_SOON -> counted("sla_ticket s", QueueQuery.AT_RISK);
			case BREACHED -> counted("sla_ticket s", "s.breached and not s.solved");
			default -> counted("ticket t", QueueQuery.condition(view));
		};
	}

	private static String counted(String from, String condition) {
		return "(select count(*) from (select 1 from " + from + " where " + condition + " limit "
				+ (QueueCounts.CAP + 1) + ") x)";
	}

	private record Kept(QueueCounts counts, long countedAt, long until) {
	}

}
