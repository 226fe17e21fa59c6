package com.helpdesk.security.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(Authentication authentication, @RequestParam(required = false) String error,
			@RequestParam(required = false) String throttled, @RequestParam(required = false) String signedOut,
			Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("failed", error != null || throttled != null);
		model.addAttribute("throttled", throttled != null);
		model.addAttribute("signedOut", signedOut != null);
		return "login";
	}

}
