package com.helpdesk.sla;

import java.util.List;

import com.helpdesk.sla.SlaFixture.Plan;

import static com.helpdesk.shared.Priority.CRITICAL;
import static com.helpdesk.shared.Priority.HIGH;
import static com.helpdesk.shared.Priority.LOW;
import static com.helpdesk.shared.Priority.NORMAL;
import static com.helpdesk.sla.SlaFixture.business;
import static com.helpdesk.sla.SlaFixture.endOfDay;
import static com.helpdesk.sla.SlaFixture.standardWith;
import static com.helpdesk.sla.SlaFixture.standardWithout;
import static com.helpdesk.sla.SlaMetric.FIRST_REPLY;
import static com.helpdesk.sla.SlaMetric.NEXT_REPLY;
import static com.helpdesk.sla.SlaMetric.RESOLUTION;
import static com.helpdesk.sla.SlaScenario.acknowledgeOpen;
import static com.helpdesk.sla.SlaScenario.autoSolve;
import static com.helpdesk.sla.SlaScenario.changeCalendarToSydney;
import static com.helpdesk.sla.SlaScenario.changeTargets;
import static com.helpdesk.sla.SlaScenario.internalNote;
import static com.helpdesk.sla.SlaScenario.moveClientTo;
import static com.helpdesk.sla.SlaScenario.planWork;
import static com.helpdesk.sla.SlaScenario.raise;
import static com.helpdesk.sla.SlaScenario.requesterReply;
import static com.helpdesk.sla.SlaScenario.scenario;
import static com.helpdesk.sla.SlaScenario.setOpen;
import static com.helpdesk.sla.SlaScenario.solveByRequester;
import static com.helpdesk.sla.SlaScenario.staffReply;
import static com.helpdesk.sla.SlaScenario.triagePriority;
import static com.helpdesk.sla.SlaScenario.unplanWork;
import static com.helpdesk.ticket.TicketStatus.OPEN;
import static com.helpdesk.ticket.TicketStatus.PENDING;
import static com.helpdesk.ticket.TicketStatus.SOLVED;

/**
 * The SLA scenarios, each worked out by hand.
 * <p>
 * London calendar: Mon–Fri 10:00–18:00 (8 business hours a day), closed on England and
 * Wales bank holidays (2026: 3 Apr, 6 Apr, 25 Dec, 28 Dec; 2027: 1 Jan, 26 Mar, 29 Mar, 3
 * May). Sydney calendar: Mon–Fri 09:00–17:00, no holidays. Standard targets: CRITICAL 30m
 * / 1h / 4h 24/7; HIGH 2h / 2h / 8h business; NORMAL end of business day / 4h / 16h
 * business; LOW none (first reply / next reply / resolution). Fast plan: CRITICAL 15m /
 * 30m / 2h 24/7; HIGH 1h / 1h / 4h; NORMAL 4h / 2h / 8h; LOW first reply 8h.
 * <p>
 * Weekdays used: 2026-03-27 Fri, 03-29 Sun (London clocks go forward at 01:00 GMT), 04-02
 * Thu, 04-05 Sun (Sydney clocks go back 03:00 AEDT → 02:00 AEST), 10-02 Fri, 10-04 Sun
 * (Sydney clocks go forward 02:00 AEST → 03:00 AEDT), 10-23 Fri, 10-25 Sun (London clocks
 * go back at 01:00 GMT), 11-23 Mon, 11-24 Tue, 11-28 Sat, 11-30 Mon, 12-02 Wed, 12-24
 * Thu, 12-28 Mon, 12-31 Thu; 2027-01-04 Mon, 03-25 Thu, 03-28 Sun (London clocks go
 * forward), 05-01 Sat.
 */
final class SlaScenarios {

	private SlaScenarios() {
	}

	static List<SlaScenario> all() {
		return List.of(
				// arrivals
				scenario("HIGH raised on a weekday morning and answered in time").at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply())
					.check("2026-11-24T16:00")
					// 10:00 + 2h = 12:00; answered 11:00
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					// 10:00 + 8h = 18:00
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("HIGH raised at 17:00 and answered late the next day").at("2026-11-24T17:00", raise(HIGH))
					.at("2026-11-25T12:00", staffReply())
					.check("2026-11-25T12:30")
					// 1h on Tue (17-18) + 1h on Wed (10-11) = Wed 11:00, answered 12:00
					.breached(FIRST_REPLY, "2026-11-25T11:00", "2026-11-25T12:00")
					// 1h Tue + 7h Wed = Wed 17:00
					.active(RESOLUTION, "2026-11-25T17:00")
					.build(),
				scenario("HIGH raised on Saturday morning starts counting on Monday at opening")
					.at("2026-11-28T09:00", raise(HIGH))
					.check("2026-11-30T11:00")
					// Mon 10:00 + 2h; Mon 10:00 + 8h
					.active(FIRST_REPLY, "2026-11-30T12:00")
					.active(RESOLUTION, "2026-11-30T18:00")
					.build(),
				scenario("HIGH raised before opening counts from 10:00").at("2026-11-25T08:15", raise(HIGH))
					.check("2026-11-25T09:30")
					.active(FIRST_REPLY, "2026-11-25T12:00")
					.active(RESOLUTION, "2026-11-25T18:00")
					.build(),
				scenario("HIGH raised after closing breaches at noon the next day").at("2026-11-26T19:40", raise(HIGH))
					.check("2026-11-27T12:30")
					// nothing counts Thu evening; Fri 10:00 + 2h = 12:00, nobody replied
					.breached(FIRST_REPLY, "2026-11-27T12:00", null)
					.active(RESOLUTION, "2026-11-27T18:00")
					.build(),
				scenario("NORMAL raised mid-afternoon is due by the end of the same business day")
					.at("2026-11-23T14:20", raise(NORMAL))
					.at("2026-11-23T17:10", staffReply())
					.check("2026-11-23T17:30")
					// end of business day = Mon 18:00 (3h40 of business time)
					.fulfilled(FIRST_REPLY, "2026-11-23T18:00", "2026-11-23T17:10")
					// 16h: Mon 3h40 + Tue 8h + Wed 4h20 = Wed 14:20
					.active(RESOLUTION, "2026-11-25T14:20")
					.build(),
				scenario("NORMAL raised after closing is due by the end of the next business day")
					.at("2026-11-24T18:30", raise(NORMAL))
					.check("2026-11-25T19:00")
					// closed at 18:30: the business day is Wed, due 18:00, not answered
					.breached(FIRST_REPLY, "2026-11-25T18:00", null)
					// 16h from Wed 10:00: Wed 8h + Thu 8h = Thu 18:00
					.active(RESOLUTION, "2026-11-26T18:00")
					.build(),
				scenario("NORMAL raised on a Saturday is due by the end of Monday")
					.at("2026-11-28T15:00", raise(NORMAL))
					.at("2026-11-30T16:00", staffReply(PENDING))
					.check("2026-11-30T17:00")
					.fulfilled(FIRST_REPLY, "2026-11-30T18:00", "2026-11-30T16:00")
					// Mon 10:00-16:00 counted, then waiting on the requester
					.paused(RESOLUTION)
					.build(),
				// bank holidays
				scenario("NORMAL raised on Christmas Eve after closing is due by the end of 29 December")
					.at("2026-12-24T18:30", raise(NORMAL))
					.check("2026-12-29T12:00")
					// 25 Dec holiday, 26-27 weekend, 28 Dec holiday: next is Tue 29
					.active(FIRST_REPLY, "2026-12-29T18:00")
					// 16h: 29 Dec 8h + 30 Dec 8h
					.active(RESOLUTION, "2026-12-30T18:00")
					.build(),
				scenario("HIGH raised on Christmas Eve at 17:00 counts across the Christmas closure")
					.at("2026-12-24T17:00", raise(HIGH))
					.at("2026-12-29T10:30", staffReply())
					.check("2026-12-29T11:00")
					// 1h on the 24th + 1h on the 29th = 29 Dec 11:00
					.fulfilled(FIRST_REPLY, "2026-12-29T11:00", "2026-12-29T10:30")
					// 1h on the 24th + 7h on the 29th = 29 Dec 17:00
					.active(RESOLUTION, "2026-12-29T17:00")
					.build(),
				scenario("NORMAL raised on the Boxing Day substitute holiday is due by the end of 29 December")
					.at("2026-12-28T11:00", raise(NORMAL))
					.check("2026-12-29T18:30")
					// 28 Dec is closed: end of the next business day, Tue 29 Dec 18:00
					.breached(FIRST_REPLY, "2026-12-29T18:00", null)
					.active(RESOLUTION, "2026-12-30T18:00")
					.build(),
				scenario("HIGH resolution runs over New Year's Day and the weekend").at("2026-12-31T16:00", raise(HIGH))
					.at("2026-12-31T17:00", staffReply())
					.check("2027-01-04T12:00")
					.fulfilled(FIRST_REPLY, "2026-12-31T18:00", "2026-12-31T17:00")
					// 2h on 31 Dec; 1 Jan holiday; 2-3 Jan weekend; 6h on Mon 4 Jan
					.active(RESOLUTION, "2027-01-04T16:00")
					.build(),
				scenario("HIGH raised the day before Good Friday is due after Easter Monday")
					.at("2026-04-02T17:00", raise(HIGH))
					.check("2026-04-07T10:30")
					// 1h Thu 2 Apr; closed Fri 3 (Good Friday) to Mon 6 (Easter Monday);
					// 1h Tue 7
					.active(FIRST_REPLY, "2026-04-07T11:00")
					.active(RESOLUTION, "2026-04-07T17:00")
					.build(),
				scenario("NORMAL raised on the Saturday before the early May bank holiday 2027")
					.at("2027-05-01T12:00", raise(NORMAL))
					.check("2027-05-04T12:00")
					// Mon 3 May 2027 is a bank holiday: end of Tue 4 May
					.active(FIRST_REPLY, "2027-05-04T18:00")
					// 16h: Tue 8h + Wed 8h
					.active(RESOLUTION, "2027-05-05T18:00")
					.build(),
				// daylight saving time
				scenario("London spring forward: HIGH raised Friday 17:00 GMT is due Monday 11:00 BST")
					.at("2026-03-27T17:00", raise(HIGH))
					.check("2026-03-30T10:30")
					// business hours are wall-clock hours: 1h Fri + 1h Mon
					.active(FIRST_REPLY, "2026-03-30T11:00")
					.active(RESOLUTION, "2026-03-30T17:00")
					.build(),
				scenario("London spring forward: a 24/7 CRITICAL clock counts real hours across the lost hour")
					.at("2026-03-29T00:30", raise(CRITICAL))
					.at("2026-03-29T00:50", staffReply())
					.check("2026-03-29T06:00")
					// 00:30 GMT + 30 min = 01:00 GMT = 02:00 BST
					.fulfilled(FIRST_REPLY, "2026-03-29T02:00", "2026-03-29T00:50")
					// 00:30 GMT + 4h = 04:30 GMT = 05:30 BST, nobody solved it
					.breached(RESOLUTION, "2026-03-29T05:30", null)
					.build(),
				scenario("London autumn back: a 24/7 CRITICAL clock counts the repeated hour once more")
					.at("2026-10-25T00:30", raise(CRITICAL))
					.at("2026-10-25T03:00", staffReply())
					.check("2026-10-25T03:15")
					// 00:30 BST + 30 min = 01:00 BST (the first 01:00); answered 03:00
					.breached(FIRST_REPLY, "2026-10-25T01:00+01:00", "2026-10-25T03:00")
					// 00:30 BST = 23:30 UTC; + 4h = 03:30 UTC = 03:30 GMT
					.active(RESOLUTION, "2026-10-25T03:30")
					.build(),
				scenario("London autumn back: HIGH raised Friday 17:30 BST is due Monday 11:30 GMT")
					.at("2026-10-23T17:30", raise(HIGH))
					.check("2026-10-26T10:15")
					// 30 min Fri + 1h30 Mon
					.active(FIRST_REPLY, "2026-10-26T11:30")
					// 30 min Fri + 7h30 Mon
					.active(RESOLUTION, "2026-10-26T17:30")
					.build(),
				scenario("London spring forward 2027 after Good Friday and Easter Monday")
					.at("2027-03-25T17:30", raise(HIGH))
					.check("2027-03-30T10:00")
					// 30 min Thu 25 Mar; closed 26 (Good Friday) to 29 Mar (Easter
					// Monday), clocks forward on the 28th; 1h30 Tue 30 Mar BST
					.active(FIRST_REPLY, "2027-03-30T11:30")
					.active(RESOLUTION, "2027-03-30T17:30")
					.build(),
				scenario("Sydney end of daylight saving: HIGH raised Friday 16:00 AEDT is due Monday 10:00 AEST")
					.sydney()
					.at("2026-04-03T16:00", raise(HIGH))
					.check("2026-04-06T09:30")
					// Sydney hours 09:00-17:00 (no holidays): 1h Fri + 1h Mon
					.active(FIRST_REPLY, "2026-04-06T10:00")
					// 1h Fri + 7h Mon
					.active(RESOLUTION, "2026-04-06T16:00")
					.build(),
				scenario("Sydney end of daylight saving: a 24/7 CRITICAL clock counts the repeated hour").sydney()
					.at("2026-04-05T01:30", raise(CRITICAL))
					.check("2026-04-05T04:15")
					// 01:30 AEDT (14:30 UTC) + 30 min = 02:00 AEDT, the first 02:00
					.breached(FIRST_REPLY, "2026-04-05T02:00+11:00", null)
					// 14:30 UTC + 4h = 18:30 UTC = 04:30 AEST
					.active(RESOLUTION, "2026-04-05T04:30")
					.build(),
				scenario("Sydney start of daylight saving: a 24/7 CRITICAL reply at 03:10 AEDT is in time").sydney()
					.at("2026-10-04T01:45", raise(CRITICAL))
					.at("2026-10-04T03:10", staffReply())
					.check("2026-10-04T06:00")
					// 01:45 AEST (15:45 UTC) + 30 min = 16:15 UTC = 03:15 AEDT
					.fulfilled(FIRST_REPLY, "2026-10-04T03:15", "2026-10-04T03:10")
					// 15:45 UTC + 4h = 19:45 UTC = 06:45 AEDT
					.active(RESOLUTION, "2026-10-04T06:45")
					.build(),
				scenario("Sydney start of daylight saving: HIGH raised Friday 16:30 AEST answered late on Monday")
					.sydney()
					.at("2026-10-02T16:30", raise(HIGH))
					.at("2026-10-05T10:45", staffReply())
					.check("2026-10-05T11:00")
					// 30 min Fri + 1h30 Mon = Mon 10:30 AEDT
					.breached(FIRST_REPLY, "2026-10-05T10:30", "2026-10-05T10:45")
					// 30 min Fri + 7h30 Mon
					.active(RESOLUTION, "2026-10-05T16:30")
					.build(),
				// pause and resume, solve and reopen
				scenario("Pending pauses the resolution clock and a requester reply resumes it")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply(PENDING))
					.at("2026-11-25T15:00", requesterReply())
					.check("2026-11-25T16:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					// 1h used before the pause; 7h left from Wed 15:00:
					// 3h Wed + 4h Thu = Thu 14:00
					.active(RESOLUTION, "2026-11-26T14:00")
					// Wed 15:00 + 2h
					.active(NEXT_REPLY, 1, "2026-11-25T17:00")
					.build(),
				scenario("A pending ticket does not breach over a long weekend").at("2026-11-27T16:00", raise(HIGH))
					.at("2026-11-27T16:30", staffReply(PENDING))
					.check("2026-12-01T12:00")
					.fulfilled(FIRST_REPLY, "2026-11-27T18:00", "2026-11-27T16:30")
					// 30 min used; paused since, so no due time and no breach
					.paused(RESOLUTION)
					.build(),
				scenario("Solved by the requester while pending: resolution stops without a due time")
					.at("2026-11-23T10:00", raise(NORMAL))
					.at("2026-11-23T10:30", staffReply(PENDING))
					.at("2026-11-23T13:00", solveByRequester())
					.check("2026-11-23T14:00")
					.fulfilled(FIRST_REPLY, "2026-11-23T18:00", "2026-11-23T10:30")
					// the clock was paused when it stopped, so it has no due time
					.fulfilled(RESOLUTION, null, "2026-11-23T13:00")
					.build(),
				scenario("Staff set a pending ticket back to Open: the resolution clock resumes")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", staffReply(PENDING))
					.at("2026-11-24T13:00", setOpen())
					.check("2026-11-24T14:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T10:30")
					// 30 min used; 7h30 left from 13:00: 5h Tue + 2h30 Wed = Wed 12:30;
					// no requester comment, so no NEXT_REPLY
					.active(RESOLUTION, "2026-11-25T12:30")
					.build(),
				scenario("Pending across Christmas, resumed on 29 December").at("2026-12-24T10:00", raise(NORMAL))
					.at("2026-12-24T12:00", staffReply(PENDING))
					.at("2026-12-29T11:00", requesterReply())
					.check("2026-12-29T12:00")
					.fulfilled(FIRST_REPLY, "2026-12-24T18:00", "2026-12-24T12:00")
					// 29 Dec 11:00 + 4h
					.active(NEXT_REPLY, 1, "2026-12-29T15:00")
					// 2h used; 14h left: 7h on 29 Dec (11-18) + 7h on 30 Dec
					.active(RESOLUTION, "2026-12-30T17:00")
					.build(),
				scenario("Reopened after solved: resolution resumes with the time already used")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply(OPEN))
					.at("2026-11-24T13:00", staffReply(SOLVED))
					.at("2026-11-25T10:00", requesterReply())
					.check("2026-11-25T11:30")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					// 3h used (10-13); 5h left from Wed 10:00
					.active(RESOLUTION, "2026-11-25T15:00")
					// Wed 10:00 + 2h
					.active(NEXT_REPLY, 1, "2026-11-25T12:00")
					.build(),
				scenario("Reopened twice: each comment after a solve starts a new NEXT_REPLY cycle")
					.at("2026-11-30T10:00", raise(NORMAL))
					.at("2026-11-30T10:30", staffReply(SOLVED))
					.at("2026-11-30T12:00", requesterReply())
					.at("2026-11-30T13:00", staffReply(SOLVED))
					.at("2026-12-01T10:00", requesterReply())
					.check("2026-12-01T15:00")
					.fulfilled(FIRST_REPLY, "2026-11-30T18:00", "2026-11-30T10:30")
					// 12:00 + 4h = 16:00, answered 13:00
					.fulfilled(NEXT_REPLY, 1, "2026-11-30T16:00", "2026-11-30T13:00")
					// Tue 10:00 + 4h = 14:00, not answered
					.breached(NEXT_REPLY, 2, "2026-12-01T14:00", null)
					// used 30 min + 1h = 1h30; 14h30 left from Tue 10:00:
					// 8h Tue + 6h30 Wed = Wed 16:30
					.active(RESOLUTION, "2026-12-02T16:30")
					.build(),
				scenario("Breached resolution stays breached when the ticket is reopened")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", staffReply())
					.at("2026-11-25T12:00", staffReply(SOLVED))
					.at("2026-11-25T14:00", requesterReply())
					.check("2026-11-25T15:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T10:30")
					// due Tue 18:00, breached then; solved late (Wed 12:00) but
					// reopened at 14:00, so not fulfilled
					.breached(RESOLUTION, "2026-11-24T18:00", null)
					.active(NEXT_REPLY, 1, "2026-11-25T16:00")
					.build(),
				scenario("Breach then late fulfilment of the resolution").at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", staffReply())
					.at("2026-11-25T11:00", staffReply(SOLVED))
					.check("2026-11-25T12:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T10:30")
					// 8h from Tue 10:00 = Tue 18:00; solved Wed 11:00
					.breached(RESOLUTION, "2026-11-24T18:00", "2026-11-25T11:00")
					.build(),
				scenario("A quiet pending ticket solved automatically after five days")
					.at("2026-11-23T10:00", raise(HIGH))
					.at("2026-11-23T10:30", staffReply(PENDING))
					.at("2026-11-28T11:00", autoSolve())
					.check("2026-11-28T12:00")
					.fulfilled(FIRST_REPLY, "2026-11-23T12:00", "2026-11-23T10:30")
					// paused from Mon 10:30 until solved on Sat 11:00
					.fulfilled(RESOLUTION, null, "2026-11-28T11:00")
					.build(),
				scenario("The requester solves their New ticket, then reopens it").at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:45", solveByRequester())
					.at("2026-11-24T11:00", requesterReply())
					.check("2026-11-24T11:30")
					// solving stops the reply clock nobody answered
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T10:45")
					// no staff reply yet, so the comment starts no NEXT_REPLY;
					// 45 min used, 7h15 left from 11:00: 7h Tue + 15 min Wed = Wed 10:15
					.active(RESOLUTION, "2026-11-25T10:15")
					.build(),
				// reply clocks
				scenario("Several requester comments before a reply make one NEXT_REPLY from the oldest")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", staffReply())
					.at("2026-11-24T11:00", requesterReply())
					.at("2026-11-24T12:00", requesterReply())
					.at("2026-11-24T14:00", staffReply())
					.at("2026-11-24T15:00", requesterReply())
					.check("2026-11-24T16:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T10:30")
					// from 11:00 (not 12:00): due 13:00, answered 14:00
					.breached(NEXT_REPLY, 1, "2026-11-24T13:00", "2026-11-24T14:00")
					.active(NEXT_REPLY, 2, "2026-11-24T17:00")
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("NEXT_REPLY cycles across days").at("2026-12-02T10:00", raise(NORMAL))
					.at("2026-12-02T11:00", staffReply())
					.at("2026-12-02T17:00", requesterReply())
					.at("2026-12-03T12:00", staffReply())
					.at("2026-12-03T17:30", requesterReply())
					.check("2026-12-04T11:00")
					.fulfilled(FIRST_REPLY, "2026-12-02T18:00", "2026-12-02T11:00")
					// 4h: 1h Wed + 3h Thu = Thu 13:00, answered 12:00
					.fulfilled(NEXT_REPLY, 1, "2026-12-03T13:00", "2026-12-03T12:00")
					// 4h: 30 min Thu + 3h30 Fri = Fri 13:30
					.active(NEXT_REPLY, 2, "2026-12-04T13:30")
					// 16h from Wed 10:00 = Thu 18:00, never paused
					.breached(RESOLUTION, "2026-12-03T18:00", null)
					.build(),
				scenario("Requester comments on a New ticket start no NEXT_REPLY").at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:20", requesterReply())
					.at("2026-11-24T11:00", staffReply())
					.check("2026-11-24T11:30")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("Solving stops an unanswered NEXT_REPLY").at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", staffReply())
					.at("2026-11-24T11:00", requesterReply())
					.at("2026-11-24T12:00", solveByRequester())
					.check("2026-11-24T15:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T10:30")
					.fulfilled(NEXT_REPLY, 1, "2026-11-24T13:00", "2026-11-24T12:00")
					.fulfilled(RESOLUTION, "2026-11-24T18:00", "2026-11-24T12:00")
					.build(),
				scenario("Acknowledging a New ticket (Open, no reply) does not stop the first reply clock")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", acknowledgeOpen())
					.check("2026-11-24T12:30")
					.breached(FIRST_REPLY, "2026-11-24T12:00", null)
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("An internal note does not stop the first reply clock").at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", internalNote())
					.check("2026-11-24T12:30")
					.breached(FIRST_REPLY, "2026-11-24T12:00", null)
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				// 24/7 CRITICAL
				scenario("CRITICAL raised late on Saturday counts every minute").at("2026-11-28T23:00", raise(CRITICAL))
					.at("2026-11-29T00:20", staffReply())
					.at("2026-11-29T02:00", staffReply(SOLVED))
					.check("2026-11-29T09:00")
					// 23:00 + 30 min, answered 00:20 Sunday
					.breached(FIRST_REPLY, "2026-11-28T23:30", "2026-11-29T00:20")
					// 23:00 + 4h = Sun 03:00, solved 02:00
					.fulfilled(RESOLUTION, "2026-11-29T03:00", "2026-11-29T02:00")
					.build(),
				scenario("CRITICAL NEXT_REPLY on a Sunday: 1 hour, 24/7").at("2026-11-29T09:00", raise(CRITICAL))
					.at("2026-11-29T09:10", staffReply(PENDING))
					.at("2026-11-29T11:00", requesterReply())
					.check("2026-11-29T12:30")
					.fulfilled(FIRST_REPLY, "2026-11-29T09:30", "2026-11-29T09:10")
					// 11:00 + 1h
					.breached(NEXT_REPLY, 1, "2026-11-29T12:00", null)
					// 10 min used; 3h50 left from 11:00 = 14:50
					.active(RESOLUTION, "2026-11-29T14:50")
					.build(),
				// priority changes
				scenario("Priority raised HIGH to CRITICAL: the 24/7 target counts from the start")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:10", triagePriority(CRITICAL))
					.check("2026-11-24T10:20")
					// 10:00 + 30 min; 10:00 + 4h
					.active(FIRST_REPLY, "2026-11-24T10:30")
					.active(RESOLUTION, "2026-11-24T14:00")
					.build(),
				scenario("Priority raised to CRITICAL after the new target is used up breaches at once")
					.at("2026-11-24T16:30", raise(NORMAL))
					.at("2026-11-24T17:50", triagePriority(CRITICAL))
					.check("2026-11-24T21:00")
					// 1h20 used >= 30 min: breached at the change, 17:50
					.breached(FIRST_REPLY, "2026-11-24T17:50", null)
					// 4h 24/7 with 1h20 used: 17:50 + 2h40 = 20:30
					.breached(RESOLUTION, "2026-11-24T20:30", null)
					.build(),
				scenario("Priority lowered HIGH to NORMAL: end of business day counted from the start")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", triagePriority(NORMAL))
					.check("2026-11-24T13:00")
					// NORMAL: the end of the day it was raised, 18:00 (HIGH would have
					// breached at 12:00)
					.active(FIRST_REPLY, "2026-11-24T18:00")
					// 16h from Tue 10:00 = Wed 18:00
					.active(RESOLUTION, "2026-11-25T18:00")
					.build(),
				scenario("Priority raised while pending: the new target applies when the clock resumes")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply(PENDING))
					.at("2026-11-24T12:00", triagePriority(CRITICAL))
					.at("2026-11-24T14:00", requesterReply())
					.check("2026-11-24T14:30")
					// stopped at 11:00, before the change: still the HIGH target
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					// 1h used; CRITICAL 4h 24/7: 3h left from 14:00 = 17:00
					.active(RESOLUTION, "2026-11-24T17:00")
					// CRITICAL 1h 24/7 from 14:00
					.active(NEXT_REPLY, 1, "2026-11-24T15:00")
					.build(),
				scenario("CRITICAL lowered to HIGH on Saturday: the business clock waits for Monday")
					.at("2026-11-28T10:00", raise(CRITICAL))
					.at("2026-11-28T10:10", triagePriority(HIGH))
					.check("2026-11-30T10:30")
					// 10 min used on the 24/7 clock; 1h50 of HIGH's 2h left, counted
					// from Mon 10:00
					.active(FIRST_REPLY, "2026-11-30T11:50")
					// 10 min used; 7h50 left from Mon 10:00 = 17:50
					.active(RESOLUTION, "2026-11-30T17:50")
					.build(),
				scenario("Priority lowered to LOW, which has no target, removes the clocks")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", triagePriority(LOW))
					.check("2026-11-24T12:30")
					.noClocks()
					.build(),
				scenario("Priority lowered to LOW after the first reply: the fulfilled clock stays, resolution goes")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", staffReply())
					.at("2026-11-24T11:00", triagePriority(LOW))
					.check("2026-11-24T11:30")
					// the first reply ended before the change, with the HIGH target
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T10:30")
					.build(),
				scenario("Priority lowered to LOW and raised back: the clock returns with the time used")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", triagePriority(LOW))
					.at("2026-11-24T11:00", triagePriority(HIGH))
					.check("2026-11-24T11:15")
					// counted from the start: 10:00 + 2h, 10:00 + 8h
					.active(FIRST_REPLY, "2026-11-24T12:00")
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("Priority lowered to LOW after the first reply breached keeps the breach")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T12:30", triagePriority(LOW))
					.check("2026-11-24T13:00")
					// breached at 12:00 and stays breached; resolution has no target
					.breached(FIRST_REPLY, "2026-11-24T12:00", null)
					.build(),
				// plan changes
				scenario("Client moved to a faster plan mid-flight").at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", moveClientTo(Plan.FAST))
					.check("2026-11-24T10:45")
					// fast HIGH: 1h and 4h, counted from the start
					.active(FIRST_REPLY, "2026-11-24T11:00")
					.active(RESOLUTION, "2026-11-24T14:00")
					.build(),
				scenario("Client moved to a plan whose first reply target is already used up")
					.at("2026-11-24T10:00", raise(NORMAL))
					.at("2026-11-24T15:00", moveClientTo(Plan.FAST))
					.check("2026-11-24T16:00")
					// fast NORMAL first reply 4h, 5h used: breached at the move
					.breached(FIRST_REPLY, "2026-11-24T15:00", null)
					// fast NORMAL resolution 8h from 10:00
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("Client moved to a plan with a LOW target: a first reply clock appears")
					.at("2026-11-24T10:00", raise(LOW))
					.at("2026-11-24T11:00", moveClientTo(Plan.FAST))
					.check("2026-11-24T12:00")
					// fast LOW first reply 8h from the start: Tue 18:00; no resolution
					.active(FIRST_REPLY, "2026-11-24T18:00")
					.build(),
				scenario("Client moved to the Sydney plan: the rest is counted in Sydney hours")
					.at("2026-11-23T10:00", raise(HIGH))
					.at("2026-11-23T11:00", moveClientTo(Plan.SYDNEY))
					.check("2026-11-23T12:00")
					// 1h used in London; 11:00 GMT = 22:00 AEDT; 1h left from Tue
					// 09:00 AEDT = 10:00 AEDT = Mon 23:00 GMT
					.active(FIRST_REPLY, "2026-11-23T23:00")
					// 7h left from Tue 09:00 AEDT = 16:00 AEDT = Tue 05:00 GMT
					.active(RESOLUTION, "2026-11-24T05:00")
					.build(),
				// plan target changes
				scenario("Plan target lengthened mid-flight: HIGH first reply 2h to 4h").ownPlan()
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", changeTargets(standardWith(business(HIGH, FIRST_REPLY, "PT4H"))))
					.check("2026-11-24T12:30")
					// 10:00 + 4h (the old target would have breached at 12:00)
					.active(FIRST_REPLY, "2026-11-24T14:00")
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("Plan target shortened below the time used breaches at the change").ownPlan()
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T13:00", changeTargets(standardWith(business(HIGH, RESOLUTION, "PT2H"))))
					.check("2026-11-24T14:00")
					.breached(FIRST_REPLY, "2026-11-24T12:00", null)
					// 3h used >= 2h: breached at the change, 13:00
					.breached(RESOLUTION, "2026-11-24T13:00", null)
					.build(),
				scenario("Plan target changed after the ticket was solved leaves its clocks alone").ownPlan()
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply(SOLVED))
					.at("2026-11-24T11:30",
							changeTargets(standardWith(business(HIGH, FIRST_REPLY, "PT30M"),
									business(HIGH, RESOLUTION, "PT30M"))))
					.check("2026-11-24T12:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					.fulfilled(RESOLUTION, "2026-11-24T18:00", "2026-11-24T11:00")
					.build(),
				scenario("Plan target changed to the end of the business day mid-flight").ownPlan()
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", changeTargets(standardWith(endOfDay(HIGH, FIRST_REPLY))))
					.check("2026-11-24T12:30")
					// the end of the business day the ticket was raised: Tue 18:00
					.active(FIRST_REPLY, "2026-11-24T18:00")
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("Plan target removed mid-flight removes the running NEXT_REPLY clock").ownPlan()
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T10:30", staffReply())
					.at("2026-11-24T11:00", requesterReply())
					.at("2026-11-24T11:30", changeTargets(standardWithout(HIGH, NEXT_REPLY)))
					.check("2026-11-24T12:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T10:30")
					.active(RESOLUTION, "2026-11-24T18:00")
					.build(),
				scenario("Target lowered below the time used while pending breaches when the clock runs again")
					.ownPlan()
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply(PENDING))
					.at("2026-11-24T12:00", changeTargets(standardWith(business(HIGH, RESOLUTION, "PT30M"))))
					.at("2026-11-24T14:00", requesterReply())
					.check("2026-11-24T14:30")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					// 1h used >= 30 min, but a paused clock does not breach: it
					// breaches as it resumes, 14:00
					.breached(RESOLUTION, "2026-11-24T14:00", null)
					.active(NEXT_REPLY, 1, "2026-11-24T16:00")
					.build(),
				scenario("Plan moved to the Sydney calendar mid-flight: time already used stays London time").ownPlan()
					.at("2026-11-23T10:00", raise(HIGH))
					.at("2026-11-23T11:00", changeCalendarToSydney())
					.check("2026-11-23T12:00")
					// as for a client moved to the Sydney plan: 1h used in London
					// hours; 1h left from Tue 09:00 AEDT = Mon 23:00 GMT;
					// 7h left = Tue 16:00 AEDT = Tue 05:00 GMT
					.active(FIRST_REPLY, "2026-11-23T23:00")
					.active(RESOLUTION, "2026-11-24T05:00")
					.build(),
				// delivery planning
				scenario("Work planned into a week pauses the resolution clock, and moving it keeps it paused")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply())
					.at("2026-11-24T12:00", planWork("2026-11-30"))
					.at("2026-11-25T12:00", planWork("2026-12-07"))
					.check("2026-11-26T10:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					// 2h used (10-12), then paused while planned
					.paused(RESOLUTION)
					.build(),
				scenario("Work taken off the plan resumes the resolution clock with the time already used")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply())
					.at("2026-11-24T12:00", planWork("2026-11-30"))
					.at("2026-11-26T14:00", unplanWork())
					.check("2026-11-26T15:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					// 6h left from Thu 14:00: 4h Thu + 2h Fri = Fri 12:00
					.active(RESOLUTION, "2026-11-27T12:00")
					.build(),
				scenario("Planned work declined and solved, then reopened by the requester, runs again")
					.at("2026-11-24T10:00", raise(HIGH))
					.at("2026-11-24T11:00", staffReply())
					.at("2026-11-24T12:00", planWork("2026-11-30"))
					.at("2026-11-26T10:00", staffReply(SOLVED))
					.at("2026-11-26T10:00", unplanWork())
					.at("2026-11-27T10:00", requesterReply())
					.check("2026-11-27T11:00")
					.fulfilled(FIRST_REPLY, "2026-11-24T12:00", "2026-11-24T11:00")
					// Fri 10:00 + 2h
					.active(NEXT_REPLY, "2026-11-27T12:00")
					// 6h left from Fri 10:00
					.active(RESOLUTION, "2026-11-27T16:00")
					.build());
	}

}
