package com.helpdesk.sla.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.directory.PlanSummary;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.PlanSla;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaTarget;
import com.helpdesk.sla.TargetText;

import org.springframework.validation.BindingResult;

/**
 * A plan as its form holds it: name, calendar, and a target per priority and metric, each
 * with its clock. Keys of the maps are {@code PRIORITY_METRIC}.
 */
public class PlanForm {

	private String name;

	private String description;

	private boolean outOfHoursCritical;

	private Long calendarId;

	private Integer atRiskPercent = 25;

	private Map<String, String> within = new HashMap<>();

	private Map<String, SlaClock> clock = new HashMap<>();

	private Long version;

	static String key(Priority priority, SlaMetric metric) {
		return priority.name() + "_" + metric.name();
	}

	static PlanForm of(PlanSummary plan, PlanSla sla) {
		PlanForm form = new PlanForm();
		form.name = plan.name();
		form.description = plan.description();
		form.outOfHoursCritical = plan.outOfHoursCritical();
		if (sla != null) {
			form.calendarId = sla.calendarId();
			form.atRiskPercent = (int) Math.round(sla.atRiskShare() * 100);
			form.version = sla.version();
			for (SlaTarget target : sla.targets()) {
				form.within.put(key(target.priority(), target.metric()), TargetText.format(target));
				form.clock.put(key(target.priority(), target.metric()), target.clock());
			}
		}
		return form;
	}

	/**
	 * The targets typed, or {@code null} with an error next to each one that cannot be
	 * read.
	 */
	List<SlaTarget> targets(BindingResult errors) {
		List<SlaTarget> targets = new ArrayList<>();
		for (Priority priority : Priority.values()) {
			for (SlaMetric metric : SlaMetric.values()) {
				String key = key(priority, metric);
				String text = this.within.get(key);
				if (text == null || text.isBlank()) {
					continue;
				}
				try {
					Duration duration = TargetText.parse(text);
					SlaClock clock = this.clock.getOrDefault(key, SlaClock.BUSINESS);
					targets.add(new SlaTarget(priority, metric, duration, duration == null,
							(clock != null) ? clock : SlaClock.BUSINESS));
				}
				catch (IllegalArgumentException ex) {
					errors.rejectValue("within[" + key + "]", "plan.target.unreadable");
				}
			}
		}
		return errors.hasErrors() ? null : targets;
	}

	double atRiskShare() {
		return (this.atRiskPercent != null) ? this.atRiskPercent / 100.0 : 0;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public boolean isOutOfHoursCritical() {
		return this.outOfHoursCritical;
	}

	public void setOutOfHoursCritical(boolean outOfHoursCritical) {
		this.outOfHoursCritical = outOfHoursCritical;
	}

	public Long getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(Long calendarId) {
		this.calendarId = calendarId;
	}

	public Integer getAtRiskPercent() {
		return this.atRiskPercent;
	}

	public void setAtRiskPercent(Integer atRiskPercent) {
		this.atRiskPercent = atRiskPercent;
	}

	public Map<String, String> getWithin() {
		return this.within;
	}

	public void setWithin(Map<String, String> within) {
		this.within = within;
	}

	public Map<String, SlaClock> getClock() {
		return this.clock;
	}

	public void setClock(Map<String, SlaClock> clock) {
		this.clock = clock;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
