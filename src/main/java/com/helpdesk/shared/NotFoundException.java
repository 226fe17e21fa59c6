package com.helpdesk.shared;

/**
 * Something the person asked for does not exist, or exists but is not theirs to see: both
 * answer 404 so that another client's data never leaks by its existence.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
