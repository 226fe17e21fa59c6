package com.helpdesk.web;

import java.time.Duration;

import org.webjars.WebJarVersionLocator;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files, each under its own path: the WebJars (linked without their version, which
 * the resource chain fills in once and caches), our own stylesheet and scripts, and the
 * images the precompiled GOV.UK and MOJ stylesheets ask for under {@code /assets/}. The
 * GDS Transport font is not served (it is for GOV.UK services only); our stylesheet sets
 * a system font stack instead.
 * <p>
 * Boot's catch-all {@code /**} mapping is off
 * ({@code spring.web.resources.add-mappings}): with it, every link on every page was
 * looked up on the class path, uncached because it matched no file, which took more than
 * half the CPU of a queue page under load.
 */
@Configuration(proxyBeanMethods = false)
class AssetsConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		// resourceChain(true) caches each link's lookup: without it every page looked its
		// stylesheet, scripts and icon up in the jar again, under a lock
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/").resourceChain(true);
		WebJarVersionLocator webJars = new WebJarVersionLocator();
		registry.addResourceHandler("/assets/images/**")
			.addResourceLocations(
					"classpath:/META-INF/resources/webjars/ministryofjustice__frontend/"
							+ webJars.version("ministryofjustice__frontend") + "/moj/assets/images/",
					"classpath:/META-INF/resources/webjars/govuk-frontend/" + webJars.version("govuk-frontend")
							+ "/dist/govuk/assets/images/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)))
			.resourceChain(true);
	}

}
