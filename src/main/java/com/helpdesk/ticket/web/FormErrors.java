package com.helpdesk.ticket.web;

import java.util.List;

import com.helpdesk.shared.InvalidInputException;

import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

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

	/**
	 * Browsers do not keep chosen files when a page comes back with a problem: say so
	 * next to the file field and in the error summary, naming them.
	 */
	static void askForFilesAgain(List<MultipartFile> uploads, BindingResult errors) {
		List<String> names = (uploads != null) ? uploads.stream()
			.filter((f) -> f != null && !f.isEmpty() && f.getOriginalFilename() != null)
			.map(MultipartFile::getOriginalFilename)
			.toList() : List.of();
		if (!names.isEmpty() && errors.hasErrors() && !errors.hasFieldErrors("attachments")) {
			errors.rejectValue("attachments", "attachments.chooseAgain", new Object[] { String.join(", ", names) },
					null);
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
