package com.helpdesk.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.helpdesk.delivery.FeatureRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The feature-request backlog in the database. Requests and clients are counted from the
 * delivery requests that point at an item, through the clients of their tickets.
 */
@Repository
public class FeatureStore {

	private static final String SELECT = """
			select f.*,
			       (select count(*) from delivery_request r where r.feature_request_id = f.id) as requests,
			       (select count(distinct t.client_id) from delivery_request r join ticket t on t.id = r.ticket_id
			        where r.feature_request_id = f.id) as clients
			from feature_request f
			""";

	private final JdbcClient jdbc;

	FeatureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String title, String description, Long createdBy, Instant now) {
		return this.jdbc.sql("""
				insert into feature_request (title, description, created_by, created_at)
				values (?, ?, ?, ?) returning id
				""").params(title, description, createdBy, Timestamp.from(now)).query(Long.class).single();
	}

	public Optional<FeatureRequest> find(long id) {
		return this.jdbc.sql(SELECT + " where f.id = ?").param(id).query(FeatureStore::row).optional();
	}

	/**
	 * Items not merged into another, most asked for first.
	 */
	public List<FeatureRequest> open(int limit) {
		return this.jdbc
			.sql("select * from (" + SELECT + " where f.merged_into is null) b "
					+ "order by requests desc, clients desc, created_at desc, id limit ?")
			.param(limit)
			.query(FeatureStore::row)
			.list();
	}

	/**
	 * Points every request of one item at another and marks the first a duplicate;
	 * answers whether the duplicate was still at the version read.
	 */
	public boolean merge(long duplicateId, long duplicateVersion, long intoId) {
		int changed = this.jdbc.sql("""
				update feature_request set merged_into = ?, version = version + 1
				where id = ? and version = ? and merged_into is null
				""").params(intoId, duplicateId, duplicateVersion).update();
		if (changed == 0) {
			return false;
		}
		if (this.jdbc.sql("update feature_request set version = version + 1 where id = ? and merged_into is null")
			.param(intoId)
			.update() == 0) {
			// the target was merged away meanwhile: the caller's transaction undoes the
			// first update
			return false;
		}
		this.jdbc
			.sql("update delivery_request set feature_request_id = ?, version = version + 1 "
					+ "where feature_request_id = ?")
			.params(intoId, duplicateId)
			.update();
		return true;
	}

	private static FeatureRequest row(ResultSet rs, int n) throws SQLException {
		return new FeatureRequest(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
				(Long) rs.getObject("merged_into"), rs.getTimestamp("created_at").toInstant(), rs.getInt("requests"),
				rs.getInt("clients"), rs.getLong("version"));
	}

}
