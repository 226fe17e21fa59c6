package com.helpdesk.sla.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.PlanSummary;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.PlanCommand;
import com.helpdesk.sla.PlanSla;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.SlaTarget;
import com.helpdesk.sla.TargetText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans as configuration (ADMIN): name, calendar and targets.
 */
@RestController
@RequestMapping(path = "/api/v1/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Configuration")
class PlanApiController {

	private final SlaPolicies policies;

	private final Directory directory;

	PlanApiController(SlaPolicies policies, Directory directory) {
		this.policies = policies;
		this.directory = directory;
	}

	/**
	 * A target: {@code within} is an ISO-8601 duration or END_OF_BUSINESS_DAY.
	 */
	record Target(@Schema(requiredMode = RequiredMode.REQUIRED) Priority priority,
			@Schema(requiredMode = RequiredMode.REQUIRED) SlaMetric metric,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "PT4H",
					description = "An ISO-8601 duration (`P2D` is 2 × 24 h) or `END_OF_BUSINESS_DAY`") String within,
			@Schema(description = "BUSINESS (the calendar's open hours, when not given) or ALWAYS (24/7)") SlaClock clock) {
	}

	record PlanBody(@Schema(requiredMode = RequiredMode.REQUIRED) String name, String description,
			@Schema(description = "24/7 cover for critical issues; false when not given") Boolean outOfHoursCritical,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The calendar's id") Long calendar,
			@Schema(description = "The share of a target left at which a ticket is at risk; 0.25 when not given") Double atRiskShare,
			List<Target> targets) {
	}

	record PlanResource(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) String description,
			@Schema(requiredMode = RequiredMode.REQUIRED) boolean outOfHoursCritical,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
					description = "The calendar's id") Long calendar,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) Double atRiskShare,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<Target> targets) {

		static PlanResource of(PlanSummary plan, PlanSla sla) {
			return new PlanResource(plan.id(), plan.name(), plan.description(), plan.outOfHoursCritical(),
					(sla != null) ? sla.calendarId() : null, (sla != null) ? sla.atRiskShare() : null,
					(sla != null) ? sla.targets()
						.stream()
						.map((t) -> new Target(t.priority(), t.metric(), t.withinText(), t.clock()))
						.toList() : List.of());
		}

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Created",
			headers = @Header(name = "Location", description = "The new plan's address, `/api/v1/plans/{id}`",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@Operation(operationId = "createPlan", summary = "Create a plan with its calendar and targets",
			description = "A priority and metric with no target has no SLA.")
	ResponseEntity<PlanResource> create(@AuthenticationPrincipal HelpdeskUser user, @RequestBody PlanBody body) {
		long id = this.policies
			.createPlan(new PlanCommand(body.name(), body.description(), Boolean.TRUE.equals(body.outOfHoursCritical()),
					body.calendar(), (body.atRiskShare() != null) ? body.atRiskShare() : 0.25, targets(body.targets())),
					user.id());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(get(id));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getPlan", summary = "A plan")
	@ApiResponse(responseCode = "200", description = "Found")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	PlanResource get(@PathVariable long id) {
		return PlanResource.of(this.directory.plan(id), this.policies.plan(id).orElse(null));
	}

	@GetMapping
	@Operation(operationId = "listPlans", summary = "All plans")
	@ApiResponse(responseCode = "200", description = "All of them")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	List<PlanResource> list() {
		return this.directory.plans()
			.stream()
			.map((plan) -> PlanResource.of(plan, this.policies.plan(plan.id()).orElse(null)))
			.toList();
	}

	private static List<SlaTarget> targets(List<Target> given) {
		List<SlaTarget> targets = new ArrayList<>();
		if (given == null) {
			return targets;
		}
		for (Target target : given) {
			if (target == null || target.priority() == null || target.metric() == null || target.within() == null) {
				throw new InvalidInputException("targets", "plan.target.unreadable");
			}
			try {
				var within = TargetText.parse(target.within());
				targets.add(new SlaTarget(target.priority(), target.metric(), within, within == null,
						(target.clock() != null) ? target.clock() : SlaClock.BUSINESS));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("targets", "plan.target.unreadable");
			}
		}
		return targets;
	}

}
