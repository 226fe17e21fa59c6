package com.helpdesk.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem detail straight to a response, for answers given before
 * Spring MVC is reached (sign-in filters, the request limiter). Controllers answer with
 * {@code ProblemDetail} instead.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	/**
	 * The title and detail are fixed texts of ours, never user input: they are written as
	 * they are.
	 */
	public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
