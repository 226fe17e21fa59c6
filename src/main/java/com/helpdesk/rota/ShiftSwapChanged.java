package com.helpdesk.rota;

/**
 * A swap was asked for, accepted, approved, declined, refused or withdrawn: the people it
 * concerns are told.
 */
public record ShiftSwapChanged(long swapId, SwapStatus status) {

}
