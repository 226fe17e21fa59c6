package com.helpdesk.notification.internal;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, after the changes that wrote it have committed.
 */
@Component
public class MailSenderJob {

	private static final Logger log = LoggerFactory.getLogger(MailSenderJob.class);

	private final MailOutbox outbox;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	private final com.helpdesk.shared.JobRuns jobRuns;

	MailSenderJob(MailOutbox outbox, ObjectProvider<JavaMailSender> mailSender,
			@Value("${helpdesk.mail.from}") String from, com.helpdesk.shared.JobRuns jobRuns) {
		this.jobRuns = jobRuns;
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.from = from;
	}

	/**
	 * Sends due mails; answers how many went.
	 */
	@Scheduled(fixedDelayString = "${helpdesk.mail.send-every:PT10S}")
	public int sendDue() {
		return this.jobRuns.record("mail-sender", this::send);
	}

	private int send() {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		List<MailOutbox.Mail> due;
		do {
			due = this.outbox.claimDue(50);
			for (MailOutbox.Mail mail : due) {
				try {
					MimeMessage message = sender.createMimeMessage();
					MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
					helper.setFrom(this.from);
					helper.setTo(mail.recipient());
					helper.setSubject(mail.subject());
					helper.setText(mail.body(), false);
					sender.send(message);
					this.outbox.sent(mail.id());
					sent++;
				}
				catch (Exception ex) {
					log.warn("Mail {} to {} not sent yet: {}", mail.id(), mail.recipient(), ex.getMessage());
					this.outbox.failed(mail, ex.getMessage());
				}
			}
		}
		while (due.size() == 50 && sent > 0);
		return sent;
	}

}
