package com.helpdesk.ticket.internal;

import com.helpdesk.ticket.TicketService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds requesters of PENDING tickets after 3 quiet days and solves them after 5 (seed
 * 004). Each ticket is handled in its own transaction under a row lock and re-checked
 * there, so a run can be repeated, interrupted or raced by another instance without
 * doubling anything.
 */
@Component
public class PendingTicketsJob {

	private static final Logger log = LoggerFactory.getLogger(PendingTicketsJob.class);

	private final TicketService tickets;

	private final com.helpdesk.shared.JobRuns jobRuns;

	PendingTicketsJob(TicketService tickets, com.helpdesk.shared.JobRuns jobRuns) {
		this.tickets = tickets;
		this.jobRuns = jobRuns;
	}

	/**
	 * Answers how many tickets were solved and reminded.
	 */
	@Scheduled(fixedDelayString = "${helpdesk.pending.check-every:PT5M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "pending-tickets", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${helpdesk.pending.check-lock-at-least:PT4M}")
	public Result run() {
		return this.jobRuns.record("pending-tickets", this::solveAndRemind);
	}

	private Result solveAndRemind() {
		int solved = 0;
		for (Long id : this.tickets.pendingDueAutoSolve()) {
			if (this.tickets.autoSolveIfDue(id)) {
				solved++;
			}
		}
		int reminded = 0;
		for (Long id : this.tickets.pendingDueReminder()) {
			if (this.tickets.remindIfDue(id)) {
				reminded++;
			}
		}
		if (solved + reminded > 0) {
			log.info("Pending tickets: {} solved automatically, {} reminded", solved, reminded);
		}
		return new Result(solved, reminded);
	}

	public record Result(int solved, int reminded) {
	}

}
