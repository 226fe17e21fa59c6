package com.helpdesk.shared;

import java.util.ArrayList;
import java.util.List;

import com.helpdesk.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one rule for text: control characters never, line breaks and tabs only where a
 * field has several lines, and no more characters than the column holds.
 */
class TextRulesTest {

	@Test
	void textOfSeveralLinesKeepsLineBreaksAndTabsButNoOtherControlCharacter() {
		assertThat(errors((e) -> TextRules.text(e, "body", "First line\r\nSecond\tline\nThird", 100))).isEmpty();
		for (String bad : new String[] { "a\u0000b", "colour \u001B[31mred", "bell\u0007", "lone\rreturn", "del\u007F",
				"c1\u0085" }) {
			assertThat(errors((e) -> TextRules.text(e, "body", bad, 100))).as(bad)
				.containsExactly(new FieldError("body", TextRules.CONTROL));
		}
	}

	@Test
	void oneLineTextRefusesLineBreaksTabsAndDirectionOverrides() {
		assertThat(errors((e) -> TextRules.line(e, "name", "Ann\tLee", 120)))
			.containsExactly(new FieldError("name", TextRules.LINE_BREAK));
		assertThat(errors((e) -> TextRules.line(e, "name", "Ann\u202ELee", 120)))
			.containsExactly(new FieldError("name", TextRules.CONTROL));
		assertThat(errors((e) -> TextRules.text(e, "body", "Ann\u2028Lee", 120)))
			.containsExactly(new FieldError("body", TextRules.CONTROL));
		assertThat(errors((e) -> TextRules.line(e, "name", "Zoë O'Brien-Łukasiewicz 李", 120))).isEmpty();
		assertThat(errors((e) -> TextRules.line(e, "name", "Ann\nLee", 120)))
			.containsExactly(new FieldError("name", TextRules.LINE_BREAK));
		assertThat(errors((e) -> TextRules.line(e, "name", "Ann\r\nLee", 120)))
			.containsExactly(new FieldError("name", TextRules.LINE_BREAK));
		assertThat(errors((e) -> TextRules.line(e, "name", "Ann\u0000", 120)))
			.containsExactly(new FieldError("name", TextRules.CONTROL));
	}

	@Test
	void lengthIsCountedInCharactersAsThePostgreSqlColumnCountsThem() {
		String emoji = "\uD83D\uDE00".repeat(120);
		assertThat(emoji.length()).isEqualTo(240);
		assertThat(errors((e) -> TextRules.line(e, "name", emoji, 120))).isEmpty();
		assertThat(errors((e) -> TextRules.line(e, "name", "x".repeat(121), 120)))
			.containsExactly(new FieldError("name", "text.tooLong.120"));
		assertThat(errors((e) -> TextRules.line(e, "name", "x".repeat(121), 120, "user.name.tooLong")))
			.containsExactly(new FieldError("name", "user.name.tooLong"));
		assertThatThrownBy(() -> TextRules.requireText("notes", "x".repeat(11), 10)).isInstanceOfSatisfying(
				InvalidInputException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("notes", "text.tooLong.10")));
	}

	@Test
	void emptyTextPassesForTheCallerToRequire() {
		assertThat(errors((e) -> TextRules.line(e, "name", null, 10))).isEmpty();
		assertThat(errors((e) -> TextRules.text(e, "name", "", 10))).isEmpty();
		assertThat(TextRules.isLine(null, 10)).isTrue();
		assertThat(TextRules.hasForbiddenCharacter(null)).isFalse();
	}

	@Test
	void aPasswordFitsBcryptIn72BytesOfUtf8() {
		assertThat(TextRules.passwordFits("p".repeat(72))).isTrue();
		assertThat(TextRules.passwordFits("p".repeat(73))).isFalse();
		// 37 characters, 74 bytes
		assertThat(TextRules.passwordFits("é".repeat(37))).isFalse();
	}

	private static List<FieldError> errors(java.util.function.Consumer<List<FieldError>> check) {
		List<FieldError> errors = new ArrayList<>();
		check.accept(errors);
		return errors;
	}

}
