package com.helpdesk.rota;

/**
 * A whole stint given to someone other than the pattern's choice, as a swap does.
 */
public record Assignment(long positionId, int stint, long personId) {

}
