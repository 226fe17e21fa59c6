package com.helpdesk.rota;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.helpdesk.directory.AccessChanged;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.NotFoundException;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar feeds of shifts behind secret links, so shifts appear in people's own
 * calendars: a person's shifts on every rota, or a whole rota's. The link is shown once,
 * only its hash is kept, and its owner can revoke it.
 */
@Service
@Transactional
public class RotaFeeds {

	/** How far back and ahead a feed reaches. */
	private static final Duration BACK = Duration.ofDays(8 * 7);

	private static final Duration AHEAD = Duration.ofDays(52 * 7);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int MAX_LINE_OCTETS = 75;

	private final JdbcClient jdbc;

	private final Rotas rotas;

	private final Directory directory;

	private final Clock clock;

	RotaFeeds(JdbcClient jdbc, Rotas rotas, Directory directory, Clock clock) {
		this.jdbc = jdbc;
		this.rotas = rotas;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * A feed as its owner sees it in their list.
	 *
	 * @param rotaName the rota's name, or {@code null} for the owner's own shifts
	 */
	public record Feed(long id, String rotaName, Instant createdAt, Instant revokedAt) {
	}

	/**
	 * Makes a secret link: to a rota's shifts, or with {@code rotaId} {@code null} to the
	 * owner's own. Answers the token, which is never shown again.
	 */
	public String create(Person owner, Long rotaId) {
		if (!owner.isStaff()) {
			throw new AccessDeniedException("Feeds are for staff");
		}
		if (rotaId != null) {
			this.rotas.get(rotaId);
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into rota_feed (token_hash, rota_id, user_id, owner_id, created_at) values (?, ?, ?, ?, ?)
				""")
			.params(hash(token), rotaId, (rotaId == null) ? owner.id() : null, owner.id(),
					Timestamp.from(this.clock.instant()))
			.update();
		return token;
	}

	public void revoke(long feedId, Person owner) {
		int changed = this.jdbc.sql("""
				update rota_feed set revoked_at = coalesce(revoked_at, ?) where id = ? and owner_id = ?
				""").params(Timestamp.from(this.clock.instant()), feedId, owner.id()).update();
		if (changed == 0) {
			throw new NotFoundException("feed", feedId);
		}
	}

	@Transactional(readOnly = true)
	public List<Feed> of(Person owner) {
		return this.jdbc.sql("""
				select f.id, r.name, f.created_at, f.revoked_at from rota_feed f left join rota r on r.id = f.rota_id
				where f.owner_id = ? order by f.created_at desc, f.id desc
				""")
			.param(owner.id())
			.query((rs, n) -> new Feed(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null))
			.list();
	}

	/**
	 * A feed as calendar apps fetch it: its text, and what they poll with.
	 *
	 * @param etag a strong entity tag of the text, quoted
	 * @param lastModified when its shifts last changed, or when its window last moved on
	 * (midnight UTC), whichever is later
	 */
	public record Document(String text, String etag, Instant lastModified) {
	}

	/**
	 * Disabling someone, or making them a requester, revokes their feeds for good: if
	 * they are staff again, they make new ones.
	 */
	@EventListener
	void on(AccessChanged change) {
		if (change.disabled() || !change.staff()) {
			this.jdbc.sql("update rota_feed set revoked_at = ? where owner_id = ? and revoked_at is null")
				.params(Timestamp.from(this.clock.instant()), change.personId())
				.update();
		}
	}

	/**
	 * The feed behind a token; not found once revoked, or while its owner cannot sign in
	 * or is not on staff.
	 */
	@Transactional(readOnly = true)
	public Document render(String token) {
		record Target(Long rotaId, Long userId) {
		}
		Target target = this.jdbc.sql("""
				select f.rota_id, f.user_id from rota_feed f join app_user u on u.id = f.owner_id
				where f.token_hash = ? and f.revoked_at is null and u.enabled and u.role <> 'REQUESTER'
				""")
			.param(hash(token))
			.query((rs, n) -> new Target((Long) rs.getObject(1), (Long) rs.getObject(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException("feed", 0));
		// the window moves a day at a time, so a feed reads the same all day
		Instant today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		Instant from = today.minus(BACK);
		Instant to = today.plus(AHEAD);
		List<ShiftView> shifts = (target.rotaId() != null) ? this.rotas.shifts(target.rotaId(), from, to)
				: this.rotas.shiftsOf(target.userId(), from, to)
					.stream()
					.filter((v) -> v.shift().personId() == target.userId())
					.toList();
		String name = (target.rotaId() != null) ? this.rotas.get(target.rotaId()).name()
				: "Shifts of " + this.directory.person(target.userId()).name();
		Map<Long, Instant> changed = changedAt();
		// a personal feed changes when any rota does: a shift swapped away leaves it
		Instant lastChanged = (target.rotaId() != null) ? changed.getOrDefault(target.rotaId(), today)
				: changed.values().stream().max(Comparator.naturalOrder()).orElse(today);
		String text = calendar(name, shifts, target.rotaId() != null, changed, lastChanged);
		Instant lastModified = (lastChanged.isAfter(today) ? lastChanged : today).truncatedTo(ChronoUnit.SECONDS);
		return new Document(text, "\"" + hash(text).substring(0, 32) + "\"", lastModified);
	}

	private Map<Long, Instant> changedAt() {
		Map<Long, Instant> changed = new HashMap<>();
		this.jdbc.sql("select id, changed_at from rota")
			.query((org.springframework.jdbc.core.RowCallbackHandler) (rs) -> changed.put(rs.getLong(1),
					rs.getTimestamp(2).toInstant()));
		return changed;
	}

	private String calendar(String name, List<ShiftView> shifts, boolean wholeRota, Map<Long, Instant> changed,
			Instant lastChanged) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Helpdesk//Rotas//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new XProperty("X-WR-CALNAME", name));
		TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
		Set<String> zones = new LinkedHashSet<>();
		List<VEvent> events = new ArrayList<>();
		Map<Long, ZoneId> rotaZones = new HashMap<>();
		for (ShiftView view : shifts) {
			Shift shift = view.shift();
			ZoneId zone = rotaZones.computeIfAbsent(shift.rotaId(), (id) -> this.rotas.get(id).zone());
			zones.add(zone.getId());
			String summary = wholeRota ? view.personName() + " – " + shift.positionName()
					: view.rotaName() + ": " + shift.positionName();
			if (view.scheduledPersonName() != null && shift.personId() != shift.scheduledPersonId()) {
				summary += " (for " + view.scheduledPersonName() + ")";
			}
			VEvent event = new VEvent(shift.start().atZone(zone), shift.end().atZone(zone), summary);
			// when the shift last changed, not when the feed was read: calendar apps
			// compare it to see what is new
			event.replace(
					new DtStamp(changed.getOrDefault(shift.rotaId(), lastChanged).truncatedTo(ChronoUnit.SECONDS)));
			event.add(new Uid("rota-" + shift.rotaId() + "-" + shift.positionId() + "-" + shift.stint() + "-"
					+ shift.start().getEpochSecond() + "-" + shift.personId() + "@helpdesk"));
			events.add(event);
		}
		for (String zone : zones) {
			calendar.add(registry.getTimeZone(zone).getVTimeZone());
		}
		events.forEach(calendar::add);
		StringWriter text = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return foldedByOctets(text.toString());
	}

	/**
	 * RFC 5545 folds content lines longer than 75 octets. ical4j's outputter folds at 73
	 * characters, which a name in another script or with an emoji takes past 75 octets
	 * (and can cut a character in two), so its lines are folded again by their UTF-8
	 * octets, between characters.
	 */
	static String foldedByOctets(String ics) {
		String unfolded = ics.replace("\r\n ", "");
		StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 64);
		for (String line : unfolded.split("\r\n", -1)) {
			if (line.isEmpty()) {
				continue;
			}
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
				if (octets + size > MAX_LINE_OCTETS) {
					folded.append("\r\n ");
					octets = 1;
				}
				folded.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
			folded.append("\r\n");
		}
		return folded.toString();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
