package com.helpdesk.directory;

import java.util.Set;

/**
 * Someone's access changed in a way their sessions, API tokens and calendar feeds follow
 * at once: they were disabled, their role, client or email changed, or a password was set
 * for them or by them.
 *
 * @param emails the addresses they signed in with, before and after the change
 * @param disabled whether they may no longer sign in
 * @param staff whether they are staff now
 * @param keepCurrentSession whether the session that made the change stays signed in
 * (someone setting their own new password); every other session ends
 */
public record AccessChanged(long personId, Set<String> emails, boolean disabled, boolean staff,
		boolean keepCurrentSession) {
}
