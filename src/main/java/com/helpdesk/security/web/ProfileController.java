package com.helpdesk.security.web;

import java.util.Locale;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.security.internal.ApiTokens;
import com.helpdesk.security.internal.LoginThrottle;
import com.helpdesk.security.internal.LoginThrottledException;
import com.helpdesk.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own page: name, time zone, password, and personal API tokens.
 */
@Controller
class ProfileController {

	private final ApiTokens tokens;

	private final DirectoryAdmin directoryAdmin;

	private final Directory directory;

	private final MessageSource messages;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final LoginThrottle throttle;

	ProfileController(ApiTokens tokens, DirectoryAdmin directoryAdmin, Directory directory, MessageSource messages,
			LoginThrottle throttle) {
		this.throttle = throttle;
		this.tokens = tokens;
		this.directoryAdmin = directoryAdmin;
		this.directory = directory;
		this.messages = messages;
	}

	/**
	 * The profile form.
	 */
	public static class ProfileForm {

		private String name;

		private String timeZone;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getTimeZone() {
			return this.timeZone;
		}

		public void setTimeZone(String timeZone) {
			this.timeZone = timeZone;
		}

	}

	/**
	 * The new-token form.
	 */
	public static class TokenForm {

		private String name;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	/**
	 * The change-password form.
	 */
	public static class PasswordForm {

		private String currentPassword;

		private String newPassword;

		public String getCurrentPassword() {
			return this.currentPassword;
		}

		public void setCurrentPassword(String currentPassword) {
			this.currentPassword = currentPassword;
		}

		public String getNewPassword() {
			return this.newPassword;
		}

		public void setNewPassword(String newPassword) {
			this.newPassword = newPassword;
		}

	}

	@GetMapping("/profile")
	String show(@AuthenticationPrincipal HelpdeskUser user, Model model) {
		model.addAttribute("profile", profileOf(user));
		model.addAttribute("tokenForm", new TokenForm());
		return page(user, model);
	}

	/**
	 * A new password for yourself: your other sessions end, this one stays signed in.
	 */
	@PostMapping("/profile/password")
	String changePassword(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		// the current password is guessed no faster here than at sign-in: the same counts
		String address = request.getRemoteAddr();
		try {
			this.throttle.check(user.person().email(), address);
			this.directoryAdmin.changeOwnPassword(user.id(), form.getCurrentPassword(), form.getNewPassword());
		}
		catch (LoginThrottledException ex) {
			errors.rejectValue("currentPassword", "profile.password.current.throttled");
			return passwordRefused(user, form, model, response, 429);
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
			if (ex.errors().stream().anyMatch((e) -> "currentPassword".equals(e.field()))) {
				this.throttle.recordFailure(user.person().email(), address);
			}
			return passwordRefused(user, form, model, response, HttpServletResponse.SC_BAD_REQUEST);
		}
		redirect.addFlashAttribute("flash", text("profile.password.changed"));
		return "redirect:/profile";
	}

	private String passwordRefused(HelpdeskUser user, PasswordForm form, Model model, HttpServletResponse response,
			int status) {
		form.setCurrentPassword(null);
		form.setNewPassword(null);
		model.addAttribute("profile", profileOf(user));
		model.addAttribute("tokenForm", new TokenForm());
		response.setStatus(status);
		return page(user, model);
	}

	private ProfileForm profileOf(HelpdeskUser user) {
		Person person = this.directory.person(user.id());
		ProfileForm form = new ProfileForm();
		form.setName(person.name());
		form.setTimeZone(person.timeZone());
		return form;
	}

	@PostMapping("/profile")
	String update(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("profile") ProfileForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			this.directoryAdmin.updateProfile(user.id(), form.getName(), form.getTimeZone());
			refreshSignedInPerson(user, request, response);
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
			model.addAttribute("tokenForm", new TokenForm());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(user, model);
		}
		redirect.addFlashAttribute("flash", text("profile.saved"));
		return "redirect:/profile";
	}

	@PostMapping("/profile/tokens")
	String createToken(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("tokenForm") TokenForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			String secret = this.tokens.create(user.id(), form.getName());
			redirect.addFlashAttribute("newToken", secret);
			redirect.addFlashAttribute("flash", text("token.created"));
			return "redirect:/profile";
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
			model.addAttribute("profile", profileOf(user));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(user, model);
		}
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(user.id(), id);
		redirect.addFlashAttribute("flash", text("token.revoked"));
		return "redirect:/profile";
	}

	/**
	 * Pages show times in the person's zone from their session: keep it in step.
	 */
	private void refreshSignedInPerson(HelpdeskUser user, HttpServletRequest request, HttpServletResponse response) {
		HelpdeskUser updated = new HelpdeskUser(this.directory.person(user.id()), null, user.isEnabled());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
	}

	private String page(HelpdeskUser user, Model model) {
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new PasswordForm());
		}
		model.addAttribute("tokens", this.tokens.list(user.id()));
		model.addAttribute("zones", Directory.timeZones());
		return "profile/profile";
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

}
