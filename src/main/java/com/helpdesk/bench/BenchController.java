package com.helpdesk.bench;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import com.helpdesk.security.HelpdeskUser;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The load benchmark's endpoints, for staff, in the bench profile only.
 */
@Controller
@Profile("bench")
class BenchController {

	/**
	 * The agents' queue statement (the New view's first page: oldest first, with client,
	 * requester, assignee and group names), written out by hand.
	 */
	private static final String NEW_QUEUE = """
			select t.id, t.subject, t.type, t.status, t.priority, c.name as client_name, r.name as requester_name,
			       a.name as assignee_name, g.name as group_name, t.created_at, t.updated_at
			from ticket t
			join client c on c.id = t.client_id
			join app_user r on r.id = t.requester_id
			left join app_user a on a.id = t.assignee_id
			left join support_group g on g.id = t.group_id
			where t.status = 'NEW'
			order by t.created_at asc, t.id asc
			limit 26
			""";

	record RawRow(long id, String subject, String type, String status, String priority, String client, String requester,
			String assignee, String group, Timestamp createdAt, Timestamp updatedAt) {
	}

	private final JdbcTemplate jdbc;

	private final StatementStatistics statistics;

	BenchController(JdbcTemplate jdbc, StatementStatistics statistics) {
		this.jdbc = jdbc;
		this.statistics = statistics;
	}

	/**
	 * The raw-JDBC baseline: the same queue query with JdbcTemplate and a minimal
	 * template, behind the same sign-in and session.
	 */
	@GetMapping("/bench/raw-queue")
	String rawQueue(@AuthenticationPrincipal HelpdeskUser user, Model model) {
		staff(user);
		// a prepared statement, as any JDBC code would use: PostgreSQL keeps its plan (a
		// plain Statement has it planned again on every request)
		List<RawRow> rows = this.jdbc.query((connection) -> connection.prepareStatement(NEW_QUEUE),
				(rs, n) -> new RawRow(rs.getLong("id"), rs.getString("subject"), rs.getString("type"),
						rs.getString("status"), rs.getString("priority"), rs.getString("client_name"),
						rs.getString("requester_name"), rs.getString("assignee_name"), rs.getString("group_name"),
						rs.getTimestamp("created_at"), rs.getTimestamp("updated_at")));
		model.addAttribute("rows", rows.subList(0, Math.min(25, rows.size())));
		return "bench/raw-queue";
	}

	/**
	 * Requests and SQL statements per route since the last call, which starts the count
	 * afresh.
	 */
	@GetMapping(path = "/bench/statements", produces = "application/json")
	@ResponseBody
	Map<String, StatementStatistics.Route> statements(@AuthenticationPrincipal HelpdeskUser user,
			@RequestParam(defaultValue = "true") boolean reset) {
		staff(user);
		Map<String, StatementStatistics.Route> read = this.statistics.read();
		if (reset) {
			this.statistics.reset();
		}
		return read;
	}

	private static void staff(HelpdeskUser user) {
		if (user == null || !user.person().isStaff()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

}
