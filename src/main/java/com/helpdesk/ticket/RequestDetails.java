package com.helpdesk.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.TextRules;

/**
 * The fields a request type asks for on top of subject and description. Only the fields
 * of the ticket's type are kept.
 */
public record RequestDetails(String stepsToReproduce, String expectedOutcome, String actualOutcome, String application,
		String environment, ServerSpec serverSpec, LocalDate wantedBy, String desiredOutcome, String impact,
		Instant startedAt, String service, String system, String accessLevel, String reason) {

	public static final int SHORT_TEXT = 200;

	public static final int LONG_TEXT = 10_000;

	public static RequestDetails none() {
		return new RequestDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * The server a deployment needs.
	 */
	public record ServerSpec(String cpu, String memory, String disk, String os) {
	}

	/**
	 * These details with every field that does not belong to {@code type} dropped and
	 * text trimmed.
	 */
	public RequestDetails forType(RequestType type) {
		ServerSpec spec = (this.serverSpec != null) ? this.serverSpec : new ServerSpec(null, null, null, null);
		return switch (type) {
			case BUG -> new RequestDetails(trim(this.stepsToReproduce), trim(this.expectedOutcome),
					trim(this.actualOutcome), null, null, null, null, null, null, null, null, null, null, null);
			case DEPLOYMENT -> new RequestDetails(null, null, null, trim(this.application), trim(this.environment),
					new ServerSpec(trim(spec.cpu()), trim(spec.memory()), trim(spec.disk()), trim(spec.os())),
					this.wantedBy, null, null, null, null, null, null, null);
			case DEVELOPMENT_SUPPORT -> new RequestDetails(null, null, null, null, null, null, null,
					trim(this.desiredOutcome), null, null, null, null, null, null);
			case INCIDENT -> new RequestDetails(null, null, null, null, null, null, null, null, trim(this.impact),
					this.startedAt, trim(this.service), null, null, null);
			case ACCESS -> new RequestDetails(null, null, null, null, null, null, null, null, null, null, null,
					trim(this.system), trim(this.accessLevel), trim(this.reason));
			case QUESTION -> none();
		};
	}

	/**
	 * What is missing or wrong for {@code type}, field by field. {@code today} and
	 * {@code now} are the requester's, for the date rules.
	 */
	public List<FieldError> problems(RequestType type, LocalDate today, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		switch (type) {
			case BUG -> {
				long_(errors, "stepsToReproduce", this.stepsToReproduce, true);
				long_(errors, "expectedOutcome", this.expectedOutcome, true);
				long_(errors, "actualOutcome", this.actualOutcome, true);
			}
			case DEPLOYMENT -> {
				short_(errors, "application", this.application, true);
				short_(errors, "environment", this.environment, true);
				ServerSpec spec = (this.serverSpec != null) ? this.serverSpec : new ServerSpec(null, null, null, null);
				short_(errors, "serverSpec.cpu", spec.cpu(), true);
				short_(errors, "serverSpec.memory", spec.memory(), true);
				short_(errors, "serverSpec.disk", spec.disk(), true);
				short_(errors, "serverSpec.os", spec.os(), true);
				if (this.wantedBy == null) {
					errors.add(new FieldError("wantedBy", "request.wantedBy.required"));
				}
				else if (this.wantedBy.isBefore(today)) {
					errors.add(new FieldError("wantedBy", "request.wantedBy.past"));
				}
			}
			case DEVELOPMENT_SUPPORT -> long_(errors, "desiredOutcome", this.desiredOutcome, true);
			case INCIDENT -> {
				long_(errors, "impact", this.impact, true);
				short_(errors, "service", this.service, true);
				if (this.startedAt == null) {
					errors.add(new FieldError("startedAt", "request.startedAt.required"));
				}
				else if (this.startedAt.isAfter(now.plusSeconds(300))) {
					errors.add(new FieldError("startedAt", "request.startedAt.future"));
				}
			}
			case ACCESS -> {
				short_(errors, "system", this.system, true);
				short_(errors, "accessLevel", this.accessLevel, true);
				long_(errors, "reason", this.reason, true);
			}
			case QUESTION -> {
			}
		}
		return errors;
	}

	/**
	 * What does not fit, for details brought from another helpdesk: they need not be
	 * complete, but what there is must fit its column.
	 */
	public List<FieldError> unfit(RequestType type) {
		RequestDetails kept = forType(type);
		ServerSpec spec = (kept.serverSpec != null) ? kept.serverSpec : new ServerSpec(null, null, null, null);
		List<FieldError> errors = new ArrayList<>();
		long_(errors, "stepsToReproduce", kept.stepsToReproduce, false);
		long_(errors, "expectedOutcome", kept.expectedOutcome, false);
		long_(errors, "actualOutcome", kept.actualOutcome, false);
		short_(errors, "application", kept.application, false);
		short_(errors, "environment", kept.environment, false);
		short_(errors, "serverSpec.cpu", spec.cpu(), false);
		short_(errors, "serverSpec.memory", spec.memory(), false);
		short_(errors, "serverSpec.disk", spec.disk(), false);
		short_(errors, "serverSpec.os", spec.os(), false);
		long_(errors, "desiredOutcome", kept.desiredOutcome, false);
		long_(errors, "impact", kept.impact, false);
		short_(errors, "service", kept.service, false);
		short_(errors, "system", kept.system, false);
		short_(errors, "accessLevel", kept.accessLevel, false);
		long_(errors, "reason", kept.reason, false);
		return errors;
	}

	private static void short_(List<FieldError> errors, String field, String value, boolean required) {
		check(errors, field, value, required, SHORT_TEXT, false);
	}

	private static void long_(List<FieldError> errors, String field, String value, boolean required) {
		check(errors, field, value, required, LONG_TEXT, true);
	}

	private static void check(List<FieldError> errors, String field, String value, boolean required, int max,
			boolean multiLine) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "request." + field + ".required"));
			}
		}
		else if (multiLine) {
			TextRules.text(errors, field, value.trim(), max, "request.tooLong." + max);
		}
		else {
			TextRules.line(errors, field, value.trim(), max, "request.tooLong." + max);
		}
	}

	private static String trim(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
