package com.helpdesk.web;

import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in person ({@code me}) for the header and navigation, and
 * trims what people type so that " " counts as empty.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	@ModelAttribute("me")
	Person me(@AuthenticationPrincipal HelpdeskUser user) {
		return (user != null) ? user.person() : null;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@InitBinder
	void trimStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
		binder.setDisallowedFields("id");
	}

}
