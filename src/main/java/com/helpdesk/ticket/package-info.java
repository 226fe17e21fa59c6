/**
 * Tickets: requests raised by requesters, triaged and answered by support engineers,
 * their status lifecycle, timeline, attachments and queues.
 */
package com.helpdesk.ticket;
