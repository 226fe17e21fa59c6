package com.helpdesk.calendar.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CalendarRepository extends JpaRepository<CalendarEntity, Long> {

	@Query("select c from CalendarEntity c order by lower(c.name)")
	List<CalendarEntity> findAllByName();

	@Query("select count(c) > 0 from CalendarEntity c where lower(c.name) = lower(?1) and (?2 is null or c.id <> ?2)")
	boolean nameTaken(String name, Long exceptId);

}
