package com.helpdesk.directory;

import java.util.List;

/**
 * What a list can be narrowed to: every group, client and member of staff, each by id and
 * name, in name order; read in one statement for pages that show all three.
 */
public record Choices(List<Choice> groups, List<Choice> clients, List<Choice> staff) {

	/** One option of a select. */
	public record Choice(long id, String name) {
	}

}
