package com.helpdesk.delivery.web;

import java.util.Locale;

import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.delivery.FeatureBacklog;
import com.helpdesk.delivery.FeatureRequest;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The feature-request backlog: what was asked for, by how many requests and clients, and
 * merging duplicates.
 */
@Controller
class BacklogController {

	private final FeatureBacklog backlog;

	private final DeliveryRequests requests;

	private final MessageSource messages;

	BacklogController(FeatureBacklog backlog, DeliveryRequests requests, MessageSource messages) {
		this.backlog = backlog;
		this.requests = requests;
		this.messages = messages;
	}

	@GetMapping("/delivery/backlog")
	String list(Model model) {
		model.addAttribute("items", this.backlog.items());
		return "delivery/backlog";
	}

	@GetMapping("/delivery/backlog/{id}")
	String item(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, Model model) {
		FeatureRequest item = this.backlog.item(id);
		model.addAttribute("item", item);
		model.addAttribute("mergedInto", (item.mergedInto() != null) ? this.backlog.item(item.mergedInto()) : null);
		model.addAttribute("requests", this.backlog.requests(id));
		model.addAttribute("others", this.backlog.items().stream().filter((other) -> other.id() != id).toList());
		model.addAttribute("canPlan", DeliveryRequests.plans(user.person()));
		return "delivery/feature";
	}

	@PostMapping("/delivery/backlog/{id}/merge")
	String merge(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) Long intoId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.requests.mergeFeature(user.person(), id, version, intoId);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("intoError", this.messages.getMessage(ex.errors().get(0).messageKey(), null, Locale.UK));
			return item(user, id, model);
		}
		redirect.addFlashAttribute("flash", this.messages.getMessage("delivery.backlog.merged", null, Locale.UK));
		return "redirect:/delivery/backlog/" + intoId;
	}

}
