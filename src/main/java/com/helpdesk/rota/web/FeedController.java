package com.helpdesk.rota.web;

import java.util.Locale;

import com.helpdesk.rota.RotaFeeds;
import com.helpdesk.security.HelpdeskUser;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Calendar feeds: made and revoked by staff, read by calendar apps through the secret
 * link without signing in.
 */
@Controller
class FeedController {

	private static final MediaType CALENDAR = new MediaType("text", "calendar",
			java.nio.charset.StandardCharsets.UTF_8);

	private final RotaFeeds feeds;

	private final MessageSource messages;

	FeedController(RotaFeeds feeds, MessageSource messages) {
		this.feeds = feeds;
		this.messages = messages;
	}

	/**
	 * The feed, with an entity tag and its last change, so that a calendar app polling it
	 * gets 304 Not Modified until something changes. Only the app holding the secret link
	 * may keep a copy: private, checked again each time.
	 */
	@GetMapping("/feeds/{token}.ics")
	@ResponseBody
	ResponseEntity<String> feed(@PathVariable String token) {
		RotaFeeds.Document feed = this.feeds.render(token);
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.eTag(feed.etag())
			.lastModified(feed.lastModified())
			.header("Content-Disposition", "inline; filename=\"shifts.ics\"")
			.body(feed.text());
	}

	@PostMapping("/rotas/feeds")
	String create(@AuthenticationPrincipal HelpdeskUser user, @RequestParam(required = false) Long rota,
			RedirectAttributes redirect) {
		String token = this.feeds.create(user.person(), rota);
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/feeds/{token}.ics")
			.buildAndExpand(token)
			.toUriString();
		redirect.addFlashAttribute("flash", this.messages.getMessage("rota.feed.created", null, Locale.UK));
		redirect.addFlashAttribute("feedUrl", url);
		return "redirect:/rotas/mine#feeds";
	}

	@PostMapping("/rotas/feeds/{id}/revoke")
	String revoke(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.feeds.revoke(id, user.person());
		redirect.addFlashAttribute("flash", this.messages.getMessage("rota.feed.revoked", null, Locale.UK));
		return "redirect:/rotas/mine#feeds";
	}

}
