package com.helpdesk.security;

import java.util.Collection;
import java.util.List;

import com.helpdesk.directory.Person;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person. Pages and the API take it with {@code @AuthenticationPrincipal}.
 */
public final class HelpdeskUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final Person person;

	private String passwordHash;

	private final boolean enabled;

	public HelpdeskUser(Person person, String passwordHash, boolean enabled) {
		this.person = person;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	public Person person() {
		return this.person;
	}

	public long id() {
		return this.person.id();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.person.role().name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.person.email();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HelpdeskUser user && user.person.id() == this.person.id();
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.person.id());
	}

	@Override
	public String toString() {
		return "HelpdeskUser[" + this.person.email() + "]";
	}

}
