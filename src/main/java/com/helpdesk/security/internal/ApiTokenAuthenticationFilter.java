package com.helpdesk.security.internal;

import java.io.IOException;

import com.helpdesk.security.HelpdeskUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API calls that carry {@code Authorization: Bearer <personal token>}. Wrong
 * tokens are counted per address, and an address that sends too many is refused for a
 * while (429), like guessed passwords.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final LoginThrottle throttle;

	private final UserDetailsService users;

	private final com.helpdesk.directory.Directory directory;

	private final AuthenticationEntryPoint entryPoint;

	ApiTokenAuthenticationFilter(ApiTokens tokens, LoginThrottle throttle, UserDetailsService users,
			com.helpdesk.directory.Directory directory, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.throttle = throttle;
		this.users = users;
		this.directory = directory;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = header.substring(7).trim();
		HelpdeskUser user;
		try {
			this.throttle.checkToken(request.getRemoteAddr());
			user = this.tokens.authenticate(secret).flatMap(this.directory::findPerson).map((person) -> {
				try {
					return (HelpdeskUser) this.users.loadUserByUsername(person.email());
				}
				catch (UsernameNotFoundException ex) {
					return null;
				}
			}).filter(HelpdeskUser::isEnabled).orElse(null);
		}
		catch (LoginThrottledException ex) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, ex);
			return;
		}
		catch (DataAccessException | TransactionException ex) {
			// the database is away (a restart, a failover): the client may try again
			// shortly
			response.setHeader("Retry-After", "5");
			SecurityConfiguration.problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service unavailable",
					"The database is not answering at the moment. Try again in a few seconds.");
			return;
		}
		if (user == null) {
			this.throttle.recordTokenFailure(request.getRemoteAddr());
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
			return;
		}
		user.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
