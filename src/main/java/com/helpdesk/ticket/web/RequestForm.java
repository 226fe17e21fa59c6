package com.helpdesk.ticket.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helpdesk.directory.Person;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.ticket.NewAttachment;
import com.helpdesk.ticket.NewRequester;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestDetails.ServerSpec;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketService;

import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the request form holds, as typed: dates stay as the three boxes people filled in,
 * so a wrong date can be shown back to them with a message.
 */
public class RequestForm {

	/** The service names some fields differently from the form. */
	static final Map<String, String> FIELD_NAMES = Map.of("serverSpec.cpu", "serverCpu", "serverSpec.memory",
			"serverMemory", "serverSpec.disk", "serverDisk", "serverSpec.os", "serverOs");

	private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

	private RequestType type;

	private String requester;

	private boolean newRequester;

	private String requesterName;

	private Long requesterClient;

	private String subject;

	private String description;

	private String alreadyTried;

	private Priority priority = Priority.NORMAL;

	private String stepsToReproduce;

	private String expectedOutcome;

	private String actualOutcome;

	private String application;

	private String environment;

	private String serverCpu;

	private String serverMemory;

	private String serverDisk;

	private String serverOs;

	private String wantedByDay;

	private String wantedByMonth;

	private String wantedByYear;

	private String desiredOutcome;

	private String impact;

	private String startedAtDay;

	private String startedAtMonth;

	private String startedAtYear;

	private String startedAtTime;

	private String service;

	private String system;

	private String accessLevel;

	private String reason;

	private List<MultipartFile> attachments = new ArrayList<>();

	/**
	 * The request to raise, or {@code null} with {@code errors} filled in when a date or
	 * time cannot be read.
	 */
	NewTicket toNewTicket(ZoneId zone, BindingResult errors) {
		LocalDate wantedBy = date(this.wantedByDay, this.wantedByMonth, this.wantedByYear, "wantedBy", errors);
		Instant startedAt = null;
		if (this.type == RequestType.INCIDENT) {
			LocalDate day = date(this.startedAtDay, this.startedAtMonth, this.startedAtYear, "startedAt", errors);
			LocalTime time = time(this.startedAtTime, errors);
			if (day != null) {
				startedAt = day.atTime((time != null) ? time : LocalTime.MIDNIGHT).atZone(zone).toInstant();
			}
		}
		if (errors.hasErrors()) {
			return null;
		}
		RequestDetails details = new RequestDetails(this.stepsToReproduce, this.expectedOutcome, this.actualOutcome,
				this.application, this.environment,
				new ServerSpec(this.serverCpu, this.serverMemory, this.serverDisk, this.serverOs), wantedBy,
				this.desiredOutcome, this.impact, startedAt, this.service, this.system, this.accessLevel, this.reason);
		return new NewTicket(this.type, this.subject, this.description, this.alreadyTried, this.priority, details,
				this.requester);
	}

	/**
	 * Raises the request as typed, for the requester's and the staff's form alike.
	 * Answers its number, or {@code null} with the problems put next to the fields.
	 */
	Long raise(TicketService tickets, Person actor, BindingResult errors) {
		NewTicket request = toNewTicket(actor.zone(), errors);
		if (request == null) {
			FormErrors.askForFilesAgain(this.attachments, errors);
			return null;
		}
		try {
			return tickets.create(actor, request, files(), (actor.isStaff() && this.newRequester)
					? new NewRequester(this.requesterName, this.requesterClient) : null);
		}
		catch (InvalidInputException ex) {
			FormErrors.copy(ex, errors);
			FormErrors.askForFilesAgain(this.attachments, errors);
			return null;
		}
	}

	/**
	 * The request type named in a query string, or {@code null} if it names none.
	 */
	static RequestType parseType(String name) {
		for (RequestType type : RequestType.values()) {
			if (type.name().equals(name)) {
				return type;
			}
		}
		return null;
	}

	List<NewAttachment> files() {
		return files(this.attachments);
	}

	static List<NewAttachment> files(List<MultipartFile> uploads) {
		if (uploads == null) {
			return List.of();
		}
		List<NewAttachment> files = new ArrayList<>();
		for (MultipartFile upload : uploads) {
			if (upload == null || upload.isEmpty()) {
				continue;
			}
			try {
				files.add(new NewAttachment(upload.getOriginalFilename(), upload.getContentType(), upload.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	private static LocalDate date(String day, String month, String year, String field, BindingResult errors) {
		if (blank(day) && blank(month) && blank(year)) {
			return null;
		}
		try {
			int y = Integer.parseInt(year.trim());
			if (y < 1900 || y > 9999) {
				throw new DateTimeException("year");
			}
			return LocalDate.of(y, Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
		}
		catch (RuntimeException ex) {
			errors.rejectValue(field, "request." + field + ".invalid");
			return null;
		}
	}

	private static LocalTime time(String text, BindingResult errors) {
		if (blank(text)) {
			return null;
		}
		Matcher matcher = TIME.matcher(text.trim());
		try {
			if (!matcher.matches()) {
				throw new DateTimeException(text);
			}
			return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
		}
		catch (DateTimeException ex) {
			errors.rejectValue("startedAtTime", "request.startedAtTime.invalid");
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** The date fields are shown through their parts; these only carry their errors. */
	public String getWantedBy() {
		return null;
	}

	public String getStartedAt() {
		return null;
	}

	public RequestType getType() {
		return this.type;
	}

	public void setType(RequestType type) {
		this.type = type;
	}

	public String getRequester() {
		return this.requester;
	}

	public void setRequester(String requester) {
		this.requester = requester;
	}

	public boolean isNewRequester() {
		return this.newRequester;
	}

	public void setNewRequester(boolean newRequester) {
		this.newRequester = newRequester;
	}

	public String getRequesterName() {
		return this.requesterName;
	}

	public void setRequesterName(String requesterName) {
		this.requesterName = requesterName;
	}

	public Long getRequesterClient() {
		return this.requesterClient;
	}

	public void setRequesterClient(Long requesterClient) {
		this.requesterClient = requesterClient;
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getAlreadyTried() {
		return this.alreadyTried;
	}

	public void setAlreadyTried(String alreadyTried) {
		this.alreadyTried = alreadyTried;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public void setPriority(Priority priority) {
		this.priority = priority;
	}

	public String getStepsToReproduce() {
		return this.stepsToReproduce;
	}

	public void setStepsToReproduce(String stepsToReproduce) {
		this.stepsToReproduce = stepsToReproduce;
	}

	public String getExpectedOutcome() {
		return this.expectedOutcome;
	}

	public void setExpectedOutcome(String expectedOutcome) {
		this.expectedOutcome = expectedOutcome;
	}

	public String getActualOutcome() {
		return this.actualOutcome;
	}

	public void setActualOutcome(String actualOutcome) {
		this.actualOutcome = actualOutcome;
	}

	public String getApplication() {
		return this.application;
	}

	public void setApplication(String application) {
		this.application = application;
	}

	public String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(String environment) {
		this.environment = environment;
	}

	public String getServerCpu() {
		return this.serverCpu;
	}

	public void setServerCpu(String serverCpu) {
		this.serverCpu = serverCpu;
	}

	public String getServerMemory() {
		return this.serverMemory;
	}

	public void setServerMemory(String serverMemory) {
		this.serverMemory = serverMemory;
	}

	public String getServerDisk() {
		return this.serverDisk;
	}

	public void setServerDisk(String serverDisk) {
		this.serverDisk = serverDisk;
	}

	public String getServerOs() {
		return this.serverOs;
	}

	public void setServerOs(String serverOs) {
		this.serverOs = serverOs;
	}

	public String getWantedByDay() {
		return this.wantedByDay;
	}

	public void setWantedByDay(String wantedByDay) {
		this.wantedByDay = wantedByDay;
	}

	public String getWantedByMonth() {
		return this.wantedByMonth;
	}

	public void setWantedByMonth(String wantedByMonth) {
		this.wantedByMonth = wantedByMonth;
	}

	public String getWantedByYear() {
		return this.wantedByYear;
	}

	public void setWantedByYear(String wantedByYear) {
		this.wantedByYear = wantedByYear;
	}

	public String getDesiredOutcome() {
		return this.desiredOutcome;
	}

	public void setDesiredOutcome(String desiredOutcome) {
		this.desiredOutcome = desiredOutcome;
	}

	public String getImpact() {
		return this.impact;
	}

	public void setImpact(String impact) {
		this.impact = impact;
	}

	public String getStartedAtDay() {
		return this.startedAtDay;
	}

	public void setStartedAtDay(String startedAtDay) {
		this.startedAtDay = startedAtDay;
	}

	public String getStartedAtMonth() {
		return this.startedAtMonth;
	}

	public void setStartedAtMonth(String startedAtMonth) {
		this.startedAtMonth = startedAtMonth;
	}

	public String getStartedAtYear() {
		return this.startedAtYear;
	}

	public void setStartedAtYear(String startedAtYear) {
		this.startedAtYear = startedAtYear;
	}

	public String getStartedAtTime() {
		return this.startedAtTime;
	}

	public void setStartedAtTime(String startedAtTime) {
		this.startedAtTime = startedAtTime;
	}

	public String getService() {
		return this.service;
	}

	public void setService(String service) {
		this.service = service;
	}

	public String getSystem() {
		return this.system;
	}

	public void setSystem(String system) {
		this.system = system;
	}

	public String getAccessLevel() {
		return this.accessLevel;
	}

	public void setAccessLevel(String accessLevel) {
		this.accessLevel = accessLevel;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public List<MultipartFile> getAttachments() {
		return this.attachments;
	}

	public void setAttachments(List<MultipartFile> attachments) {
		this.attachments = attachments;
	}

}
