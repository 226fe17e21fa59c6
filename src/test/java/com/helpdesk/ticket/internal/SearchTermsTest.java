package com.helpdesk.ticket.internal;

import java.util.List;

import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTermsTest {

	@Test
	void termsAreTakenOutAndTheRestAreWords() {
		SearchTerms terms = SearchTerms
			.parse("requester:alice@client-a.test  Client:\"Client A\" STATUS:open #42 login \"fails again\" -chrome");
		assertThat(terms.requester()).isEqualTo("alice@client-a.test");
		assertThat(terms.client()).isEqualTo("Client A");
		assertThat(terms.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(terms.numbers()).containsExactly(42L);
		assertThat(terms.words()).isEqualTo("login \"fails again\" -chrome");
		assertThat(terms.wordsAsNumber()).isNull();
	}

	@Test
	void aNumberAloneIsATicketNumberAndAlsoWords() {
		assertThat(SearchTerms.parse(" 123 ").wordsAsNumber()).isEqualTo(123L);
		assertThat(SearchTerms.parse("#123").numbers()).containsExactly(123L);
		assertThat(SearchTerms.parse("#123").words()).isNull();
		assertThat(SearchTerms.parse("123").wordsMayNameSomeone()).isFalse();
	}

	@Test
	void shortWordsDoNotLookForPeopleAndEmptyTermsAreIgnored() {
		assertThat(SearchTerms.parse("al").wordsMayNameSomeone()).isFalse();
		assertThat(SearchTerms.parse("ali").wordsMayNameSomeone()).isTrue();
		SearchTerms empty = SearchTerms.parse("requester: client:\"\"");
		assertThat(empty.requester()).isNull();
		assertThat(empty.client()).isNull();
		assertThat(empty.words()).isNull();
		assertThat(SearchTerms.parse("   ")).isEqualTo(new SearchTerms(null, null, null, null, List.of()));
		assertThat(SearchTerms.parse("reporter:bob").words()).as("not a term").isEqualTo("reporter:bob");
	}

	@Test
	void likePatternsMatchTheTextLiterally() {
		assertThat(SearchTerms.containing("100%_\\ Off")).isEqualTo("%100\\%\\_\\\\ off%");
		assertThat(SearchTerms.containing("\"Client A\"")).isEqualTo("%client a%");
	}

	@Test
	void anUnknownStatusIsRefusedWithAMessageForTheSearchField() {
		assertThatThrownBy(() -> SearchTerms.parse("status:lost")).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).errors())
				.containsExactly(new InvalidInputException.FieldError("q", "queue.search.status.invalid")));
	}

}
