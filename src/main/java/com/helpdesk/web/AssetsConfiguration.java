package com.helpdesk.web;

import java.time.Duration;

import org.webjars.WebJarVersionLocator;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files, each under its own path: the WebJars (linked without their version, which
 * the resource chain fills in once and caches), our own stylesheet and scripts, and the
 * images the precompiled GOV.UK and MOJ stylesheets ask for under {@code /assets/}. The
 * GDS Transport font is not served (it is for GOV.UK services only); our stylesheet sets
 * a system font stack instead.
 * <p>
 * Pages link every WebJar file with its version in the path and our own stylesheet and
 * scripts with a hash of their content in the name ({@code helpdesk-<md5>.css}); those
 * addresses never change what they serve, so browsers keep them for a year without asking
 * again. The same files asked for without a version (a module's own {@code import}, an
 * old bookmark) are checked each time instead ({@code no-cache}, answered 304 when
 * unchanged).
 * <p>
 * Boot's catch-all {@code /**} mapping is off
 * ({@code spring.web.resources.add-mappings}): with it, every link on every page was
 * looked up on the class path, uncached because it matched no file, which took more than
 * half the CPU of a queue page under load.
 */
@Configuration(proxyBeanMethods = false)
class AssetsConfiguration implements WebMvcConfigurer {

	static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	static final CacheControl CHECK_EACH_TIME = CacheControl.noCache();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// a WebJar path whose second part is a version, as the pages link them
		registry.addResourceHandler("/webjars/{webjar}/{version:[0-9][0-9A-Za-z.+_-]*}/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(FOREVER)
			.resourceChain(true);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CHECK_EACH_TIME)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		// resourceChain(true) caches each link's lookup: without it every page looked its
		// stylesheet, scripts and icon up in the jar again, under a lock
		fingerprinted(registry, "css", "css");
		fingerprinted(registry, "js", "js");
		registry.addResourceHandler("/favicon.svg")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)))
			.resourceChain(true);
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

	/**
	 * Our own files under {@code /<folder>/}: a name with a content hash is kept for a
	 * year, the plain name is checked each time; both chains know the hash, so links are
	 * written with it.
	 */
	private static void fingerprinted(ResourceHandlerRegistry registry, String folder, String extension) {
		registry.addResourceHandler("/" + folder + "/{file:.+-[0-9a-f]+\\." + extension + "}")
			.addResourceLocations("classpath:/static/" + folder + "/")
			.setCacheControl(FOREVER)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		registry.addResourceHandler("/" + folder + "/**")
			.addResourceLocations("classpath:/static/" + folder + "/")
			.setCacheControl(CHECK_EACH_TIME)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
