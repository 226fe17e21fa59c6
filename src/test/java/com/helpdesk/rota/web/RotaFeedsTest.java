package com.helpdesk.rota.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaFeeds;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Calendar feeds behind secret links: they parse with ical4j, carry the rota's time zone
 * so a 09:00 New York handover reads 09:00 there, fold long lines at 75 octets, answer
 * 304 to a calendar app polling for what it has, need no sign-in, and stop when revoked.
 */
@IntegrationTest
class RotaFeedsTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	MockMvc mvc;

	@Autowired
	Rotas rotas;

	@Autowired
	RotaFeeds feeds;

	@Autowired
	TestData data;

	@Test
	void aPersonsFeedParsesWithIcal4jAndShowsTheRotasLocalTimesAcrossADaylightSavingChange() throws Exception {
		Person ann = this.data.agent();
		Person bob = this.data.agent();
		String name = TestData.unique("New York on call");
		LocalDate monday = LocalDate.now(NEW_YORK)
			.minusWeeks(2)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		long rota = this.rotas.create(new RotaCommand(name, RotaTemplate.CUSTOM, RotaDuty.FIRST_LINE,
				"America/New_York", monday, LocalTime.of(9, 0), null, null, false, false,
				List.of(new PositionCommand("Engineer", 1, 1, 0, List.of(ann.id(), bob.id())))), null);

		MockHttpServletResponse created = send(post("/rotas/feeds"), ann);
		assertThat(created.getStatus()).isEqualTo(302);
		String url = (String) this.mvc
			.perform(post("/rotas/feeds").with(user(new HelpdeskUser(ann, null, true))).with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("feedUrl");
		assertThat(url).matches("http://localhost/feeds/[A-Za-z0-9_-]{43}\\.ics");

		MockHttpServletResponse ics = this.mvc.perform(get(url.replace("http://localhost", "")))
			.andReturn()
			.getResponse();
		assertThat(ics.getStatus()).isEqualTo(200);
		assertThat(ics.getContentType()).startsWith("text/calendar");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.getContentAsString()));
		assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
		List<VEvent> events = calendar.getComponents("VEVENT");
		// every other week for a year ahead and eight weeks back, all Ann's
		assertThat(events).hasSizeGreaterThan(25);
		for (VEvent event : events) {
			assertThat(event.getSummary().getValue()).isEqualTo(name + ": Engineer");
			ZonedDateTime start = zoned(event.getDateTimeStart().getDate());
			assertThat(start.withZoneSameInstant(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
			assertThat(start.withZoneSameInstant(NEW_YORK).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
			assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
				.isEqualTo("America/New_York");
		}
		// the rota's own feed has everyone's shifts
		String rotaToken = this.feeds.create(bob, rota);
		Calendar whole = new CalendarBuilder().build(new StringReader(this.feeds.render(rotaToken).text()));
		List<VEvent> all = whole.getComponents("VEVENT");
		assertThat(all).hasSizeGreaterThan(events.size());
		assertThat(all).anyMatch((e) -> e.getSummary().getValue().equals(bob.name() + " – Engineer"));
	}

	@Test
	void aRevokedOrUnknownLinkAnswers404AndOnlyItsOwnerRevokesIt() throws Exception {
		Person ann = this.data.agent();
		Person bob = this.data.agent();
		String token = this.feeds.create(ann, null);
		assertThat(this.mvc.perform(get("/feeds/" + token + ".ics")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		long id = this.feeds.of(ann).get(0).id();
		assertThat(send(post("/rotas/feeds/" + id + "/revoke"), bob).getStatus()).isEqualTo(404);
		assertThat(send(post("/rotas/feeds/" + id + "/revoke"), ann).getStatus()).isEqualTo(302);
		assertThat(this.feeds.of(ann).get(0).revokedAt()).isNotNull();
		assertThat(this.mvc.perform(get("/feeds/" + token + ".ics")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/feeds/not-a-token.ics")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		Person requester = this.data.requester(this.data.client());
		assertThat(send(post("/rotas/feeds"), requester).getStatus()).isEqualTo(403);
	}

	@Test
	void aFeedIsFoldedAtSeventyFiveOctetsBetweenCharactersAndReadsBackWhole() throws Exception {
		Person ann = this.data.agent();
		// a long name in three scripts and an emoji: each character takes two to four
		// octets
		String name = TestData.unique("Équipe d'astreinte – 東京・大阪 夜間待機 🚑 Señales de guardia nocturna");
		long rota = this.rotas.create(new RotaCommand(name, RotaTemplate.CUSTOM, RotaDuty.FIRST_LINE, "Europe/London",
				LocalDate.now().minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
				LocalTime.of(9, 0), null, null, false, false,
				List.of(new PositionCommand("Ingénieur·e d'astreinte", 1, 1, 0, List.of(ann.id())))), null);
		String token = this.feeds.create(ann, rota);

		MockHttpServletResponse response = this.mvc.perform(get("/feeds/" + token + ".ics")).andReturn().getResponse();
		byte[] body = response.getContentAsByteArray();
		String text = new String(body, StandardCharsets.UTF_8);

		assertThat(text).contains("\r\n ").endsWith("\r\n");
		for (String line : text.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(text).doesNotContain("\uFFFD").as("no character cut in two").doesNotContain("?\r\n");
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo(name);
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).isNotEmpty()
			.allMatch((e) -> e.getSummary().getValue().equals(ann.name() + " – Ingénieur·e d'astreinte"));
	}

	@Test
	void aCalendarAppPollingGets304UntilTheRotaChangesAndItsEventsKeepTheirStamp() throws Exception {
		Person ann = this.data.agent();
		Person bob = this.data.agent();
		LocalDate monday = LocalDate.now().minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		long rota = this.rotas.create(new RotaCommand(TestData.unique("Polled"), RotaTemplate.CUSTOM,
				RotaDuty.FIRST_LINE, "Europe/London", monday, LocalTime.of(9, 0), null, null, false, false,
				List.of(new PositionCommand("Engineer", 1, 1, 0, List.of(ann.id(), bob.id())))), null);
		String url = "/feeds/" + this.feeds.create(ann, rota) + ".ics";

		MockHttpServletResponse first = this.mvc.perform(get(url)).andReturn().getResponse();
		Thread.sleep(1100);
		MockHttpServletResponse again = this.mvc.perform(get(url)).andReturn().getResponse();
		String etag = first.getHeader("ETag");
		String lastModified = first.getHeader("Last-Modified");
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(lastModified).isNotNull();
		assertThat(first.getHeader("Cache-Control")).contains("no-cache").contains("private");
		assertThat(again.getContentAsString()).as("the same text when nothing changed, stamps included")
			.isEqualTo(first.getContentAsString());
		List<String> stamps = stamps(first.getContentAsString());
		assertThat(stamps).hasSizeGreaterThan(10).containsOnly(stamps.get(0));

		MockHttpServletResponse unchanged = this.mvc.perform(get(url).header("If-None-Match", etag))
			.andReturn()
			.getResponse();
		assertThat(unchanged.getStatus()).isEqualTo(304);
		assertThat(unchanged.getContentAsByteArray()).isEmpty();
		assertThat(unchanged.getHeader("ETag")).isEqualTo(etag);
		assertThat(this.mvc.perform(get(url).header("If-Modified-Since", lastModified))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(304);

		// Bob and Ann swap turns from four weeks on
		var position = this.rotas.get(rota).positions().get(0);
		this.rotas.changeRoster(rota, position.id(), monday.plusWeeks(6), List.of(bob.id(), ann.id()), null);

		MockHttpServletResponse changed = this.mvc.perform(get(url).header("If-None-Match", etag))
			.andReturn()
			.getResponse();
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
		assertThat(stamps(changed.getContentAsString())).containsOnly(stamps(changed.getContentAsString()).get(0))
			.doesNotContain(stamps.get(0));
		assertThat(this.mvc.perform(get(url).header("If-Modified-Since", lastModified))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	private static List<String> stamps(String ics) {
		return ics.lines().filter((line) -> line.startsWith("DTSTAMP:")).toList();
	}

	private static ZonedDateTime zoned(Temporal temporal) {
		if (temporal instanceof ZonedDateTime zoned) {
			return zoned;
		}
		return LocalDateTime.from(temporal).atZone(ZoneId.of("UTC"));
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Person person) throws Exception {
		return this.mvc.perform(request.with(user(new HelpdeskUser(person, null, true))).with(csrf()))
			.andReturn()
			.getResponse();
	}

}
