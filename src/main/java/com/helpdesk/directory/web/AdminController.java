package com.helpdesk.directory.web;

import java.util.List;
import java.util.Locale;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.UserListing;
import com.helpdesk.directory.web.AdminForms.ClientForm;
import com.helpdesk.directory.web.AdminForms.GroupForm;
import com.helpdesk.directory.web.AdminForms.UserForm;
import com.helpdesk.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of clients, people and groups. Each form is validated by
 * {@link DirectoryAdmin}; its errors are shown next to the fields.
 */
@Controller
class AdminController {

	private static final int USERS_PER_PAGE = 50;

	private final Directory directory;

	private final DirectoryAdmin admin;

	private final MessageSource messages;

	AdminController(Directory directory, DirectoryAdmin admin, MessageSource messages) {
		this.directory = directory;
		this.admin = admin;
		this.messages = messages;
	}

	@GetMapping("/admin")
	String index() {
		return "admin/index";
	}

	@GetMapping("/admin/clients")
	String clients(Model model) {
		model.addAttribute("clients", this.directory.clients());
		return "admin/clients";
	}

	@GetMapping("/admin/clients/new")
	String newClient(Model model) {
		model.addAttribute("client", new ClientForm());
		return clientForm(model, null);
	}

	@PostMapping("/admin/clients")
	String createClient(@ModelAttribute("client") ClientForm form, BindingResult errors, Model model,
			Authentication auth, RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return refused(errors, this.admin.problemsWithClient(form.toCommand(), null), response,
					clientForm(model, null));
		}
		try {
			this.admin.createClient(form.toCommand(), actor(auth));
		}
		catch (InvalidInputException ex) {
			return invalid(ex, errors, response, clientForm(model, null));
		}
		redirect.addFlashAttribute("flash", text("admin.client.created", form.getName()));
		return "redirect:/admin/clients";
	}

	@GetMapping("/admin/clients/{id}")
	String editClient(@PathVariable long id, Model model) {
		model.addAttribute("client", ClientForm.of(this.directory.client(id)));
		return clientForm(model, id);
	}

	@PostMapping("/admin/clients/{id}")
	String updateClient(@PathVariable long id, @ModelAttribute("client") ClientForm form, BindingResult errors,
			Model model, Authentication auth, RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return refused(errors, this.admin.problemsWithClient(form.toCommand(), id), response,
					clientForm(model, id));
		}
		try {
			this.admin.updateClient(id, version(form.getVersion()), form.toCommand(), actor(auth));
		}
		catch (InvalidInputException ex) {
			return invalid(ex, errors, response, clientForm(model, id));
		}
		redirect.addFlashAttribute("flash", text("admin.client.saved", form.getName()));
		return "redirect:/admin/clients";
	}

	@GetMapping("/admin/users")
	String users(@RequestParam(required = false) String afterName, @RequestParam(required = false) Long afterId,
			Model model) {
		List<UserListing> rows = this.directory.userListing(afterName, afterId, USERS_PER_PAGE + 1);
		boolean more = rows.size() > USERS_PER_PAGE;
		model.addAttribute("users", more ? rows.subList(0, USERS_PER_PAGE) : rows);
		model.addAttribute("next", more ? rows.get(USERS_PER_PAGE - 1) : null);
		model.addAttribute("paged", afterName != null);
		return "admin/users";
	}

	@GetMapping("/admin/users/new")
	String newUser(Model model) {
		model.addAttribute("user", new UserForm());
		return userForm(model, null);
	}

	@PostMapping("/admin/users")
	String createUser(@ModelAttribute("user") UserForm form, BindingResult errors, Model model, Authentication auth,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return refused(errors, this.admin.problemsWithUser(form.toCommand(), null), response,
					userForm(model, null));
		}
		try {
			this.admin.createUser(form.toCommand(), actor(auth));
		}
		catch (InvalidInputException ex) {
			form.setPassword(null);
			return invalid(ex, errors, response, userForm(model, null));
		}
		redirect.addFlashAttribute("flash", text("admin.user.created", form.getEmail()));
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/users/{id}")
	String editUser(@PathVariable long id, Model model) {
		model.addAttribute("user", UserForm.of(this.directory.user(id)));
		return userForm(model, id);
	}

	@PostMapping("/admin/users/{id}")
	String updateUser(@PathVariable long id, @ModelAttribute("user") UserForm form, BindingResult errors, Model model,
			Authentication auth, RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return refused(errors, this.admin.problemsWithUser(form.toCommand(), id), response, userForm(model, id));
		}
		try {
			this.admin.updateUser(id, version(form.getVersion()), form.toCommand(), actor(auth));
		}
		catch (InvalidInputException ex) {
			form.setPassword(null);
			return invalid(ex, errors, response, userForm(model, id));
		}
		redirect.addFlashAttribute("flash", text("admin.user.saved", form.getEmail()));
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/groups")
	String groups(Model model) {
		var groups = this.directory.groups();
		var people = this.directory.peopleById(groups.stream().flatMap((g) -> g.memberIds().stream()).toList());
		model.addAttribute("groups", groups);
		model.addAttribute("memberNames",
				groups.stream()
					.collect(java.util.stream.Collectors.toMap((g) -> g.id(),
							(g) -> g.memberIds()
								.stream()
								.map(people::get)
								.filter(java.util.Objects::nonNull)
								.map((p) -> p.name())
								.sorted()
								.collect(java.util.stream.Collectors.joining(", ")))));
		return "admin/groups";
	}

	@GetMapping("/admin/groups/new")
	String newGroup(Model model) {
		model.addAttribute("group", new GroupForm());
		return groupForm(model, null);
	}

	@PostMapping("/admin/groups")
	String createGroup(@ModelAttribute("group") GroupForm form, BindingResult errors, Model model, Authentication auth,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return refused(errors, this.admin.problemsWithGroup(form.toCommand(), null), response,
					groupForm(model, null));
		}
		try {
			this.admin.createGroup(form.toCommand(), actor(auth));
		}
		catch (InvalidInputException ex) {
			return invalid(ex, errors, response, groupForm(model, null));
		}
		redirect.addFlashAttribute("flash", text("admin.group.created", form.getName()));
		return "redirect:/admin/groups";
	}

	@GetMapping("/admin/groups/{id}")
	String editGroup(@PathVariable long id, Model model) {
		model.addAttribute("group", GroupForm.of(this.directory.group(id)));
		return groupForm(model, id);
	}

	@PostMapping("/admin/groups/{id}")
	String updateGroup(@PathVariable long id, @ModelAttribute("group") GroupForm form, BindingResult errors,
			Model model, Authentication auth, RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return refused(errors, this.admin.problemsWithGroup(form.toCommand(), id), response, groupForm(model, id));
		}
		try {
			this.admin.updateGroup(id, version(form.getVersion()), form.toCommand(), actor(auth));
		}
		catch (InvalidInputException ex) {
			return invalid(ex, errors, response, groupForm(model, id));
		}
		redirect.addFlashAttribute("flash", text("admin.group.saved", form.getName()));
		return "redirect:/admin/groups";
	}

	private String clientForm(Model model, Long id) {
		model.addAttribute("clientId", id);
		model.addAttribute("history", (id != null) ? this.directory.history("CLIENT", id) : List.of());
		model.addAttribute("plans", this.directory.plans());
		model.addAttribute("deliveryManagers",
				this.directory.staff().stream().filter((p) -> p.role() == Role.DELIVERY_MANAGER).toList());
		return "admin/client-form";
	}

	private String userForm(Model model, Long id) {
		model.addAttribute("userId", id);
		model.addAttribute("history", (id != null) ? this.directory.history("USER", id) : List.of());
		model.addAttribute("roles", Role.values());
		model.addAttribute("clients", this.directory.clients());
		model.addAttribute("groups", this.directory.groups());
		model.addAttribute("zones", Directory.timeZones());
		return "admin/user-form";
	}

	private String groupForm(Model model, Long id) {
		model.addAttribute("groupId", id);
		model.addAttribute("history", (id != null) ? this.directory.history("GROUP", id) : List.of());
		model.addAttribute("staff", this.directory.staff());
		return "admin/group-form";
	}

	private static String invalid(InvalidInputException ex, BindingResult errors, HttpServletResponse response,
			String view) {
		ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return view;
	}

	/**
	 * A form with values that could not be read: show those, and every other problem the
	 * directory finds, together.
	 */
	private static String refused(BindingResult errors, List<InvalidInputException.FieldError> problems,
			HttpServletResponse response, String view) {
		problems.stream()
			.filter((e) -> !errors.hasFieldErrors(e.field()))
			.forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return view;
	}

	private static long version(Long version) {
		return (version != null) ? version : -1;
	}

	/**
	 * Who is making the change, for the audit log. By name, as the directory must not
	 * depend on the security module.
	 */
	private Long actor(Authentication auth) {
		return this.directory.findPersonByEmail(auth.getName()).map((p) -> p.id()).orElse(null);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
