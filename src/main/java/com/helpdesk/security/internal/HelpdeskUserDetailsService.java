package com.helpdesk.security.internal;

import com.helpdesk.directory.Credentials;
import com.helpdesk.directory.Directory;
import com.helpdesk.security.HelpdeskUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The accounts that may sign in. A disabled account is not found, exactly like an unknown
 * one: the same answer, after the same password hashing, and counted by the throttle the
 * same way, so nothing tells anyone that an address is a disabled account.
 */
@Component
class HelpdeskUserDetailsService implements UserDetailsService {

	private final Directory directory;

	HelpdeskUserDetailsService(Directory directory) {
		this.directory = directory;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.directory.credentials(username)
			.filter(Credentials::enabled)
			.map((credentials) -> new HelpdeskUser(credentials.person(), credentials.passwordHash(), true))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

}
