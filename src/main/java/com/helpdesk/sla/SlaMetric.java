package com.helpdesk.sla;

/**
 * What an SLA measures.
 */
public enum SlaMetric {

	/** From creation to the first public reply from staff. Never paused. */
	FIRST_REPLY,
	/**
	 * From the oldest unanswered requester comment to the next public staff reply. Never
	 * paused.
	 */
	NEXT_REPLY,
	/** From creation to solved, counting only while the ticket waits on us. */
	RESOLUTION

}
