package vn.quizfest.server.results;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A failure injector in front of the real database: the first connections are refused (the database
 * is down), and then some commits go through but report a failure (the acknowledgement is lost).
 * Everything else reaches the real database unchanged.
 */
class FlakyDataSource extends DelegatingDataSource {

	private final AtomicInteger refusedConnections;

	private final AtomicInteger lostCommits;

	FlakyDataSource(DataSource database, int refusedConnections, int lostCommits) {
		super(database);
		this.refusedConnections = new AtomicInteger(refusedConnections);
		this.lostCommits = new AtomicInteger(lostCommits);
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (refusedConnections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			throw new SQLTransientConnectionException("Injected outage: connection refused", "08001");
		}
		Connection connection = super.getConnection();
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					try {
						Object result = method.invoke(connection, args);
						if (method.getName().equals("commit") && lostCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
							throw new SQLTransientConnectionException("Injected outage: commit not acknowledged", "08S01");
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** Failures still to come. */
	int remaining() {
		return refusedConnections.get() + lostCommits.get();
	}
}
