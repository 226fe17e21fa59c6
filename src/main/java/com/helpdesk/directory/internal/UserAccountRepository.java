package com.helpdesk.directory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.helpdesk.directory.Role;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	/**
	 * The account of an address already normalised ({@code EmailAddress}): only the
	 * stored side is lower-cased, by the unique index's own {@code lower()}.
	 */
	@Query("select u from UserAccount u where lower(u.email) = ?1")
	Optional<UserAccount> findByEmail(String normalisedEmail);

	@Query("select count(u) > 0 from UserAccount u where lower(u.email) = ?1 and (?2 is null or u.id <> ?2)")
	boolean emailTaken(String email, Long exceptId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.role = com.helpdesk.directory.Role.ADMIN and u.enabled = true")
	List<UserAccount> lockEnabledAdministrators();

	@Query("select u from UserAccount u where u.role <> ?1 and u.enabled = true order by lower(u.name)")
	List<UserAccount> findAllByRoleNotOrderByName(Role role);

	@Query("select u from UserAccount u where u.id in ?1 order by lower(u.name)")
	List<UserAccount> findAllByIdOrderByName(Collection<Long> ids);

}
