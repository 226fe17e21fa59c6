package com.helpdesk.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} says about the API as a whole: its name, how to sign in, and
 * the problem details every operation may answer. Operations name the problems they can
 * answer as {@code #/components/responses/NotFound} and so on; every one needs signing
 * in, so each is given the 401 here.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM_JSON = "application/problem+json";

	static {
		// one named schema per enumeration (TicketStatus, Priority...), so a generated
		// client has one type for each, not one per field
		ModelResolver.enumsAsRef = true;
	}

	@Bean
	OpenAPI helpdeskApi() {
		return new OpenAPI()
			.info(new Info().title("Helpdesk API")
				.version("v1")
				.description("Tickets of the helpdesk, with the same rules and access as its pages. Sign in with "
						+ "HTTP Basic or a personal token from your profile page. Every error, on every path under "
						+ "`/api` (an unknown path, a wrong method or media type too), is an RFC 9457 problem "
						+ "detail (`application/problem+json`); invalid input lists the fields at fault under "
						+ "`errors`. A stale `version` answers 409. Requesters see their own client's tickets "
						+ "without the team's triage data (assignee, group, tags, SLA clocks)."))
			// relative: the API is wherever this description is served from
			.servers(List.of(new Server().url("/")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("hd_…"))
				.addSchemas("FieldProblem", fieldProblem())
				.addSchemas("Problem", problem())
				.addResponses("BadRequest",
						response("The input is not valid: `errors` lists each field at fault and what to do."))
				.addResponses("Unauthorized",
						response("Not signed in: no credentials, wrong ones, or an unknown or revoked token.")
							.addHeaderObject("WWW-Authenticate",
									new Header()
										.description("`Basic realm=\"Helpdesk\"` and `Bearer realm=\"Helpdesk\"`")
										.schema(new StringSchema())))
				.addResponses("Forbidden", response("Your role may not do this."))
				.addResponses("NotFound", response("There is no such resource, or it is not yours to see."))
				.addResponses("Conflict",
						response("It changed since you read it (a stale `version`), or the change "
								+ "is not allowed in its current state; `detail` says which.")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

	@Bean
	OpenApiCustomizer everyOperationNeedsSigningIn() {
		return (api) -> api.getPaths()
			.values()
			.forEach((path) -> path.readOperations()
				.forEach((operation) -> operation.getResponses()
					.addApiResponse("401", new ApiResponse().$ref("#/components/responses/Unauthorized"))));
	}

	private static ApiResponse response(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problem() {
		return new ObjectSchema().description("An RFC 9457 problem detail.")
			.required(List.of("type", "title", "status"))
			.properties(
					Map.of("type", new StringSchema().format("uri").description("`about:blank`: the status says it"),
							"title", new StringSchema().description("The status in words, e.g. `Invalid input`"),
							"status", new IntegerSchema().format("int32"), "detail",
							new StringSchema().description("What went wrong, in plain words"), "instance",
							new StringSchema().format("uri").description("The path that was asked for"), "errors",
							new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
								.description("Invalid input only: each field at fault")));
	}

	@SuppressWarnings("rawtypes")
	private static Schema fieldProblem() {
		return new ObjectSchema().description("A field at fault and what to do about it.")
			.required(List.of("field", "message"))
			.properties(Map.of("field",
					new StringSchema().description("The field's name in the body (`serverSpec.cpu` for a nested one), "
							+ "or the parameter's or header's"),
					"message", new StringSchema().description("What to do, in plain words")));
	}

}
