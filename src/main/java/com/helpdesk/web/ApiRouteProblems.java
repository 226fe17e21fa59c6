package com.helpdesk.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.helpdesk.shared.ProblemResponses;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api} that reach no operation (an unknown path, a method or media
 * type the path does not take, an answer the client does not accept) are problem details
 * too, with the headers that say what would work ({@code Allow}, {@code Accept}), instead
 * of Boot's default error body. Pages keep their error pages.
 * <p>
 * A resolver rather than advice: these are raised before there is a controller to advise.
 */
@Component
class ApiRouteProblems implements HandlerExceptionResolver, Ordered {

	private final MessageSource messages;

	ApiRouteProblems(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public int getOrder() {
		// before Spring MVC's own resolvers, which would answer these for pages
		return -1;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!isApi(request) || response.isCommitted()) {
			return null;
		}
		String detail;
		if (ex instanceof NoHandlerFoundException || ex instanceof NoResourceFoundException) {
			detail = text("errors.api.notFound");
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException method) {
			detail = text("errors.api.methodNotAllowed", method.getMethod());
		}
		else if (ex instanceof HttpMediaTypeNotSupportedException) {
			detail = text("errors.api.unsupportedMediaType");
		}
		else if (ex instanceof HttpMediaTypeNotAcceptableException) {
			detail = text("errors.api.notAcceptable");
		}
		else {
			return null;
		}
		ErrorResponse error = (ErrorResponse) ex;
		error.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		int status = error.getStatusCode().value();
		try {
			ProblemResponses.write(response, status, HttpStatus.valueOf(status).getReasonPhrase(), detail);
		}
		catch (IOException writeFailed) {
			return null;
		}
		return new ModelAndView();
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
