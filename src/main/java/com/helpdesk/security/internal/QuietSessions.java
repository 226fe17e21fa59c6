package com.helpdesk.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, writing a session's last access (and so its expiry) at most once a
 * minute rather than on every request. Spring Session's JDBC store otherwise updates the
 * session row, a committed write, for every page, fragment and stylesheet a signed-in
 * person asks for. With an eight-hour timeout, expiring up to a minute early does not
 * matter; changed attributes are still written at once.
 * <p>
 * It also spares the read that follows a save in the same request: Spring Session saves
 * the session when the response is committed (for any page bigger than the response
 * buffer, while it is written) and again when the request ends, and before that second
 * save it reads the session from the database again (spring-session#1731). The session
 * this thread has just saved answers that read. It is only remembered within
 * {@link #remembering}, which wraps each request (every dispatch) around Spring Session's
 * filter, and only until that read: no other request ever sees it.
 */
final class QuietSessions<S extends Session> implements FindByIndexNameSessionRepository<QuietSessions.Quiet> {

	static final Duration ACCESS_WRITTEN_EVERY = Duration.ofMinutes(1);

	private static final ThreadLocal<Saved> SAVED = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> store;

	QuietSessions(FindByIndexNameSessionRepository<S> store) {
		this.store = store;
	}

	@Override
	public Quiet createSession() {
		return new Quiet(this.store.createSession());
	}

	@Override
	@SuppressWarnings("unchecked")
	public void save(Quiet session) {
		this.store.save((S) session.session);
		Saved saved = SAVED.get();
		if (saved != null) {
			saved.session = session;
		}
	}

	@Override
	public Quiet findById(String id) {
		Saved saved = SAVED.get();
		if (saved != null && saved.session != null) {
			Quiet session = saved.session;
			saved.session = null;
			if (session.getId().equals(id) && !session.isExpired()) {
				return session;
			}
		}
		S found = this.store.findById(id);
		return (found != null) ? new Quiet(found) : null;
	}

	/**
	 * Runs one request (or dispatch) remembering the session it saves, and forgets it
	 * when the request ends. Nested dispatches share the outer request's memory.
	 */
	static void remembering(Work work) throws IOException, ServletException {
		if (SAVED.get() != null) {
			work.run();
			return;
		}
		SAVED.set(new Saved());
		try {
			work.run();
		}
		finally {
			SAVED.remove();
		}
	}

	/**
	 * A request's work, as a filter chain runs it.
	 */
	interface Work {

		void run() throws IOException, ServletException;

	}

	/**
	 * The session saved last in the current request, if not read since.
	 */
	private static final class Saved {

		private Quiet session;

	}

	@Override
	public void deleteById(String id) {
		Saved saved = SAVED.get();
		if (saved != null) {
			saved.session = null;
		}
		this.store.deleteById(id);
	}

	@Override
	public Map<String, Quiet> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Quiet> found = new LinkedHashMap<>();
		this.store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Quiet(session)));
		return found;
	}

	/**
	 * A session whose last access only moves once it is a minute old.
	 */
	static final class Quiet implements Session {

		private final Session session;

		Quiet(Session session) {
			this.session = session;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			Instant last = this.session.getLastAccessedTime();
			if (last == null || lastAccessedTime.isBefore(last)
					|| Duration.between(last, lastAccessedTime).compareTo(ACCESS_WRITTEN_EVERY) >= 0) {
				this.session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
