package com.helpdesk.rota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strip on every staff page: who each rota has on now, and the handovers that need
 * the person looking.
 */
public record OnDutyNow(List<OnDuty> rotas, List<Handover> handovers) {

	/** First-line support now across its rotas, or {@code null} with no such rota. */
	public Duty firstLine() {
		return duty(RotaDuty.FIRST_LINE);
	}

	/** On call now across its rotas, or {@code null} with no such rota. */
	public Duty onCall() {
		return duty(RotaDuty.ON_CALL);
	}

	public boolean isEmpty() {
		return this.rotas.isEmpty() && this.handovers.isEmpty();
	}

	private Duty duty(RotaDuty duty) {
		// each person once, however many rotas of the duty they are on; two of one name
		// stay two
		Map<Long, String> names = new LinkedHashMap<>();
		boolean any = false;
		boolean working = false;
		for (OnDuty rota : this.rotas) {
			if (rota.duty() == duty) {
				any = true;
				working |= rota.working();
				rota.shifts().forEach((s) -> names.putIfAbsent(s.shift().personId(), s.personName()));
			}
		}
		return any ? new Duty(List.copyOf(names.values()), working) : null;
	}

	/**
	 * Everyone on one duty now, each name once, and whether its hours are running.
	 */
	public record Duty(List<String> names, boolean working) {

		/** How many names the strip shows: it stays one line; the rotas page has all. */
		static final int SHOWN = 3;

		public List<String> shown() {
			return this.names.subList(0, Math.min(SHOWN, this.names.size()));
		}

		/** How many more are on than {@link #shown()} names. */
		public int more() {
			return Math.max(0, this.names.size() - SHOWN);
		}

	}

}
