/**
 * Reviews: the team's daily review of New and Open tickets, the weekly review of what
 * stayed unresolved, every New ticket acknowledged by the end of the day, and follow-ups
 * (a next action by a date, perhaps with a named specialist) so that tickets handed to
 * someone else are not forgotten.
 */
package com.helpdesk.review;
