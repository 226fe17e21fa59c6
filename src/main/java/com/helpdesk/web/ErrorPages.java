package com.helpdesk.web;

import java.util.Locale;

import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns what went wrong behind a page into a page that says so in plain words, with the
 * right status: 404 for what does not exist or is not yours, 409 for a conflict, 400 for
 * bad input. Never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badParameter(Exception ex) {
		return page(HttpStatus.BAD_REQUEST, null);
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return page(HttpStatus.CONFLICT, this.messages.getMessage(ex.messageKey(), ex.arguments(), Locale.UK));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView lostRace(OptimisticLockingFailureException ex) {
		return page(HttpStatus.CONFLICT, this.messages.getMessage("conflict.stale", null, Locale.UK));
	}

	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex) {
		String detail = ex.errors()
			.stream()
			.map((e) -> this.messages.getMessage(e.messageKey(), null, e.messageKey(), Locale.UK))
			.reduce((a, b) -> a + " " + b)
			.orElse(null);
		return page(HttpStatus.BAD_REQUEST, detail);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex) {
		log.info("Upload refused: {}", ex.getMessage());
		return page(HttpStatus.CONTENT_TOO_LARGE, null);
	}

	private static ModelAndView page(HttpStatus status, String detail) {
		ModelAndView page = new ModelAndView("error/" + status.value());
		page.setStatus(status);
		page.addObject("detail", detail);
		page.addObject("errorPage", true);
		return page;
	}

}
