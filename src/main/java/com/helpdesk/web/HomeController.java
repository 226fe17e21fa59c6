package com.helpdesk.web;

import com.helpdesk.security.HelpdeskUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sends each person to their home page: requesters to their requests, administrators to
 * administration, managers to the service levels, other staff to the ticket queues.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal HelpdeskUser user) {
		return switch (user.person().role()) {
			case REQUESTER -> "redirect:/requests";
			case ADMIN -> "redirect:/admin";
			case MANAGER -> "redirect:/dashboard/sla";
			case DELIVERY_MANAGER -> "redirect:/delivery";
			default -> "redirect:/tickets";
		};
	}

}
