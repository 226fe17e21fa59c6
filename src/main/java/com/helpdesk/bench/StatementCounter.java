package com.helpdesk.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Counts the SQL statements run on the current thread, by wrapping the pool's connections
 * and statements: every {@code execute*} call (and each batch) is one statement.
 * Statements on Spring Session's tables are counted apart, since they are the price of
 * keeping sessions in the database rather than the page's own work.
 */
final class StatementCounter {

	/** Counts of the request being served on this thread. */
	static final class Counts {

		int statements;

		int sessionStatements;

	}

	private static final ThreadLocal<Counts> CURRENT = new ThreadLocal<>();

	private StatementCounter() {
	}

	static Counts start() {
		Counts counts = new Counts();
		CURRENT.set(counts);
		return counts;
	}

	static void stop() {
		CURRENT.remove();
	}

	static DataSource wrap(DataSource dataSource) {
		return proxy(DataSource.class, dataSource, (target, method, args) -> {
			Object result = invoke(target, method, args);
			return (result instanceof Connection connection) ? proxy(Connection.class, connection, null) : result;
		});
	}

	private static void count(String sql) {
		Counts counts = CURRENT.get();
		if (counts == null) {
			return;
		}
		counts.statements++;
		if (sql != null && sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION")) {
			counts.sessionStatements++;
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		Handler actual = (handler != null) ? handler : (Handler) StatementCounter::connectionCall;
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type },
				(InvocationHandler) (proxy, method, args) -> {
					if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
							&& wanted.isInstance(target)) {
						return target;
					}
					return actual.handle(target, method, args);
				});
	}

	/**
	 * A connection: statements it prepares remember their SQL; plain statements count
	 * what they execute.
	 */
	private static Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
		Object result = invoke(target, method, args);
		if (result instanceof Statement statement) {
			String prepared = (args != null && args.length > 0 && args[0] instanceof String sql) ? sql : null;
			Class<? extends Statement> type = (statement instanceof java.sql.CallableStatement)
					? java.sql.CallableStatement.class : (statement instanceof java.sql.PreparedStatement)
							? java.sql.PreparedStatement.class : Statement.class;
			return proxyStatement(type, statement, prepared);
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static <T extends Statement> T proxyStatement(Class<T> type, Statement target, String prepared) {
		return (T) proxy((Class<Statement>) type, target, (statement, method, args) -> {
			String name = method.getName();
			if (name.startsWith("execute")) {
				count((args != null && args.length > 0 && args[0] instanceof String sql) ? sql : prepared);
			}
			return invoke(statement, method, args);
		});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@FunctionalInterface
	private interface Handler {

		Object handle(Object target, Method method, Object[] args) throws Throwable;

	}

}
