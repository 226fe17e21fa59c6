package com.helpdesk.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI description that clients are generated from: {@code docs/openapi.json} is
 * exactly what {@code /v3/api-docs} serves.
 */
@IntegrationTest
class OpenApiDescriptionTest {

	static final Path COMMITTED = Path.of("docs/openapi.json");

	private static final ObjectMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	@Autowired
	MockMvc mvc;

	@Test
	void theCommittedDescriptionIsTheOneServed() throws Exception {
		String live = canonical(this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		if (Boolean.getBoolean("helpdesk.openapi.write")) {
			Files.writeString(COMMITTED, live, StandardCharsets.UTF_8);
		}
		String committed = Files.exists(COMMITTED) ? canonical(Files.readString(COMMITTED, StandardCharsets.UTF_8))
				: "";
		assertThat(committed)
			.as("docs/openapi.json is not what /v3/api-docs serves. Write it anew with "
					+ "./mvnw test -Dtest=OpenApiDescriptionTest -Dhelpdesk.openapi.write=true, "
					+ "check the difference (git diff docs/openapi.json) and commit it")
			.isEqualTo(live);
	}

	@Test
	void everyOperationIsNamedAndDocumentsItsAnswers() throws Exception {
		JsonNode docs = CANONICAL.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
		List<String> ids = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				String where = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
				JsonNode operation = method.getValue();
				String id = operation.path("operationId").asString("");
				// readable names for generated clients: createTicket, not create_2
				assertThat(id).as(where).matches("[a-z][A-Za-z]+");
				ids.add(id);
				JsonNode responses = operation.get("responses");
				assertThat(responses.has("401")).as(where + " answers 401").isTrue();
				List<String> success = new ArrayList<>();
				for (Map.Entry<String, JsonNode> response : responses.properties()) {
					if (response.getKey().startsWith("2")) {
						success.add(response.getKey());
					}
					else {
						assertThat(response.getValue().path("$ref").asString(""))
							.as(where + " " + response.getKey() + " is a problem detail")
							.startsWith("#/components/responses/");
					}
				}
				assertThat(success).as(where).hasSize(1);
				if (method.getKey().equals("post")) {
					assertThat(success).as(where).containsExactly("201");
					assertThat(responses.get("201").path("headers").has("Location")).as(where).isTrue();
				}
			}
		}
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(docs.toString()).as("every body names its media type").doesNotContain("*/*");
	}

	private static String canonical(String json) {
		JsonNode tree = CANONICAL.readTree(json);
		return CANONICAL.writeValueAsString(CANONICAL.treeToValue(tree, Object.class)) + "\n";
	}

}
