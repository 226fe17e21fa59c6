package com.helpdesk.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The JSON side of the text rule: a body with a string holding a control character (other
 * than line breaks and tabs) anywhere in it is refused before it is read into its record,
 * naming the field by its path ({@code events[2].body}); Jackson would otherwise trim
 * some away unseen (an enum, a date) and pass others on to the database. A body that
 * cannot be read for another reason (an object where text belongs) names its field too,
 * in the problem's {@code errors}.
 */
@ControllerAdvice
class JsonTextRules extends RequestBodyAdviceAdapter {

	private final JsonMapper json;

	JsonTextRules(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = input.getHeaders().getContentType();
		if (type == null
				|| !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"))) {
			return input;
		}
		byte[] body = input.getBody().readAllBytes();
		JsonNode tree;
		try {
			tree = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			// not JSON: the converter says so as it always has
			tree = null;
		}
		List<JacksonException.Reference> path = new ArrayList<>();
		if (tree != null && !check(tree, path)) {
			ControlCharacterException unsafe = new ControlCharacterException();
			for (int i = path.size() - 1; i >= 0; i--) {
				unsafe.prependPath(path.get(i));
			}
			throw new HttpMessageNotReadableException("A string holds a control character", unsafe, input);
		}
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}

		};
	}

	/**
	 * The fields a body that could not be read is wrong in, as {@code events[2].body};
	 * none when the JSON itself is broken.
	 */
	static List<FieldError> fieldErrors(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				String key = (cause instanceof ControlCharacterException) ? TextRules.CONTROL
						: (cause instanceof InvalidFormatException) ? "errors.badValue" : "errors.wrongType";
				return List.of(new FieldError(path(jackson.getPath()), key));
			}
		}
		return List.of();
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * A control character in a JSON string.
	 */
	static final class ControlCharacterException extends MismatchedInputException {

		ControlCharacterException() {
			super(null, "A string holds a control character", String.class);
		}

	}

	/**
	 * Whether every string (and every field name) in a tree keeps the rule; the path
	 * holds where the first that does not is.
	 */
	private static boolean check(JsonNode node, List<JacksonException.Reference> path) {
		if (node.isString()) {
			return !TextRules.hasForbiddenCharacter(node.asString());
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				path.add(new JacksonException.Reference(node, i));
				if (!check(node.get(i), path)) {
					return false;
				}
				path.remove(path.size() - 1);
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				boolean safeName = !TextRules.hasForbiddenCharacter(field.getKey());
				path.add(new JacksonException.Reference(node,
						safeName ? field.getKey() : field.getKey().replaceAll("\\p{Cntrl}", "?")));
				if (!safeName || !check(field.getValue(), path)) {
					return false;
				}
				path.remove(path.size() - 1);
			}
		}
		return true;
	}

}
