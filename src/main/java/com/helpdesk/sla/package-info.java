/**
 * Service level agreements: targets per plan, priority and metric; the clocks of every
 * ticket, replayed from its history so that they can always be explained; breaches,
 * risks, queues and the manager's dashboard.
 */
package com.helpdesk.sla;
