package com.helpdesk.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import com.helpdesk.directory.Directory;
import com.helpdesk.shared.ProblemResponses;
import com.helpdesk.shared.SecurityHeaders;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two ways in: pages (form sign-in, a session in the database, CSRF tokens) and the API
 * under {@code /api} (HTTP Basic or a personal token, no session, no cookies). Which role
 * opens which part of the site is decided here; which ticket a person may see is decided
 * by the ticket module.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] STAFF = { "AGENT", "DELIVERY_MANAGER", "MANAGER", "ADMIN" };

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(passwordEncoder);
		ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
			LoginThrottle throttle, UserDetailsService users, Directory directory, Clock clock) throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			if (ex instanceof LoginThrottledException throttled) {
				long seconds = Duration.between(clock.instant(), throttled.until()).toSeconds() + 1;
				response.setHeader("Retry-After", String.valueOf(Math.max(seconds, 1)));
				problem(response, 429, "Too many requests",
						"Too many failed sign-ins from this address or for this account. Try again later.");
				return;
			}
			// both ways in are offered; a token that was sent and refused says so (RFC
			// 6750)
			response.setHeader("WWW-Authenticate", "Basic realm=\"Helpdesk\"");
			String sent = request.getHeader("Authorization");
			response.addHeader("WWW-Authenticate", (sent != null && sent.regionMatches(true, 0, "Bearer ", 0, 7))
					? "Bearer realm=\"Helpdesk\", error=\"invalid_token\"" : "Bearer realm=\"Helpdesk\"");
			problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"Sign in with HTTP Basic or a personal API token.");
		};
		AccessDeniedHandler denied = (request, response, ex) -> problem(response, HttpServletResponse.SC_FORBIDDEN,
				"Forbidden", "Your role may not do this.");
		// the metrics scrape is a machine's call too: HTTP Basic or an administrator's
		// token
		http.securityMatcher("/api/**", "/actuator/prometheus")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/actuator/prometheus")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/imports/**", "/api/v1/calendars", "/api/v1/calendars/**", "/api/v1/plans",
						"/api/v1/plans/**", "/api/v1/clients", "/api/v1/clients/**", "/api/v1/users",
						"/api/v1/users/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/oncall/**", "/api/v1/rotas", "/api/v1/rotas/**")
				.hasAnyRole(STAFF)
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, throttle, users, directory, entryPoint),
					BasicAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.API_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		AuthenticationFailureHandler failure = (request, response, ex) -> response.sendRedirect(request.getContextPath()
				+ ((ex instanceof LoginThrottledException) ? "/login?throttled" : "/login?error"));
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/login", "/feeds/**", "/assets/**", "/webjars/**", "/css/**", "/js/**",
						"/favicon.ico", "/favicon.svg", "/error", "/actuator/health", "/actuator/health/**",
						"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers("/requests", "/requests/**")
				.hasRole("REQUESTER")
				.requestMatchers("/reviews", "/reviews/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/rotas/hours", "/rotas/hours/**")
				.hasAnyRole("MANAGER", "ADMIN")
				.requestMatchers("/tickets", "/tickets/**", "/rotas", "/rotas/**", "/delivery", "/delivery/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/admin", "/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/dashboard", "/dashboard/**")
				.hasAnyRole("MANAGER", "ADMIN")
				.requestMatchers(HttpMethod.GET, "/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("username")
				.passwordParameter("password")
				.defaultSuccessUrl("/", false)
				.failureHandler(failure)
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
			// a new session, not only a new id: it is created when the person signs in,
			// which the session store compares with their access's last change
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.migrateSession()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.PAGE_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
		ProblemResponses.write(response, status, title, detail);
	}

}
