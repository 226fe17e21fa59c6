package com.helpdesk.directory.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "support_group")
public class SupportGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String description;

	private boolean defaultIntake;

	@ElementCollection
	@CollectionTable(name = "group_member", joinColumns = @JoinColumn(name = "group_id"))
	@Column(name = "user_id")
	private Set<Long> memberIds = new HashSet<>();

	@Version
	private long version;

	private Instant createdAt;

	protected SupportGroup() {
	}

	public SupportGroup(String name, String description, boolean defaultIntake, Set<Long> memberIds, Instant now) {
		this.name = name;
		this.description = description;
		this.defaultIntake = defaultIntake;
		this.memberIds = new HashSet<>(memberIds);
		this.createdAt = now;
	}

	public void change(String name, String description, boolean defaultIntake, Set<Long> memberIds) {
		this.name = name;
		this.description = description;
		this.defaultIntake = defaultIntake;
		this.memberIds.clear();
		this.memberIds.addAll(memberIds);
	}

	public void clearDefaultIntake() {
		this.defaultIntake = false;
	}

	public void addMember(long userId) {
		this.memberIds.add(userId);
	}

	public void removeMember(long userId) {
		this.memberIds.remove(userId);
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

	public boolean isDefaultIntake() {
		return this.defaultIntake;
	}

	public Set<Long> getMemberIds() {
		return this.memberIds;
	}

	public long getVersion() {
		return this.version;
	}

}
