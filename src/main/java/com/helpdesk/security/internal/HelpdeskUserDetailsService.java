package com.helpdesk.security.internal;

import com.helpdesk.directory.Directory;
import com.helpdesk.security.HelpdeskUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class HelpdeskUserDetailsService implements UserDetailsService {

	private final Directory directory;

	HelpdeskUserDetailsService(Directory directory) {
		this.directory = directory;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.directory.credentials(username)
			.map((credentials) -> new HelpdeskUser(credentials.person(), credentials.passwordHash(),
					credentials.enabled()))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

}
