package com.helpdesk.shared;

/**
 * A request that is well formed but conflicts with the current state (409): a forbidden
 * status transition, a stale version, a duplicate name. The message key explains it to
 * people.
 */
public class ConflictException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	public ConflictException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
