package com.helpdesk.ticket.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketEventRepository extends JpaRepository<TicketEvent, Long> {

	List<TicketEvent> findAllByTicketIdOrderByIdAsc(long ticketId);

}
