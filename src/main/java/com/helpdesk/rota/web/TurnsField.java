package com.helpdesk.rota.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;

/**
 * The order of people on a position as typed: a turn number next to each person, blank
 * for people not on it.
 */
final class TurnsField {

	private TurnsField() {
	}

	/**
	 * The people in turn order, or {@code null} after rejecting the field.
	 */
	static List<Long> order(Map<Long, String> turns, BindingResult errors, String field) {
		record Turn(long personId, int number) {
		}
		List<Turn> chosen = new ArrayList<>();
		Set<Integer> numbers = new HashSet<>();
		for (Map.Entry<Long, String> entry : turns.entrySet()) {
			String text = entry.getValue();
			if (text == null || text.isBlank()) {
				continue;
			}
			int number;
			try {
				number = Integer.parseInt(text.trim());
			}
			catch (NumberFormatException ex) {
				errors.rejectValue(field, "rota.members.turnNumber");
				return null;
			}
			if (number < 1 || !numbers.add(number)) {
				errors.rejectValue(field, "rota.members.turnNumber");
				return null;
			}
			chosen.add(new Turn(entry.getKey(), number));
		}
		chosen.sort(Comparator.comparingInt(Turn::number));
		return chosen.stream().map(Turn::personId).toList();
	}

	/**
	 * Turn numbers for people already in an order: 1 for the first, and so on.
	 */
	static Map<Long, String> of(List<Long> order) {
		Map<Long, String> turns = new java.util.HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			turns.put(order.get(i), String.valueOf(i + 1));
		}
		return turns;
	}

}
