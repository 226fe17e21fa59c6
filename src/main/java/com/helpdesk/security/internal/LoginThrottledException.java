package com.helpdesk.security.internal;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for this name: the next try is allowed after {@link #until()}.
 */
public class LoginThrottledException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final Instant until;

	LoginThrottledException(Instant until) {
		super("Too many failed sign-in attempts");
		this.until = until;
	}

	Instant until() {
		return this.until;
	}

}
