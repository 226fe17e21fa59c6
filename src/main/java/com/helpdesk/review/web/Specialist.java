package com.helpdesk.review.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.GroupSummary;
import com.helpdesk.directory.Person;

/**
 * Someone a follow-up can name, as the select offers them: "Sam Specialist (Security
 * specialists)", so that the right specialist is easy to find.
 */
record Specialist(long id, String label) {

	static List<Specialist> all(Directory directory) {
		Map<Long, List<String>> groupsOf = new HashMap<>();
		for (GroupSummary group : directory.groups()) {
			group.memberIds().forEach((id) -> groupsOf.computeIfAbsent(id, (k) -> new ArrayList<>()).add(group.name()));
		}
		List<Specialist> all = new ArrayList<>();
		for (Person person : directory.staff()) {
			List<String> groups = groupsOf.getOrDefault(person.id(), List.of());
			all.add(new Specialist(person.id(),
					groups.isEmpty() ? person.name() : person.name() + " (" + String.join(", ", groups) + ")"));
		}
		return all;
	}

}
