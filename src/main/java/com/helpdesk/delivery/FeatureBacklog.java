package com.helpdesk.delivery;

import java.util.List;

import com.helpdesk.delivery.internal.FeatureStore;
import com.helpdesk.delivery.internal.RequestStore;
import com.helpdesk.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feature-request backlog as people read it (larger asks that turn out to be feature
 * requests are handled separately).
 */
@Service
@Transactional(readOnly = true)
public class FeatureBacklog {

	private static final int LIMIT = 500;

	private final FeatureStore features;

	private final RequestStore requests;

	private final DeliveryPlans plans;

	FeatureBacklog(FeatureStore features, RequestStore requests, DeliveryPlans plans) {
		this.features = features;
		this.requests = requests;
		this.plans = plans;
	}

	/**
	 * Items not merged into another, the most asked for first.
	 */
	public List<FeatureRequest> items() {
		return this.features.open(LIMIT);
	}

	public FeatureRequest item(long id) {
		return this.features.find(id).orElseThrow(() -> new NotFoundException("feature request", id));
	}

	/**
	 * The requests that asked for an item, oldest first.
	 */
	public List<WorkItem> requests(long featureId) {
		return this.plans.items(this.requests.ofFeature(featureId));
	}

}
