package com.helpdesk.directory.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupportPlanRepository extends JpaRepository<SupportPlan, Long> {

	List<SupportPlan> findAllByOrderByNameAsc();

	Optional<SupportPlan> findByName(String name);

}
