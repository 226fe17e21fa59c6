package com.helpdesk.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail SMTP server for the whole test run, on a free port, so mails the app
 * sends can be read back.
 */
public final class TestMail {

	private static volatile GreenMail server;

	private static int port;

	private TestMail() {
	}

	public static GreenMail server() {
		if (server == null) {
			synchronized (TestMail.class) {
				if (server == null) {
					port = freePort();
					GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
					mail.start();
					Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
					server = mail;
				}
			}
		}
		return server;
	}

	public static int port() {
		server();
		return port;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
