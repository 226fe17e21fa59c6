package com.helpdesk.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Ticket t where t.id = ?1")
	Optional<Ticket> findForUpdate(long id);

	@Query("select t.id from Ticket t where t.status = com.helpdesk.ticket.TicketStatus.PENDING "
			+ "and t.pendingSince <= ?1 and t.pendingReminderAt is null order by t.pendingSince")
	List<Long> findPendingDueReminder(Instant quietSince);

	@Query("select t.id from Ticket t where t.status = com.helpdesk.ticket.TicketStatus.PENDING "
			+ "and t.pendingSince <= ?1 order by t.pendingSince")
	List<Long> findPendingDueAutoSolve(Instant quietSince);

}
