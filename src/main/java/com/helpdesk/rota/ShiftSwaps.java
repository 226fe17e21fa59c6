package com.helpdesk.rota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.internal.RotaStore;
import com.helpdesk.rota.internal.SwapStore;
import com.helpdesk.rota.internal.SwapStore.SwapRow;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Engineers swapping shifts: one asks a colleague for a swap (or offers a shift to anyone
 * on the position), the colleague accepts or declines, a manager approves where the rota
 * asks for it. Only shifts still to come can change hands, and each decision is taken
 * once: of two people acting on one request at the same moment, the second is told.
 */
@Service
@Transactional
public class ShiftSwaps {

	/** How long decided requests stay in people's lists. */
	private static final Duration RECENT = Duration.ofDays(14);

	private static final int MAX_NOTE = 500;

	private final SwapStore swaps;

	private final RotaStore rotas;

	private final Directory directory;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ShiftSwaps(SwapStore swaps, RotaStore rotas, Directory directory, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.swaps = swaps;
		this.rotas = rotas;
		this.directory = directory;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks for a swap of a whole stint.
	 * @param colleagueId who is asked, or {@code null} to let anyone on the position take
	 * it
	 * @param colleagueStint the colleague's stint given in return, or {@code null} for
	 * none
	 */
	public long request(Person requester, long rotaId, long positionId, int stint, Long colleagueId,
			Integer colleagueStint, String note) {
		Rota rota = lockedRota(rotaId);
		RotaPosition position = rota.position(positionId)
			.orElseThrow(() -> new NotFoundException("position", positionId));
		Instant now = this.clock.instant();
		List<FieldError> errors = new ArrayList<>();
		Shift mine = rota.stint(position, stint).orElse(null);
		if (mine == null || mine.personId() != requester.id()) {
			errors.add(new FieldError("stint", "rota.swap.notYours"));
		}
		else if (!mine.start().isAfter(now)) {
			errors.add(new FieldError("stint", "rota.swap.started"));
		}
		else if (this.swaps.openFor(positionId, stint)) {
			errors.add(new FieldError("stint", "rota.swap.pending"));
		}
		if (colleagueId != null) {
			if (colleagueId == requester.id()) {
				errors.add(new FieldError("colleague", "rota.swap.self"));
			}
			else if (rota.positions().stream().noneMatch((p) -> rota.isOn(p, colleagueId))) {
				errors.add(new FieldError("colleague", "rota.swap.notOnRota"));
			}
			else if (colleagueStint != null) {
				Shift theirs = rota.stint(position, colleagueStint).orElse(null);
				if (theirs == null || theirs.personId() != colleagueId) {
					errors.add(new FieldError("colleague", "rota.swap.notTheirs"));
				}
				else if (!theirs.start().isAfter(now)) {
					errors.add(new FieldError("colleague", "rota.swap.started"));
				}
				else if (this.swaps.openFor(positionId, colleagueStint)) {
					errors.add(new FieldError("colleague", "rota.swap.pending"));
				}
			}
		}
		else if (colleagueStint != null) {
			errors.add(new FieldError("colleague", "rota.swap.notTheirs"));
		}
		String text = (note != null && !note.isBlank()) ? note.trim() : null;
		TextRules.text(errors, "note", text, MAX_NOTE, "rota.swap.note.tooLong");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long id = this.swaps.insert(rotaId, positionId, requester.id(), stint, colleagueId, colleagueStint, text, now);
		this.audit.record(requester.id(), "ROTA", rotaId, "SWAP_REQUESTED", describe(rota, position, id));
		this.events.publishEvent(new ShiftSwapChanged(id, SwapStatus.REQUESTED));
		return id;
	}

	/**
	 * The colleague asked (or, for an open request, anyone on the position) accepts: the
	 * swap is made, or waits for a manager where the rota asks for approval.
	 */
	public SwapStatus accept(long swapId, Person actor) {
		Rota rota = lockedRota(load(swapId).rotaId());
		// read again under the rota's lock: someone may have answered while we waited
		SwapRow swap = load(swapId);
		RotaPosition position = rota.position(swap.positionId()).orElseThrow();
		if (swap.requesterId() == actor.id()) {
			throw new AccessDeniedException("Cannot accept one's own request");
		}
		if (swap.colleagueId() != null ? swap.colleagueId() != actor.id() : !rota.isOn(position, actor.id())) {
			throw new AccessDeniedException("Not asked");
		}
		if (swap.status() != SwapStatus.REQUESTED) {
			throw new ConflictException(swap.status().isOpen() || swap.status() == SwapStatus.DONE ? "rota.swap.taken"
					: "rota.swap.closed");
		}
		long receiver = (swap.colleagueId() != null) ? swap.colleagueId() : actor.id();
		checkStillAsAsked(rota, position, swap, receiver);
		SwapStatus next = rota.swapApproval() ? SwapStatus.AWAITING_APPROVAL : SwapStatus.DONE;
		if (!this.swaps.move(swapId, SwapStatus.REQUESTED, next, actor.id(), actor.id(), this.clock.instant())) {
			throw new ConflictException("rota.swap.taken");
		}
		if (next == SwapStatus.DONE) {
			apply(swap, receiver);
		}
		this.audit.record(actor.id(), "ROTA", rota.id(), "SWAP_" + next.name(), describe(rota, position, swapId));
		this.events.publishEvent(new ShiftSwapChanged(swapId, next));
		return next;
	}

	public void decline(long swapId, Person actor) {
		SwapRow swap = load(swapId);
		if (swap.colleagueId() == null || swap.colleagueId() != actor.id()) {
			throw new AccessDeniedException("Not asked");
		}
		finish(swap, SwapStatus.REQUESTED, SwapStatus.DECLINED, actor);
	}

	public void cancel(long swapId, Person actor) {
		SwapRow swap = load(swapId);
		if (swap.requesterId() != actor.id()) {
			throw new AccessDeniedException("Not theirs");
		}
		finish(swap, swap.status(), SwapStatus.CANCELLED, actor);
	}

	/**
	 * A manager approves or refuses a swap the colleagues agreed.
	 */
	public void decide(long swapId, Person manager, boolean approve) {
		if (manager.role() != Role.MANAGER && manager.role() != Role.ADMIN) {
			throw new AccessDeniedException("Managers approve swaps");
		}
		Rota rota = lockedRota(load(swapId).rotaId());
		SwapRow swap = load(swapId);
		if (!approve) {
			finish(swap, SwapStatus.AWAITING_APPROVAL, SwapStatus.REFUSED, manager);
			return;
		}
		RotaPosition position = rota.position(swap.positionId()).orElseThrow();
		if (swap.status() != SwapStatus.AWAITING_APPROVAL) {
			throw new ConflictException("rota.swap.closed");
		}
		checkStillAsAsked(rota, position, swap, swap.colleagueId() != null ? swap.colleagueId() : swap.takenBy());
		if (!this.swaps.move(swapId, SwapStatus.AWAITING_APPROVAL, SwapStatus.DONE, manager.id(), null,
				this.clock.instant())) {
			throw new ConflictException("rota.swap.closed");
		}
		apply(swap, (swap.colleagueId() != null) ? swap.colleagueId() : swap.takenBy());
		this.audit.record(manager.id(), "ROTA", rota.id(), "SWAP_APPROVED", describe(rota, position, swapId));
		this.events.publishEvent(new ShiftSwapChanged(swapId, SwapStatus.DONE));
	}

	@Transactional(readOnly = true)
	public SwapView view(long swapId) {
		return views(List.of(load(swapId)), this.rotas.all()).get(0);
	}

	/**
	 * What someone has to act on or wait for: their requests, those asked of them, open
	 * ones on their positions, and for managers those awaiting approval; plus what was
	 * decided in the last two weeks.
	 */
	@Transactional(readOnly = true)
	public List<SwapView> concerning(Person person) {
		List<Long> positions = new ArrayList<>();
		List<Rota> all = this.rotas.all();
		for (Rota rota : all) {
			for (RotaPosition position : rota.positions()) {
				if (rota.isOn(position, person.id())) {
					positions.add(position.id());
				}
			}
		}
		boolean approver = person.role() == Role.MANAGER || person.role() == Role.ADMIN;
		return views(this.swaps.concerning(person.id(), positions, approver, this.clock.instant().minus(RECENT)), all);
	}

	private List<SwapView> views(List<SwapRow> rows, List<Rota> all) {
		Set<Long> people = new HashSet<>();
		rows.forEach((r) -> {
			people.add(r.requesterId());
			if (r.colleagueId() != null) {
				people.add(r.colleagueId());
			}
			if (r.takenBy() != null) {
				people.add(r.takenBy());
			}
		});
		Map<Long, Person> names = this.directory.peopleById(people);
		Map<Long, Rota> rotasById = new java.util.HashMap<>();
		all.forEach((r) -> rotasById.put(r.id(), r));
		List<SwapView> views = new ArrayList<>();
		for (SwapRow row : rows) {
			Rota rota = rotasById.get(row.rotaId());
			RotaPosition position = rota.position(row.positionId()).orElseThrow();
			Instant mineStart = rota.stintStart(position, row.requesterStint());
			Instant mineEnd = rota.at(rota.stintDate(position, row.requesterStint()).plusWeeks(position.stintWeeks()));
			Instant theirStart = (row.colleagueStint() != null) ? rota.stintStart(position, row.colleagueStint())
					: null;
			Instant theirEnd = (row.colleagueStint() != null)
					? rota.at(rota.stintDate(position, row.colleagueStint()).plusWeeks(position.stintWeeks())) : null;
			views.add(new SwapView(row.id(), rota.id(), rota.name(), position.id(), position.name(), row.requesterId(),
					name(names, row.requesterId()), row.requesterStint(), mineStart, mineEnd, row.colleagueId(),
					(row.colleagueId() != null) ? name(names, row.colleagueId()) : null, row.colleagueStint(),
					theirStart, theirEnd, row.status(), rota.swapApproval(), row.note(), row.takenBy(),
					(row.takenBy() != null) ? name(names, row.takenBy()) : null, row.createdAt()));
		}
		return views;
	}

	private static String name(Map<Long, Person> people, long id) {
		Person person = people.get(id);
		return (person != null) ? person.name() : "#" + id;
	}

	private void finish(SwapRow swap, SwapStatus from, SwapStatus to, Person actor) {
		if (!from.isOpen() || !this.swaps.move(swap.id(), from, to, actor.id(), null, this.clock.instant())) {
			throw new ConflictException("rota.swap.closed");
		}
		this.audit.record(actor.id(), "ROTA", swap.rotaId(), "SWAP_" + to.name(), "swap " + swap.id());
		this.events.publishEvent(new ShiftSwapChanged(swap.id(), to));
	}

	private void checkStillAsAsked(Rota rota, RotaPosition position, SwapRow swap, long receiver) {
		Instant now = this.clock.instant();
		Shift mine = rota.stint(position, swap.requesterStint()).orElse(null);
		boolean stale = mine == null || mine.personId() != swap.requesterId() || !mine.start().isAfter(now);
		if (swap.colleagueStint() != null) {
			Shift theirs = rota.stint(position, swap.colleagueStint()).orElse(null);
			stale = stale || theirs == null || theirs.personId() != receiver || !theirs.start().isAfter(now);
		}
		if (stale) {
			throw new ConflictException("rota.swap.stale");
		}
	}

	private void apply(SwapRow swap, long receiver) {
		this.swaps.assign(swap.positionId(), swap.requesterStint(), receiver);
		if (swap.colleagueStint() != null) {
			this.swaps.assign(swap.positionId(), swap.colleagueStint(), swap.requesterId());
		}
		this.rotas.touch(swap.rotaId());
	}

	private SwapRow load(long swapId) {
		return this.swaps.find(swapId).orElseThrow(() -> new NotFoundException("swap", swapId));
	}

	private Rota lockedRota(long rotaId) {
		this.rotas.lock(rotaId).orElseThrow(() -> new NotFoundException("rota", rotaId));
		return this.rotas.find(rotaId).orElseThrow();
	}

	private String describe(Rota rota, RotaPosition position, long swapId) {
		return "swap " + swapId + " on " + rota.name() + ", " + position.name();
	}

}
