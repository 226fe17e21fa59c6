package com.helpdesk.directory;

/**
 * Create or change a client.
 */
public record ClientCommand(String name, Long planId, Long deliveryManagerId, boolean active) {
}
