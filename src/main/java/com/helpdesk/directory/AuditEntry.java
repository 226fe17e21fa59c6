package com.helpdesk.directory;

import java.time.Instant;

/**
 * One change an administrator made, as the history on the edit page shows it.
 *
 * @param actorName {@code null} when the helpdesk itself made it (demo data, imports)
 */
public record AuditEntry(Instant at, String actorName, String action, String details) {
}
