/**
 * Delivery planning: in-depth work (application deployments, development support) that a
 * delivery manager scopes and schedules into weeks or sprints against the capacity the
 * team's rotas and leave leave free, and the feature-request backlog.
 */
package com.helpdesk.delivery;
