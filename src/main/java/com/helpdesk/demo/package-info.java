/**
 * The demo accounts, clients, plans, groups and tickets of CONTRACT.md, loaded into an
 * empty database on start unless {@code HELPDESK_DEMO_DATA=false}.
 */
package com.helpdesk.demo;
