package com.helpdesk.directory.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "support_plan")
public class SupportPlan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String description;

	private boolean outOfHoursCritical;

	@Version
	private long version;

	private Instant createdAt;

	protected SupportPlan() {
	}

	public SupportPlan(String name, String description, boolean outOfHoursCritical, Instant createdAt) {
		this.name = name;
		this.description = description;
		this.outOfHoursCritical = outOfHoursCritical;
		this.createdAt = createdAt;
	}

	public void change(String name, String description, boolean outOfHoursCritical) {
		this.name = name;
		this.description = description;
		this.outOfHoursCritical = outOfHoursCritical;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public boolean isOutOfHoursCritical() {
		return this.outOfHoursCritical;
	}

}
