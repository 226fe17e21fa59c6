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

	@Bean
	RotaFixture rotaFixture(com.helpdesk.calendar.Calendars calendars, com.helpdesk.directory.Directory directory,
			com.helpdesk.directory.DirectoryAdmin admin, TestData data) {
		return new RotaFixture(calendars, directory, admin, data);
	}

	@Bean
	DeliveryFixture deliveryFixture(com.helpdesk.delivery.DeliveryTeams teams, com.helpdesk.rota.Rotas rotas,
			com.helpdesk.directory.DirectoryAdmin admin, com.helpdesk.directory.Directory directory, TestData data,
			RotaFixture rotaFixture) {
		return new DeliveryFixture(teams, rotas, admin, directory, data, rotaFixture);
	}

}
