package com.helpdesk.rota;

/**
 * A shift with the names people read.
 *
 * @param scheduledPersonName who the pattern gave it to, when someone else holds it
 */
public record ShiftView(Shift shift, String rotaName, String personName, String scheduledPersonName) {

}
