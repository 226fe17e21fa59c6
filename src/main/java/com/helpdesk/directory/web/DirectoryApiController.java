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
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clients and people as configuration (ADMIN), so a team can keep its set-up as code and
 * move from another helpdesk.
 */
@RestController
@Tag(name = "Configuration")
class DirectoryApiController {

	private final Directory directory;

	private final DirectoryAdmin admin;

	DirectoryApiController(Directory directory, DirectoryAdmin admin) {
		this.directory = directory;
		this.admin = admin;
	}

	record ClientBody(String name, Long plan, String deliveryManager) {
	}

	record ClientResource(long id, String name, long plan, String deliveryManager, boolean active) {
	}

	record UserBody(String email, String name, Role role, Long client, String password, String timeZone,
			List<Long> groups) {
	}

	record UserResource(long id, String email, String name, Role role, Long client, String timeZone, boolean enabled,
			List<Long> groups) {

		static UserResource of(UserRecord user) {
			return new UserResource(user.id(), user.email(), user.name(), user.role(), user.clientId(), user.timeZone(),
					user.enabled(), user.groupIds());
		}

	}

	@PostMapping("/api/v1/clients")
	@Operation(summary = "Create a client on a plan")
	ResponseEntity<ClientResource> createClient(Authentication auth, @RequestBody ClientBody body) {
		Long deliveryManager = (body.deliveryManager() != null)
				? this.directory.findPersonByEmail(body.deliveryManager()).map((p) -> p.id()).orElse(-1L) : null;
		long id = apiNames(() -> this.admin
			.createClient(new ClientCommand(body.name(), body.plan(), deliveryManager, true), actor(auth)));
		return ResponseEntity.created(URI.create("/api/v1/clients/" + id)).body(client(id));
	}

	@GetMapping("/api/v1/clients/{id}")
	@Operation(summary = "A client")
	ClientResource client(@PathVariable long id) {
		return resource(this.directory.client(id));
	}

	@GetMapping("/api/v1/clients")
	@Operation(summary = "All clients")
	List<ClientResource> clients() {
		return this.directory.clients().stream().map(this::resource).toList();
	}

	@PostMapping("/api/v1/users")
	@Operation(summary = "Create a person", description = "A requester names their `client`; staff have none.")
	ResponseEntity<UserResource> createUser(Authentication auth, @RequestBody UserBody body) {
		long id = apiNames(() -> this.admin.createUser(command(body), actor(auth)));
		return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(user(id));
	}

	@GetMapping("/api/v1/users/{id}")
	@Operation(summary = "A person")
	UserResource user(@PathVariable long id) {
		return UserResource.of(this.directory.user(id));
	}

	@GetMapping("/api/v1/users")
	@Operation(summary = "Everyone, by name (at most 1000)")
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
