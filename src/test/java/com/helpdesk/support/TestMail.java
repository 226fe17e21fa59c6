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

	/**
	 * Starts the server again after a test stopped it, and waits until it takes
	 * connections, so that the next mail sent does not meet a closed port.
	 */
	public static void restart() {
		GreenMail mail = server();
		mail.start();
		long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < until) {
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.onSpinWait();
			}
		}
		throw new IllegalStateException("the test mail server did not come back on port " + port);
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
