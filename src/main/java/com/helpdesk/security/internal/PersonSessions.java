package com.helpdesk.security.internal;

import com.helpdesk.directory.AccessChanged;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a person's sessions when their access changes, on every instance at once: the
 * sessions live in the database and each request reads its own from there. The session
 * store's read refuses such sessions too ({@link SessionConfiguration}); deleting them
 * here also frees their rows.
 */
@Component
class PersonSessions {

	private static final Logger log = LoggerFactory.getLogger(PersonSessions.class);

	private final FindByIndexNameSessionRepository<?> sessions;

	PersonSessions(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccessChanged change) {
		String current = change.keepCurrentSession() ? currentSessionId() : null;
		int ended = 0;
		for (String email : change.emails()) {
			for (String id : this.sessions.findByPrincipalName(email).keySet()) {
				if (!id.equals(current)) {
					this.sessions.deleteById(id);
					ended++;
				}
			}
		}
		if (ended > 0) {
			log.info("Access of person {} changed: {} of their sessions ended", change.personId(), ended);
		}
	}

	private static String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return (session != null) ? session.getId() : null;
		}
		return null;
	}

}
