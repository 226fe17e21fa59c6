package com.helpdesk.rota;

import java.time.Instant;

/**
 * A swap request as people read it.
 *
 * @param colleagueId who is asked; {@code null} when anyone on the position may take it
 * @param colleagueStart the start of the colleague's shift given in return, or
 * {@code null} when nothing is given in return
 * @param takenById who accepted an open request
 */
public record SwapView(long id, long rotaId, String rotaName, long positionId, String positionName, long requesterId,
		String requesterName, int requesterStint, Instant requesterStart, Instant requesterEnd, Long colleagueId,
		String colleagueName, Integer colleagueStint, Instant colleagueStart, Instant colleagueEnd, SwapStatus status,
		boolean needsApproval, String note, Long takenById, String takenByName, Instant createdAt) {

	public boolean isOpenToAnyone() {
		return this.colleagueId == null;
	}

	public boolean isReturned() {
		return this.colleagueStint != null;
	}

	/**
	 * Who ends up with the requester's shift: the colleague asked, or whoever took it.
	 */
	public Long receiverId() {
		return (this.colleagueId != null) ? this.colleagueId : this.takenById;
	}

}
