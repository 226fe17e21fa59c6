package com.helpdesk.directory.web;

import java.util.LinkedHashSet;
import java.util.Set;

import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.ClientSummary;
import com.helpdesk.directory.GroupCommand;
import com.helpdesk.directory.GroupSummary;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.UserCommand;
import com.helpdesk.directory.UserRecord;

/**
 * The administration forms, as typed.
 */
final class AdminForms {

	private AdminForms() {
	}

	public static class ClientForm {

		private String name;

		private Long planId;

		private Long deliveryManagerId;

		private boolean active = true;

		private Long version;

		static ClientForm of(ClientSummary client) {
			ClientForm form = new ClientForm();
			form.name = client.name();
			form.planId = client.planId();
			form.deliveryManagerId = client.deliveryManagerId();
			form.active = client.active();
			form.version = client.version();
			return form;
		}

		ClientCommand toCommand() {
			return new ClientCommand(this.name, this.planId, this.deliveryManagerId, this.active);
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Long getPlanId() {
			return this.planId;
		}

		public void setPlanId(Long planId) {
			this.planId = planId;
		}

		public Long getDeliveryManagerId() {
			return this.deliveryManagerId;
		}

		public void setDeliveryManagerId(Long deliveryManagerId) {
			this.deliveryManagerId = deliveryManagerId;
		}

		public boolean isActive() {
			return this.active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		public Long getVersion() {
			return this.version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

	}

	public static class UserForm {

		private String email;

		private String name;

		private Role role;

		private Long clientId;

		private String timeZone = "Europe/London";

		private String password;

		private boolean enabled = true;

		private Set<Long> groupIds = new LinkedHashSet<>();

		private Long version;

		static UserForm of(UserRecord user) {
			UserForm form = new UserForm();
			form.email = user.email();
			form.name = user.name();
			form.role = user.role();
			form.clientId = user.clientId();
			form.timeZone = user.timeZone();
			form.enabled = user.enabled();
			form.groupIds = new LinkedHashSet<>(user.groupIds());
			form.version = user.version();
			return form;
		}

		UserCommand toCommand() {
			return new UserCommand(this.email, this.name, this.role, this.clientId, this.timeZone, this.password,
					this.enabled, (this.groupIds != null) ? this.groupIds : Set.of());
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Role getRole() {
			return this.role;
		}

		public void setRole(Role role) {
			this.role = role;
		}

		public Long getClientId() {
			return this.clientId;
		}

		public void setClientId(Long clientId) {
			this.clientId = clientId;
		}

		public String getTimeZone() {
			return this.timeZone;
		}

		public void setTimeZone(String timeZone) {
			this.timeZone = timeZone;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Set<Long> getGroupIds() {
			return this.groupIds;
		}

		public void setGroupIds(Set<Long> groupIds) {
			this.groupIds = groupIds;
		}

		public Long getVersion() {
			return this.version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

	}

	public static class GroupForm {

		private String name;

		private String description;

		private boolean defaultIntake;

		private Set<Long> memberIds = new LinkedHashSet<>();

		private Long version;

		static GroupForm of(GroupSummary group) {
			GroupForm form = new GroupForm();
			form.name = group.name();
			form.description = group.description();
			form.defaultIntake = group.defaultIntake();
			form.memberIds = new LinkedHashSet<>(group.memberIds());
			form.version = group.version();
			return form;
		}

		GroupCommand toCommand() {
			return new GroupCommand(this.name, this.description, this.defaultIntake,
					(this.memberIds != null) ? this.memberIds : Set.of());
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public boolean isDefaultIntake() {
			return this.defaultIntake;
		}

		public void setDefaultIntake(boolean defaultIntake) {
			this.defaultIntake = defaultIntake;
		}

		public Set<Long> getMemberIds() {
			return this.memberIds;
		}

		public void setMemberIds(Set<Long> memberIds) {
			this.memberIds = memberIds;
		}

		public Long getVersion() {
			return this.version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

	}

}
