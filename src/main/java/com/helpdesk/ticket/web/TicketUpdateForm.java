package com.helpdesk.ticket.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketUpdate;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TriageChange;

import org.springframework.web.multipart.MultipartFile;

/**
 * The agent's ticket page in one form: the ticket's properties, the message (a reply or
 * an internal note) and the button pressed. Each property also carries the value the
 * agent read ({@code was…}), so only what they changed is sent on, and after a conflict
 * their changes can be kept over the new values of the rest.
 */
public class TicketUpdateForm {

	/**
	 * The value of {@code submitAs} for "Save", which takes the status from the select.
	 */
	static final String SAVE = "SAVE";

	private Long version;

	private TicketStatus status;

	private TicketStatus wasStatus;

	private Priority priority;

	private Priority wasPriority;

	private RequestType type;

	private RequestType wasType;

	private String tags;

	private String wasTags;

	private Long group;

	private Long wasGroup;

	private Long assignee;

	private Long wasAssignee;

	private String reason;

	private Long escalateTo;

	private boolean internal;

	private String body;

	private List<MultipartFile> attachments = new ArrayList<>();

	private String submitAs;

	/**
	 * The form as the ticket is now: nothing typed, nothing changed.
	 */
	static TicketUpdateForm of(TicketView ticket) {
		TicketUpdateForm form = new TicketUpdateForm();
		form.version = ticket.version();
		form.status = ticket.status();
		form.priority = ticket.priority();
		form.type = ticket.type();
		form.tags = String.join(", ", ticket.tags());
		form.group = ticket.groupId();
		form.assignee = ticket.assigneeId();
		form.readFrom(ticket);
		return form;
	}

	/**
	 * This form over a newer version of the ticket: what the agent changed and typed is
	 * kept, every other property takes the ticket's value now.
	 */
	TicketUpdateForm over(TicketView now) {
		TicketUpdateForm form = of(now);
		form.status = changedStatus() ? this.status : now.status();
		form.priority = changed(this.priority, this.wasPriority) ? this.priority : now.priority();
		form.type = changed(this.type, this.wasType) ? this.type : now.type();
		form.tags = changedTags() ? this.tags : form.tags;
		// an escalation pressed becomes the group chosen, to be sent again with the rest
		form.group = (this.escalateTo != null) ? this.escalateTo
				: changed(this.group, this.wasGroup) ? this.group : now.groupId();
		form.assignee = changed(this.assignee, this.wasAssignee) ? this.assignee : now.assigneeId();
		form.reason = this.reason;
		form.internal = this.internal;
		form.body = this.body;
		form.attachments = this.attachments;
		return form;
	}

	private void readFrom(TicketView ticket) {
		this.wasStatus = ticket.status();
		this.wasPriority = ticket.priority();
		this.wasType = ticket.type();
		this.wasTags = String.join(", ", ticket.tags());
		this.wasGroup = ticket.groupId();
		this.wasAssignee = ticket.assigneeId();
	}

	/**
	 * The status of the "Send and …" button pressed, or {@code null} for "Save" and the
	 * escalation buttons.
	 */
	TicketStatus sendAs() {
		if (this.submitAs == null || this.submitAs.isBlank() || SAVE.equals(this.submitAs) || this.escalateTo != null) {
			return null;
		}
		return Arrays.stream(TicketStatus.values())
			.filter((s) -> s.name().equals(this.submitAs))
			.findFirst()
			.orElse(null);
	}

	/**
	 * What to save: only the properties the agent changed, the message, and the button.
	 * @param unassignOnEscalation whether escalating leaves the ticket to the new group
	 * (the assignee is not one of its members)
	 */
	TicketUpdate toUpdate(boolean unassignOnEscalation) {
		Long groupId = null;
		boolean ungroup = false;
		if (this.escalateTo != null) {
			groupId = this.escalateTo;
		}
		else if (changed(this.group, this.wasGroup)) {
			groupId = this.group;
			ungroup = this.group == null;
		}
		Long assigneeId = null;
		boolean unassign = false;
		if (changed(this.assignee, this.wasAssignee)) {
			assigneeId = this.assignee;
			unassign = this.assignee == null;
		}
		else if (this.escalateTo != null && unassignOnEscalation && this.wasAssignee != null) {
			unassign = true;
		}
		TriageChange properties = new TriageChange(changed(this.type, this.wasType) ? this.type : null,
				changed(this.priority, this.wasPriority) ? this.priority : null,
				changedTags() ? List.of((this.tags != null) ? this.tags : "") : null, groupId, ungroup, assigneeId,
				unassign, changedStatus() ? this.status : null, this.reason);
		TicketUpdate.Message message = new TicketUpdate.Message(this.body, this.internal,
				RequestForm.files(this.attachments));
		return new TicketUpdate(properties, message, sendAs());
	}

	/**
	 * The names of the files chosen, which a browser does not keep when a page comes
	 * back.
	 */
	List<String> chosenFileNames() {
		if (this.attachments == null) {
			return List.of();
		}
		return this.attachments.stream()
			.filter((f) -> f != null && !f.isEmpty())
			.map(MultipartFile::getOriginalFilename)
			.filter(Objects::nonNull)
			.toList();
	}

	private boolean changedStatus() {
		return this.status != null && this.status != this.wasStatus;
	}

	private boolean changedTags() {
		return !normalised(this.tags).equals(normalised(this.wasTags));
	}

	private static String normalised(String tags) {
		if (tags == null) {
			return "";
		}
		return Arrays.stream(tags.split(","))
			.map((t) -> t.trim().toLowerCase(Locale.ROOT))
			.filter((t) -> !t.isEmpty())
			.collect(Collectors.joining(","));
	}

	private static boolean changed(Object now, Object was) {
		return !Objects.equals(now, was);
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public TicketStatus getStatus() {
		return this.status;
	}

	public void setStatus(TicketStatus status) {
		this.status = status;
	}

	public TicketStatus getWasStatus() {
		return this.wasStatus;
	}

	public void setWasStatus(TicketStatus wasStatus) {
		this.wasStatus = wasStatus;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public void setPriority(Priority priority) {
		this.priority = priority;
	}

	public Priority getWasPriority() {
		return this.wasPriority;
	}

	public void setWasPriority(Priority wasPriority) {
		this.wasPriority = wasPriority;
	}

	public RequestType getType() {
		return this.type;
	}

	public void setType(RequestType type) {
		this.type = type;
	}

	public RequestType getWasType() {
		return this.wasType;
	}

	public void setWasType(RequestType wasType) {
		this.wasType = wasType;
	}

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public String getWasTags() {
		return this.wasTags;
	}

	public void setWasTags(String wasTags) {
		this.wasTags = wasTags;
	}

	public Long getGroup() {
		return this.group;
	}

	public void setGroup(Long group) {
		this.group = group;
	}

	public Long getWasGroup() {
		return this.wasGroup;
	}

	public void setWasGroup(Long wasGroup) {
		this.wasGroup = wasGroup;
	}

	public Long getAssignee() {
		return this.assignee;
	}

	public void setAssignee(Long assignee) {
		this.assignee = assignee;
	}

	public Long getWasAssignee() {
		return this.wasAssignee;
	}

	public void setWasAssignee(Long wasAssignee) {
		this.wasAssignee = wasAssignee;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public Long getEscalateTo() {
		return this.escalateTo;
	}

	public void setEscalateTo(Long escalateTo) {
		this.escalateTo = escalateTo;
	}

	public boolean isInternal() {
		return this.internal;
	}

	public void setInternal(boolean internal) {
		this.internal = internal;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public List<MultipartFile> getAttachments() {
		return this.attachments;
	}

	public void setAttachments(List<MultipartFile> attachments) {
		this.attachments = attachments;
	}

	public String getSubmitAs() {
		return this.submitAs;
	}

	public void setSubmitAs(String submitAs) {
		this.submitAs = submitAs;
	}

}
