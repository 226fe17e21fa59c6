package com.helpdesk.ticket;

/**
 * A request that may be sent again: the caller's {@code Idempotency-Key} and a
 * fingerprint of what was asked (a hash of the body), so a retry is recognised and a
 * different request under the same key is refused.
 */
public record IdempotentRequest(String key, String fingerprint) {

}
