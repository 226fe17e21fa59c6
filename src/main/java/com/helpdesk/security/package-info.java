/**
 * Signing in (form, HTTP Basic, personal API tokens), throttling of failed sign-ins, and
 * which role may open which page.
 */
package com.helpdesk.security;
