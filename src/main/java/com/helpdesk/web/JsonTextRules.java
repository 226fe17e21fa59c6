package com.helpdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The JSON side of the text rule: a string holding a control character (other than line
 * breaks and tabs) is refused while the body is read, before any service sees it, and a
 * body that cannot be read names the field at fault (a string where a number belongs, an
 * object where a string does) in the problem's {@code errors}.
 */
@Configuration(proxyBeanMethods = false)
class JsonTextRules {

	@Bean
	JacksonModule textRulesModule() {
		SimpleModule module = new SimpleModule("helpdesk-text-rules");
		module.addDeserializer(String.class, new CheckedStrings());
		module.addDeserializer(JsonNode.class, new CheckedTrees());
		return module;
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

		ControlCharacterException(JsonParser parser) {
			super(parser, "A string holds a control character", String.class);
		}

	}

	/**
	 * Strings as Jackson reads them, refused if they hold a control character; the bean
	 * being read adds the field's name on the way out.
	 */
	static final class CheckedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (TextRules.hasForbiddenCharacter(value)) {
				throw new ControlCharacterException(parser);
			}
			return value;
		}

	}

	/**
	 * Bodies read as a tree (a PATCH, whose fields are all optional): every string in it
	 * is checked, and the first that breaks the rule is named by its path.
	 */
	static final class CheckedTrees extends ValueDeserializer<JsonNode> {

		@Override
		public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode tree = (JsonNode) JsonNodeDeserializer.getDeserializer(JsonNode.class)
				.deserialize(parser, context);
			List<JacksonException.Reference> path = new ArrayList<>();
			if (!check(tree, path)) {
				ControlCharacterException ex = new ControlCharacterException(parser);
				for (int i = path.size() - 1; i >= 0; i--) {
					ex.prependPath(path.get(i));
				}
				throw ex;
			}
			return tree;
		}

		@Override
		public JsonNode getNullValue(DeserializationContext context) {
			return (JsonNode) JsonNodeDeserializer.getDeserializer(JsonNode.class).getNullValue(context);
		}

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
					if (TextRules.hasForbiddenCharacter(field.getKey())) {
						path.add(new JacksonException.Reference(node, "?"));
						return false;
					}
					path.add(new JacksonException.Reference(node, field.getKey()));
					if (!check(field.getValue(), path)) {
						return false;
					}
					path.remove(path.size() - 1);
				}
			}
			return true;
		}

	}

}
