package com.helpdesk.delivery.web;

/**
 * A decision on a request: the period to plan it into (with a reason when it does not
 * fit), or the reason it is declined, or the note it is delivered with.
 */
public class DecisionForm {

	private String period;

	private String overcommitReason;

	private String declineReason;

	private String note;

	private Long featureId;

	private String featureTitle;

	private long version;

	static DecisionForm at(long version) {
		DecisionForm form = new DecisionForm();
		form.version = version;
		return form;
	}

	public String getPeriod() {
		return this.period;
	}

	public void setPeriod(String period) {
		this.period = period;
	}

	public String getOvercommitReason() {
		return this.overcommitReason;
	}

	public void setOvercommitReason(String overcommitReason) {
		this.overcommitReason = overcommitReason;
	}

	public String getDeclineReason() {
		return this.declineReason;
	}

	public void setDeclineReason(String declineReason) {
		this.declineReason = declineReason;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Long getFeatureId() {
		return this.featureId;
	}

	public void setFeatureId(Long featureId) {
		this.featureId = featureId;
	}

	public String getFeatureTitle() {
		return this.featureTitle;
	}

	public void setFeatureTitle(String featureTitle) {
		this.featureTitle = featureTitle;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
