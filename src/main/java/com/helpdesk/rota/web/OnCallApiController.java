package com.helpdesk.rota.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.rota.OnDuty;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.Rotas;
import com.helpdesk.rota.ShiftView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is on first-line support and who is on call now, per rota (staff).
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rotas")
class OnCallApiController {

	private final Rotas rotas;

	private final Directory directory;

	OnCallApiController(Rotas rotas, Directory directory) {
		this.rotas = rotas;
		this.directory = directory;
	}

	/**
	 * @param working whether the rota's hours are running now (first-line: the calendar
	 * is open; on call: it is closed)
	 */
	record RotaNow(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) RotaDuty duty,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "Whether the rota's hours are running now: first-line while the calendar is open, "
							+ "on call while it is closed") boolean working,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<PersonOnDuty> people) {

		static RotaNow of(OnDuty duty, Map<Long, Person> people) {
			return new RotaNow(duty.rotaId(), duty.rotaName(), duty.duty(), duty.working(),
					duty.shifts().stream().map((shift) -> PersonOnDuty.of(shift, people)).toList());
		}

	}

	record PersonOnDuty(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
					description = "null only for someone no longer in the directory") String email,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) String position,
			@Schema(requiredMode = RequiredMode.REQUIRED) Instant from,
			@Schema(requiredMode = RequiredMode.REQUIRED) Instant until) {

		static PersonOnDuty of(ShiftView view, Map<Long, Person> people) {
			Person person = people.get(view.shift().personId());
			return new PersonOnDuty(view.shift().personId(), (person != null) ? person.email() : null,
					view.personName(), view.shift().positionName(), view.shift().start(), view.shift().end());
		}

	}

	@GetMapping("/api/v1/oncall/now")
	@Operation(operationId = "getOnCallNow", summary = "Who is on first-line support and on call now, per rota")
	@ApiResponse(responseCode = "200", description = "Every rota with the people on it now")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	List<RotaNow> now() {
		List<OnDuty> duties = this.rotas.now();
		Map<Long, Person> people = this.directory.peopleById(
				duties.stream().flatMap((duty) -> duty.shifts().stream()).map((s) -> s.shift().personId()).toList());
		return duties.stream().map((duty) -> RotaNow.of(duty, people)).toList();
	}

}
