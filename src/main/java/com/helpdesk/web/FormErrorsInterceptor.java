package com.helpdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Tells every page whether one of its forms came back with errors ({@code formErrors}),
 * so its title can start with "Error:" as GOV.UK pages do.
 */
@Configuration(proxyBeanMethods = false)
class FormErrorsInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getView() instanceof RedirectView
				|| (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"))) {
			return;
		}
		// a page may say so itself, for errors kept outside a binding result
		boolean errors = Boolean.TRUE.equals(modelAndView.getModel().get("formErrors")) || modelAndView.getModel()
			.values()
			.stream()
			.anyMatch((value) -> value instanceof BindingResult result && result.hasErrors());
		modelAndView.addObject("formErrors", errors);
	}

}
