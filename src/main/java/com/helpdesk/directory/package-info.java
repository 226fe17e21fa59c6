/**
 * Who is who: clients and their support plans, people and their roles, groups of staff.
 */
package com.helpdesk.directory;
