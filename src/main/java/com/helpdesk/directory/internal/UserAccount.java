package com.helpdesk.directory.internal;

import java.time.Instant;

import com.helpdesk.directory.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
public class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String name;

	@Enumerated(EnumType.STRING)
	private Role role;

	private Long clientId;

	private String timeZone;

	private String passwordHash;

	private boolean enabled = true;

	/** Sessions started before this no longer sign the person in. */
	private Instant sessionsValidFrom;

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected UserAccount() {
	}

	public UserAccount(String email, String name, Role role, Long clientId, String timeZone, String passwordHash,
			Instant now) {
		this.email = email;
		this.name = name;
		this.role = role;
		this.clientId = clientId;
		this.timeZone = timeZone;
		this.passwordHash = passwordHash;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public void change(String email, String name, Role role, Long clientId, String timeZone, boolean enabled,
			Instant now) {
		this.email = email;
		this.name = name;
		this.role = role;
		this.clientId = clientId;
		this.timeZone = timeZone;
		this.enabled = enabled;
		this.updatedAt = now;
	}

	public void changeProfile(String name, String timeZone, Instant now) {
		this.name = name;
		this.timeZone = timeZone;
		this.updatedAt = now;
	}

	public void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	/**
	 * Ends every session started before {@code at}: the session store only answers those
	 * started since.
	 */
	public void endSessionsStartedBefore(Instant at) {
		this.sessionsValidFrom = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getName() {
		return this.name;
	}

	public Role getRole() {
		return this.role;
	}

	public Long getClientId() {
		return this.clientId;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public long getVersion() {
		return this.version;
	}

}
