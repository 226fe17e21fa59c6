package com.helpdesk.directory.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClientRepository extends JpaRepository<Client, Long> {

	@Query("select c from Client c join fetch c.plan order by lower(c.name)")
	List<Client> findAllWithPlan();

	@Query("select count(c) > 0 from Client c where lower(c.name) = lower(?1) and (?2 is null or c.id <> ?2)")
	boolean nameTaken(String name, Long exceptId);

}
