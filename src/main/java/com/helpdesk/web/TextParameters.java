package com.helpdesk.web;

import java.util.Locale;
import java.util.Map;

import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.TextRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ModelAndViewDefiningException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The safety net of the text rule for forms and query strings: a parameter holding a
 * control character (other than line breaks and tabs) is refused before the controller
 * runs, so nothing is half-saved and the database never sees it. Pages answer the 400
 * page naming the field, the API a problem listing it. Services check each field
 * themselves too, with the message next to it; this catches whatever reaches no check.
 */
@Configuration(proxyBeanMethods = false)
class TextParameters implements HandlerInterceptor, WebMvcConfigurer {

	private final MessageSource messages;

	TextParameters(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws ModelAndViewDefiningException {
		String field = firstUnsafe(request.getParameterMap());
		if (field == null) {
			return true;
		}
		if (handler instanceof HandlerMethod method
				&& (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
						|| method.hasMethodAnnotation(ResponseBody.class))) {
			throw new InvalidInputException(field, TextRules.CONTROL);
		}
		ModelAndView page = new ModelAndView("error/400");
		page.setStatus(HttpStatus.BAD_REQUEST);
		page.addObject("errorPage", true);
		page.addObject("detail", this.messages.getMessage("text.control.field", new Object[] { field }, Locale.UK));
		throw new ModelAndViewDefiningException(page);
	}

	/**
	 * The name of the first parameter whose name or value breaks the rule, shown with its
	 * control characters as question marks.
	 */
	static String firstUnsafe(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			boolean unsafe = TextRules.hasForbiddenCharacter(parameter.getKey());
			for (String value : parameter.getValue()) {
				unsafe = unsafe || TextRules.hasForbiddenCharacter(value);
			}
			if (unsafe) {
				return parameter.getKey().replaceAll("\\p{Cntrl}", "?");
			}
		}
		return null;
	}

}
