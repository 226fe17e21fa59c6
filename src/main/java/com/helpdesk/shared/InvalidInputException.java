package com.helpdesk.shared;

import java.util.List;

/**
 * Input that breaks a rule the service layer checks (400). Each error names the field it
 * belongs to, so pages show it next to the field and the API lists it.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.toString());
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String messageKey) {
		this(List.of(new FieldError(field, messageKey)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One field's problem, as a message key resolved against {@code messages.properties}.
	 */
	public record FieldError(String field, String messageKey) {
	}

}
