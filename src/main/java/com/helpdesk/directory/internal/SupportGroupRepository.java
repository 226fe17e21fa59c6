package com.helpdesk.directory.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupportGroupRepository extends JpaRepository<SupportGroup, Long> {

	@Query("select distinct g from SupportGroup g left join fetch g.memberIds order by g.name")
	List<SupportGroup> findAllWithMembers();

	Optional<SupportGroup> findByDefaultIntakeTrue();

	@Query("select count(g) > 0 from SupportGroup g where lower(g.name) = lower(?1) and (?2 is null or g.id <> ?2)")
	boolean nameTaken(String name, Long exceptId);

	@Query("select g from SupportGroup g join g.memberIds m where m = ?1")
	List<SupportGroup> findAllByMember(long userId);

}
