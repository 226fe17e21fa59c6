package com.helpdesk.web;

import java.time.Duration;

import org.webjars.WebJarVersionLocator;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The precompiled GOV.UK and MOJ stylesheets ask for images under {@code /assets/}: they
 * are served from the WebJars. The GDS Transport font is not (it is for GOV.UK services
 * only); our stylesheet sets a system font stack instead.
 */
@Configuration(proxyBeanMethods = false)
class AssetsConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		WebJarVersionLocator webJars = new WebJarVersionLocator();
		registry.addResourceHandler("/assets/images/**")
			.addResourceLocations(
					"classpath:/META-INF/resources/webjars/ministryofjustice__frontend/"
							+ webJars.version("ministryofjustice__frontend") + "/moj/assets/images/",
					"classpath:/META-INF/resources/webjars/govuk-frontend/" + webJars.version("govuk-frontend")
							+ "/dist/govuk/assets/images/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
	}

}
