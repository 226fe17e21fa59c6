/**
 * Tells people what happened by email: requesters of replies, status changes and
 * automatic solving; groups of new tickets. Mails go through a transactional outbox and
 * are retried until the mail server takes them.
 */
package com.helpdesk.notification;
