package com.helpdesk.directory.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

	List<AuditEvent> findAllByEntityTypeAndEntityIdOrderByIdAsc(String entityType, long entityId);

}
