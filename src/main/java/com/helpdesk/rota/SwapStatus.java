package com.helpdesk.rota;

/**
 * Where a swap request stands.
 */
public enum SwapStatus {

	/** Waiting for the colleague, or for anyone on the position to take it. */
	REQUESTED,

	/** The colleague accepted; a manager has yet to approve. */
	AWAITING_APPROVAL,

	/** Made: the rota shows it. */
	DONE,

	/** The colleague said no. */
	DECLINED,

	/** The person who asked withdrew it. */
	CANCELLED,

	/** A manager said no. */
	REFUSED;

	public boolean isOpen() {
		return this == REQUESTED || this == AWAITING_APPROVAL;
	}

}
