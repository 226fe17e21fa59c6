package com.helpdesk.review.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FollowUpRepository extends JpaRepository<FollowUpEntity, Long> {

	/**
	 * The ticket's follow-up not done yet; there is at most one.
	 */
	Optional<FollowUpEntity> findByTicketIdAndDoneAtIsNull(long ticketId);

}
