package com.helpdesk.ticket.web;

import java.util.List;

import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TriageChange;

/**
 * The triage controls of the ticket page. Group and assignee are ids, empty for none.
 */
public class TriageForm {

	private RequestType type;

	private Priority priority;

	private TicketStatus status;

	private String tags;

	private Long group;

	private Long assignee;

	private String reason;

	private Long version;

	static TriageForm of(TicketView ticket) {
		TriageForm form = new TriageForm();
		form.type = ticket.type();
		form.priority = ticket.priority();
		form.status = ticket.status();
		form.tags = String.join(", ", ticket.tags());
		form.group = ticket.groupId();
		form.assignee = ticket.assigneeId();
		form.version = ticket.version();
		return form;
	}

	TriageChange toChange() {
		return new TriageChange(this.type, this.priority, List.of((this.tags != null) ? this.tags : ""), this.group,
				this.group == null, this.assignee, this.assignee == null, this.status, this.reason);
	}

	public RequestType getType() {
		return this.type;
	}

	public void setType(RequestType type) {
		this.type = type;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public void setPriority(Priority priority) {
		this.priority = priority;
	}

	public TicketStatus getStatus() {
		return this.status;
	}

	public void setStatus(TicketStatus status) {
		this.status = status;
	}

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public Long getGroup() {
		return this.group;
	}

	public void setGroup(Long group) {
		this.group = group;
	}

	public Long getAssignee() {
		return this.assignee;
	}

	public void setAssignee(Long assignee) {
		this.assignee = assignee;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
