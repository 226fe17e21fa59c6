package com.helpdesk.ticket;

import com.helpdesk.shared.ConflictException;

/**
 * A status change the lifecycle forbids (409).
 */
public class TransitionNotAllowedException extends ConflictException {

	public TransitionNotAllowedException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
