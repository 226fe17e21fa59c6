package com.helpdesk.security.internal;

import com.helpdesk.shared.TextRules;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks email and password (form and HTTP Basic alike), refusing sign-ins that are
 * throttled and counting failures by account and by the address they come from.
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
		String address = address(authentication);
		this.throttle.check(username, address);
		try {
			Authentication result = this.delegate.authenticate(authentication);
			this.throttle.recordSuccess(username, address);
			return result;
		}
		catch (BadCredentialsException ex) {
			// unknown and disabled accounts end here too, counted like a wrong password
			this.throttle.recordFailure(username, address);
			throw ex;
		}
	}

	/**
	 * The client's address, as the form and HTTP Basic sign-ins both record it.
	 */
	static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
