package com.helpdesk.ticket;

/**
 * The agent workspace's ready-made views (New to acknowledge, Open waiting on us,
 * Pending). {@link #MY_GROUPS} is the New and Open work of the viewer's groups, where a
 * group member lands.
 */
public enum QueueView {

	NEW("new"), OPEN("open"), PENDING("pending"), MINE("mine"), UNASSIGNED("unassigned"), GROUP("group"),
	BREACHING_SOON("breaching"), BREACHED("breached"), SOLVED("solved"), UNSOLVED("unsolved"), ALL("all"),
	MY_GROUPS("my-groups");

	private final String slug;

	QueueView(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return this.slug;
	}

	public static QueueView fromSlug(String slug) {
		for (QueueView view : values()) {
			if (view.slug.equals(slug)) {
				return view;
			}
		}
		return null;
	}

}
