package com.helpdesk.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every answer carries, empty ones (redirects, 304, 401) included.
 * Spring Security writes them on everything that passes its filters; an answer made
 * before them (the 503 of a request that waited too long for its turn) writes them
 * itself.
 */
public final class SecurityHeaders {

	/** Pages: only the app's own scripts, styles and images; never in a frame. */
	public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	/** The API answers data, which loads nothing and is never framed. */
	public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	public static final String REFERRER_POLICY = "same-origin";

	private SecurityHeaders() {
	}

	/**
	 * Writes each header the answer does not have yet.
	 */
	public static void writeTo(HttpServletResponse response, String contentSecurityPolicy) {
		setIfAbsent(response, "X-Content-Type-Options", "nosniff");
		setIfAbsent(response, "X-Frame-Options", "DENY");
		setIfAbsent(response, "Referrer-Policy", REFERRER_POLICY);
		setIfAbsent(response, "Content-Security-Policy", contentSecurityPolicy);
	}

	private static void setIfAbsent(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

}
