package com.helpdesk.ticket.internal;

import java.time.Instant;
import java.time.LocalDate;

import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestDetails.ServerSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The request type's own fields, stored as columns of the ticket.
 */
@Embeddable
public class TicketDetails {

	private String stepsToReproduce;

	private String expectedOutcome;

	private String actualOutcome;

	private String application;

	private String environment;

	private String serverCpu;

	private String serverMemory;

	private String serverDisk;

	private String serverOs;

	private LocalDate wantedBy;

	private String desiredOutcome;

	private String impact;

	@Column(name = "incident_started_at")
	private Instant startedAt;

	private String service;

	@Column(name = "access_system")
	private String system;

	private String accessLevel;

	private String accessReason;

	protected TicketDetails() {
	}

	static TicketDetails of(RequestDetails details) {
		TicketDetails stored = new TicketDetails();
		stored.stepsToReproduce = details.stepsToReproduce();
		stored.expectedOutcome = details.expectedOutcome();
		stored.actualOutcome = details.actualOutcome();
		stored.application = details.application();
		stored.environment = details.environment();
		if (details.serverSpec() != null) {
			stored.serverCpu = details.serverSpec().cpu();
			stored.serverMemory = details.serverSpec().memory();
			stored.serverDisk = details.serverSpec().disk();
			stored.serverOs = details.serverSpec().os();
		}
		stored.wantedBy = details.wantedBy();
		stored.desiredOutcome = details.desiredOutcome();
		stored.impact = details.impact();
		stored.startedAt = details.startedAt();
		stored.service = details.service();
		stored.system = details.system();
		stored.accessLevel = details.accessLevel();
		stored.accessReason = details.reason();
		return stored;
	}

	RequestDetails toRecord() {
		ServerSpec spec = (this.serverCpu == null && this.serverMemory == null && this.serverDisk == null
				&& this.serverOs == null) ? null
						: new ServerSpec(this.serverCpu, this.serverMemory, this.serverDisk, this.serverOs);
		return new RequestDetails(this.stepsToReproduce, this.expectedOutcome, this.actualOutcome, this.application,
				this.environment, spec, this.wantedBy, this.desiredOutcome, this.impact, this.startedAt, this.service,
				this.system, this.accessLevel, this.accessReason);
	}

}
