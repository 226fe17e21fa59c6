package com.helpdesk.ticket.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentRulesTest {

	@Test
	void fileNamesLoseTheirFoldersAndControlCharacters() {
		assertThat(AttachmentRules.safeFilename("../../etc/passwd")).isEqualTo("passwd");
		assertThat(AttachmentRules.safeFilename("C:\\temp\\report.pdf")).isEqualTo("report.pdf");
		assertThat(AttachmentRules.safeFilename("evil\r\nname\".txt")).isEqualTo("evilname.txt");
		assertThat(AttachmentRules.safeFilename("..")).isEqualTo("attachment");
		assertThat(AttachmentRules.safeFilename(null)).isEqualTo("attachment");
		assertThat(AttachmentRules.safeFilename("x".repeat(300) + ".log")).hasSize(200).endsWith(".log");
	}

	@Test
	void invisibleCharactersInFileNamesAreWrittenOutSoTheNameReadsAsWhatItIs() {
		// U+202E turns what follows round: "invoice" RLO "fdp.exe" reads "invoiceexe.pdf"
		assertThat(AttachmentRules.safeFilename("invoice\u202Efdp.exe")).isEqualTo("invoice\\u202Efdp.exe");
		assertThat(AttachmentRules.safeFilename("pay\u200Bslip\uFEFF.pdf")).isEqualTo("pay\\u200Bslip\\uFEFF.pdf");
		assertThat(AttachmentRules.safeFilename("a\u2028b.txt")).isEqualTo("a\\u2028b.txt");
		assertThat(AttachmentRules.visible("plain café.txt")).isEqualTo("plain café.txt");
		assertThat(AttachmentRules.visible(AttachmentRules.visible("x\u2066y"))).as("shown once, not twice")
			.isEqualTo("x\\u2066y");
	}

	@Test
	void contentTypesAreReducedToAPlainMediaType() {
		assertThat(AttachmentRules.safeContentType("text/html; charset=UTF-8")).isEqualTo("text/html");
		assertThat(AttachmentRules.safeContentType("IMAGE/PNG")).isEqualTo("image/png");
		assertThat(AttachmentRules.safeContentType("nonsense")).isEqualTo("application/octet-stream");
		assertThat(AttachmentRules.safeContentType(null)).isEqualTo("application/octet-stream");
		assertThat(AttachmentRules.safeContentType("text/html\r\nX-Evil: 1")).isEqualTo("application/octet-stream");
	}

}
