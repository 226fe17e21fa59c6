package com.helpdesk.directory.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "client")
public class Client {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "plan_id")
	private SupportPlan plan;

	private Long deliveryManagerId;

	private boolean active = true;

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected Client() {
	}

	public Client(String name, SupportPlan plan, Long deliveryManagerId, boolean active, Instant now) {
		this.name = name;
		this.plan = plan;
		this.deliveryManagerId = deliveryManagerId;
		this.active = active;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public void change(String name, SupportPlan plan, Long deliveryManagerId, boolean active, Instant now) {
		this.name = name;
		this.plan = plan;
		this.deliveryManagerId = deliveryManagerId;
		this.active = active;
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public SupportPlan getPlan() {
		return this.plan;
	}

	public Long getDeliveryManagerId() {
		return this.deliveryManagerId;
	}

	public boolean isActive() {
		return this.active;
	}

	public long getVersion() {
		return this.version;
	}

}
