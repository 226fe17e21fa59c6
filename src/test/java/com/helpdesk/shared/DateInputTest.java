package com.helpdesk.shared;

import java.time.LocalDate;

import com.helpdesk.shared.DateInput.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates as people in the UK type them into the GOV.UK date input, and what is wrong with
 * those that are not dates, in GOV.UK's order, with the boxes to highlight.
 */
class DateInputTest {

	@ParameterizedTest(name = "{0} / {1} / {2} is {3}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			1          | 11       | 2026 | 2026-11-01
			01         | 11       | 2026 | 2026-11-01
			' 1 '      | ' 11 '   | 2026 | 2026-11-01
			1          | Nov      | 2026 | 2026-11-01
			1          | november | 2026 | 2026-11-01
			1          | Sept     | 2026 | 2026-09-01
			29         | 2        | 2028 | 2028-02-29
			1/11/2026  | null     | null | 2026-11-01
			1/11/2026  | ''       | ''   | 2026-11-01
			1-11-2026  | null     | null | 2026-11-01
			1.11.2026  | null     | null | 2026-11-01
			1 Nov 2026 | null     | null | 2026-11-01
			2026-11-01 | null     | null | 2026-11-01
			""")
	void readsDatesAsTheyAreWrittenInTheUk(String day, String month, String year, LocalDate expected) {
		DateInput.Reading reading = new DateInput(day, month, year).read();
		assertThat(reading.problem()).isNull();
		assertThat(reading.date()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} / {1} / {2}: {3}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			''       | ''  | ''     | REQUIRED           | DAY MONTH YEAR
			null     | null| null   | REQUIRED           | DAY MONTH YEAR
			''       | 11  | 2026   | MISSING_DAY        | DAY
			1        | ''  | 2026   | MISSING_MONTH      | MONTH
			1        | 11  | ''     | MISSING_YEAR       | YEAR
			''       | ''  | 2026   | MISSING_DAY_MONTH  | DAY MONTH
			''       | 11  | ''     | MISSING_DAY_YEAR   | DAY YEAR
			1        | ''  | ''     | MISSING_MONTH_YEAR | MONTH YEAR
			1        | 11  | 26     | YEAR_DIGITS        | YEAR
			1        | 11  | 20266  | YEAR_DIGITS        | YEAR
			30       | 2   | 2026   | NOT_REAL           | DAY MONTH YEAR
			1        | 13  | 2026   | NOT_REAL           | DAY MONTH YEAR
			first    | 11  | 2026   | NOT_REAL           | DAY MONTH YEAR
			1        | Ju  | 2026   | NOT_REAL           | DAY MONTH YEAR
			yesterday| null| null   | NOT_REAL           | DAY MONTH YEAR
			24/13/2026| null| null  | NOT_REAL           | DAY MONTH YEAR
			1/11/26  | null| null   | YEAR_DIGITS        | YEAR
			""")
	void saysWhatIsWrongAndWhichBoxesToHighlight(String day, String month, String year, Problem problem, String parts) {
		DateInput.Reading reading = new DateInput(day, month, year).read();
		assertThat(reading.date()).isNull();
		assertThat(reading.problem()).isEqualTo(problem);
		for (String part : new String[] { "day", "month", "year" }) {
			assertThat(DateInput.marks(problem.code(), part)).as(part)
				.isEqualTo(parts.contains(part.toUpperCase(java.util.Locale.ROOT)));
		}
		assertThat(DateInput.firstMarked(problem.code()))
			.isEqualTo(parts.split(" ")[0].toLowerCase(java.util.Locale.ROOT));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "rota.leave.overlap", "delivery.meeting.required" })
	void anyOtherErrorOnTheDateHighlightsAllThreeBoxes(String code) {
		assertThat(DateInput.marks(code, "day")).isTrue();
		assertThat(DateInput.marks(code, "month")).isTrue();
		assertThat(DateInput.marks(code, "year")).isTrue();
		assertThat(DateInput.firstMarked(code)).isEqualTo("day");
		assertThat(DateInput.marks(null, "day")).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "the start date, The start date" })
	void theNameOfTheDateStartsASentenceCapitalised(String name, String capitalised) {
		assertThat(DateInput.arguments(name)).containsExactly(name, capitalised);
		assertThat(DateInput.of(LocalDate.of(2026, 11, 1))).isEqualTo(new DateInput("1", "11", "2026"));
	}

}
