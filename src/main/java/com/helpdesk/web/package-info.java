/**
 * What all pages share: the layout's model, how times are shown, the home page that sends
 * each person to theirs, and the error pages and problem details.
 */
package com.helpdesk.web;
