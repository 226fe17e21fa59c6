package com.helpdesk.directory;

import java.time.Instant;

/**
 * A client was put on a plan (when it was created, or moved to another). Published in the
 * transaction of the change.
 */
public record ClientPlanChanged(long clientId, long planId, Instant at, boolean created) {
}
