package com.helpdesk.ticket.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.ticket.NewAttachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How big and how many files may come with one request, reply or note.
 */
@ConfigurationProperties("helpdesk.attachments")
public record AttachmentRules(DataSize maxFileSize, int maxFiles) {

	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Zl}\\p{Zp}]");

	/**
	 * The files that were really chosen: browsers send an empty part when none is.
	 */
	public static List<NewAttachment> chosen(List<NewAttachment> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter((f) -> f != null && f.content().length > 0).toList();
	}

	public List<FieldError> problems(List<NewAttachment> files) {
		List<FieldError> errors = new ArrayList<>();
		if (files.size() > this.maxFiles) {
			errors.add(new FieldError("attachments", "attachment.tooMany"));
		}
		if (files.stream().anyMatch((f) -> f.size() > this.maxFileSize.toBytes())) {
			errors.add(new FieldError("attachments", "attachment.tooLarge"));
		}
		return errors;
	}

	/**
	 * A file name safe to store and show: no folders, no control characters, nothing
	 * invisible (see {@link #visible}), not too long.
	 */
	public static String safeFilename(String original) {
		String name = (original != null) ? original : "";
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = visible(name.substring(slash + 1).replaceAll("[\\p{Cntrl}\"]", "")).trim();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "attachment";
		}
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	/**
	 * A name with every character that changes how it reads without being seen (the
	 * right-to-left override U+202E, which makes a program's name end in what reads as
	 * ".pdf"; zero-width spaces and joiners; other format characters; line and paragraph
	 * separators) written out as a backslash, "u" and its hex code, so it shows as what
	 * it is.
	 */
	public static String visible(String name) {
		if (name == null || !INVISIBLE.matcher(name).find()) {
			return name;
		}
		StringBuilder shown = new StringBuilder(name.length() + 16);
		name.codePoints().forEach((codePoint) -> {
			int type = Character.getType(codePoint);
			if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
				shown.append(String.format(java.util.Locale.ROOT, "\\u%04X", codePoint));
			}
			else {
				shown.appendCodePoint(codePoint);
			}
		});
		return shown.toString();
	}

	/**
	 * A plain media type for the upload's declared type, or a generic one.
	 */
	public static String safeContentType(String declared) {
		if (declared == null || !declared.matches("[a-zA-Z0-9.+-]+/[a-zA-Z0-9.+-]+(;.*)?")) {
			return "application/octet-stream";
		}
		String type = declared.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
		return (type.length() > 120) ? "application/octet-stream" : type;
	}

}
