package com.helpdesk.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a rendered page as its reader would: its title, the error summary, the message
 * next to a field.
 */
public final class Pages {

	private Pages() {
	}

	public static String title(String page) {
		Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(page);
		assertThat(title.find()).as("the page has a title").isTrue();
		return text(title.group(1));
	}

	/**
	 * The message shown next to a field, as a screen reader reads it.
	 */
	public static String errorNextTo(String page, String field) {
		Matcher message = Pattern
			.compile("<p[^>]*\\bid=\"" + Pattern.quote(field) + "-error\"[^>]*>(.*?)</p>", Pattern.DOTALL)
			.matcher(page);
		assertThat(message.find()).as("an error message next to %s", field).isTrue();
		assertThat(message.group(0)).contains("govuk-error-message");
		return text(message.group(1));
	}

	/**
	 * The error summary's links, as the field each links to and its text.
	 */
	public static Map<String, String> summaryLinks(String page) {
		int start = page.indexOf("govuk-error-summary__list");
		assertThat(start).as("an error summary").isPositive();
		String list = page.substring(start, page.indexOf("</ul>", start));
		Map<String, String> links = new LinkedHashMap<>();
		Matcher link = Pattern.compile("<a href=\"#([^\"]+)\">(.*?)</a>", Pattern.DOTALL).matcher(list);
		while (link.find()) {
			links.merge(link.group(1), text(link.group(2)), (a, b) -> a + " | " + b);
		}
		return links;
	}

	public static String text(String html) {
		return html.replaceAll("<[^>]+>", " ")
			.replace("&#39;", "'")
			.replace("&quot;", "\"")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ")
			.strip();
	}

}
