package com.helpdesk.delivery;

import java.time.Instant;

/**
 * A feature request in the backlog, with how many requests and clients asked for it (its
 * own and those of the duplicates merged into it).
 *
 * @param mergedInto the item it was merged into, if it was a duplicate
 */
public record FeatureRequest(long id, String title, String description, Long mergedInto, Instant createdAt,
		int requests, int clients, long version) {

}
