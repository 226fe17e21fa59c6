package com.helpdesk.security.internal;

import com.helpdesk.shared.TextRules;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks email and password (form and HTTP Basic alike), refusing names that are
 * throttled and counting failures.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider delegate;

	private final LoginThrottle throttle;

	ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		if (!TextRules.isLine(username, 254)) {
			// no one has such an address; the throttle's table would refuse a null
			// character
			throw new BadCredentialsException("no such address");
		}
		this.throttle.check(username);
		try {
			Authentication result = this.delegate.authenticate(authentication);
			this.throttle.recordSuccess(username);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.recordFailure(username);
			throw ex;
		}
		catch (AuthenticationException ex) {
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
