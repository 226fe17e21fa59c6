package com.helpdesk.ticket.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.directory.Choices;
import com.helpdesk.ticket.QueueCounts;
import com.helpdesk.ticket.QueueView;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the queue page shows around its list: the views of the side navigation with their
 * counts (My groups first for a group member), each group's count, and the line that says
 * what the view holds.
 */
@Component
class QueueSidebar {

	private static final List<QueueView> VIEWS = List.of(QueueView.NEW, QueueView.OPEN, QueueView.PENDING,
			QueueView.BREACHING_SOON, QueueView.BREACHED, QueueView.MINE, QueueView.UNASSIGNED, QueueView.SOLVED,
			QueueView.ALL);

	private final MessageSource messages;

	QueueSidebar(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The side navigation for someone looking at {@code shown}.
	 */
	Sidebar of(QueueView shown, QueueCounts counts, List<Choices.Choice> groups) {
		Locale locale = LocaleContextHolder.getLocale();
		List<QueueView> views = new ArrayList<>();
		if (counts.inAGroup() || shown == QueueView.MY_GROUPS) {
			views.add(QueueView.MY_GROUPS);
		}
		views.addAll(VIEWS);
		Map<String, Count> viewCounts = new HashMap<>();
		for (QueueView view : views) {
			viewCounts.put(view.slug(), count(counts.of(view), locale));
		}
		Map<Long, Count> groupCounts = new HashMap<>();
		for (Choices.Choice group : groups) {
			groupCounts.put(group.id(), count(counts.ofGroup(group.id()), locale));
		}
		return new Sidebar(List.copyOf(views), viewCounts, groupCounts, intro(shown, counts.inAGroup(), locale));
	}

	/**
	 * A count as shown: exact up to the cap, "1,000+" above it, with the word for screen
	 * readers.
	 */
	private Count count(Integer n, Locale locale) {
		if (n == null) {
			return null;
		}
		String shown = (n > QueueCounts.CAP)
				? text("queue.count.more", locale, String.format(Locale.UK, "%,d", QueueCounts.CAP))
				: String.format(Locale.UK, "%,d", n);
		return new Count(shown, text((n == 1) ? "queue.count.one" : "queue.count.many", locale));
	}

	private String intro(QueueView view, boolean inAGroup, Locale locale) {
		if (view == QueueView.GROUP) {
			return null;
		}
		if (view == QueueView.NEW && inAGroup) {
			return text("queue.intro.new.groups", locale);
		}
		if (view == QueueView.MY_GROUPS && !inAGroup) {
			return text("queue.intro.my-groups.none", locale);
		}
		return text("queue.intro." + view.slug(), locale);
	}

	private String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

	/**
	 * The side navigation's views, the counts by view slug and by group id ({@code null}
	 * when not counted), and the line under the heading.
	 */
	record Sidebar(List<QueueView> views, Map<String, Count> viewCounts, Map<Long, Count> groupCounts, String intro) {
	}

	/** A count shown after a view's name, and the word screen readers hear after it. */
	record Count(String shown, String spoken) {
	}

}
