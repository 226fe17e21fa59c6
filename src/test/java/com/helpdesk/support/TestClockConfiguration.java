package com.helpdesk.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	MovableClock movableClock() {
		return new MovableClock();
	}

	@Bean
	TestData testData(com.helpdesk.directory.DirectoryAdmin admin, com.helpdesk.directory.Directory directory) {
		return new TestData(admin, directory);
	}

}
