package com.helpdesk.directory.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.ClientSummary;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.UserCommand;
import com.helpdesk.directory.UserRecord;
import com.helpdesk.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clients and people as configuration (ADMIN), so a team can keep its set-up as code and
 * move from another helpdesk.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Configuration")
class DirectoryApiController {

	private final Directory directory;

	private final DirectoryAdmin admin;

	DirectoryApiController(Directory directory, DirectoryAdmin admin) {
		this.directory = directory;
		this.admin = admin;
	}

	record ClientBody(@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The plan's id") Long plan,
			@Schema(description = "The named delivery manager's email") String deliveryManager) {
	}

	record ClientResource(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The plan's id") long plan,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
					description = "The named delivery manager's email") String deliveryManager,
			@Schema(requiredMode = RequiredMode.REQUIRED) boolean active) {
	}

	record UserBody(@Schema(requiredMode = RequiredMode.REQUIRED) String email,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) Role role,
			@Schema(nullable = true, description = "A requester's client id; null for staff") Long client,
			@Schema(requiredMode = RequiredMode.REQUIRED) String password,
			@Schema(description = "Europe/London when not given", example = "Europe/London") String timeZone,
			@Schema(description = "The ids of the groups they belong to") List<Long> groups) {
	}

	record UserResource(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String email,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) Role role,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
					description = "A requester's client id; null for staff") Long client,
			@Schema(requiredMode = RequiredMode.REQUIRED) String timeZone,
			@Schema(requiredMode = RequiredMode.REQUIRED) boolean enabled,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<Long> groups) {

		static UserResource of(UserRecord user) {
			return new UserResource(user.id(), user.email(), user.name(), user.role(), user.clientId(), user.timeZone(),
					user.enabled(), user.groupIds());
		}

	}

	@PostMapping("/api/v1/clients")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Created",
			headers = @Header(name = "Location", description = "The new client's address, `/api/v1/clients/{id}`",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@Operation(operationId = "createClient", summary = "Create a client on a plan")
	ResponseEntity<ClientResource> createClient(Authentication auth, @RequestBody ClientBody body) {
		Long deliveryManager = (body.deliveryManager() != null)
				? this.directory.findPersonByEmail(body.deliveryManager()).map((p) -> p.id()).orElse(-1L) : null;
		long id = apiNames(() -> this.admin
			.createClient(new ClientCommand(body.name(), body.plan(), deliveryManager, true), actor(auth)));
		return ResponseEntity.created(URI.create("/api/v1/clients/" + id)).body(client(id));
	}

	@GetMapping("/api/v1/clients/{id}")
	@Operation(operationId = "getClient", summary = "A client")
	@ApiResponse(responseCode = "200", description = "Found")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	ClientResource client(@PathVariable long id) {
		return resource(this.directory.client(id));
	}

	@GetMapping("/api/v1/clients")
	@Operation(operationId = "listClients", summary = "All clients")
	@ApiResponse(responseCode = "200", description = "All of them")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	List<ClientResource> clients() {
		return this.directory.clients().stream().map(this::resource).toList();
	}

	@PostMapping("/api/v1/users")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Created",
			headers = @Header(name = "Location", description = "The new person's address, `/api/v1/users/{id}`",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@Operation(operationId = "createUser", summary = "Create a person",
			description = "A requester names their `client`; staff have none.")
	ResponseEntity<UserResource> createUser(Authentication auth, @RequestBody UserBody body) {
		long id = apiNames(() -> this.admin.createUser(command(body), actor(auth)));
		return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(user(id));
	}

	@GetMapping("/api/v1/users/{id}")
	@Operation(operationId = "getUser", summary = "A person")
	@ApiResponse(responseCode = "200", description = "Found")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	UserResource user(@PathVariable long id) {
		return UserResource.of(this.directory.user(id));
	}

	@GetMapping("/api/v1/users")
	@Operation(operationId = "listUsers", summary = "Everyone, by name (at most 1000)")
	@ApiResponse(responseCode = "200", description = "All of them")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	List<UserResource> users() {
		return this.directory.userListing(null, null, 1000)
			.stream()
			.map((row) -> UserResource.of(this.directory.user(row.id())))
			.toList();
	}

	private ClientResource resource(ClientSummary client) {
		String dm = (client.deliveryManagerId() != null)
				? this.directory.findPerson(client.deliveryManagerId()).map((p) -> p.email()).orElse(null) : null;
		return new ClientResource(client.id(), client.name(), client.planId(), dm, client.active());
	}

	/**
	 * The directory names fields as its forms do; the API bodies call them otherwise.
	 */
	private static long apiNames(java.util.function.LongSupplier action) {
		try {
			return action.getAsLong();
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(ex.errors()
				.stream()
				.map((e) -> new InvalidInputException.FieldError(API_NAMES.getOrDefault(e.field(), e.field()),
						e.messageKey()))
				.toList());
		}
	}

	private static final java.util.Map<String, String> API_NAMES = java.util.Map.of("planId", "plan",
			"deliveryManagerId", "deliveryManager", "clientId", "client", "groupIds", "groups");

	private Long actor(Authentication auth) {
		return this.directory.findPersonByEmail(auth.getName()).map((p) -> p.id()).orElse(null);
	}

	private static UserCommand command(UserBody body) {
		return new UserCommand(body.email(), body.name(), body.role(), body.client(),
				(body.timeZone() != null) ? body.timeZone() : "Europe/London", body.password(), true,
				(body.groups() != null) ? Set.copyOf(body.groups()) : Set.of());
	}

}
