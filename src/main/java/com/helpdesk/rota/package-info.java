/**
 * Rotas: who is on first-line support and who is on call, shift by shift, generated from
 * a pattern in local wall-clock time and changed from a date without rewriting the past.
 */
package com.helpdesk.rota;
