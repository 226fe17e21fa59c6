package com.helpdesk.rota.web;

import java.time.Instant;
import java.util.List;

import com.helpdesk.rota.OnDuty;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.Rotas;
import com.helpdesk.rota.ShiftView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is on first-line support and who is on call now, per rota (staff).
 */
@RestController
@Tag(name = "Rotas")
class OnCallApiController {

	private final Rotas rotas;

	OnCallApiController(Rotas rotas) {
		this.rotas = rotas;
	}

	/**
	 * @param working whether the rota's hours are running now (first-line: the calendar
	 * is open; on call: it is closed)
	 */
	record RotaNow(long id, String name, RotaDuty duty, boolean working, List<PersonOnDuty> people) {

		static RotaNow of(OnDuty duty) {
			return new RotaNow(duty.rotaId(), duty.rotaName(), duty.duty(), duty.working(),
					duty.shifts().stream().map(PersonOnDuty::of).toList());
		}

	}

	record PersonOnDuty(long id, String name, String position, Instant from, Instant until) {

		static PersonOnDuty of(ShiftView view) {
			return new PersonOnDuty(view.shift().personId(), view.personName(), view.shift().positionName(),
					view.shift().start(), view.shift().end());
		}

	}

	@GetMapping("/api/v1/oncall/now")
	@Operation(summary = "Who is on first-line support and on call now, per rota")
	List<RotaNow> now() {
		return this.rotas.now().stream().map(RotaNow::of).toList();
	}

}
