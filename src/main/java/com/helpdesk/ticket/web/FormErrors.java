package com.helpdesk.ticket.web;

import com.helpdesk.shared.InvalidInputException;

import org.springframework.validation.BindingResult;

/**
 * Puts the service's field errors next to the form's fields.
 */
final class FormErrors {

	private FormErrors() {
	}

	static void copy(InvalidInputException ex, BindingResult errors) {
		for (InvalidInputException.FieldError error : ex.errors()) {
			String field = RequestForm.FIELD_NAMES.getOrDefault(error.field(), error.field());
			if (errors.getTarget() != null && hasProperty(errors, field)) {
				errors.rejectValue(field, error.messageKey());
			}
			else {
				errors.reject(error.messageKey());
			}
		}
	}

	private static boolean hasProperty(BindingResult errors, String field) {
		try {
			return errors.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
