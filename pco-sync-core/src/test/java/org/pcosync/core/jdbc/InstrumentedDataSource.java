package org.pcosync.core.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource}: counts connections borrowed and not yet closed, and can hand them out
 * with auto-commit off, as pools configured for manual commit do.
 */
final class InstrumentedDataSource {
  private final AtomicInteger open = new AtomicInteger();
  private final DataSource proxy;

  InstrumentedDataSource(DataSource delegate, boolean autoCommit) {
    InvocationHandler handler = (p, method, args) -> {
      Object result = invoke(delegate, method, args);
      if (method.getName().equals("getConnection")) {
        Connection c = (Connection) result;
        c.setAutoCommit(autoCommit);
        open.incrementAndGet();
        return connection(c);
      }
      return result;
    };
    this.proxy = (DataSource) Proxy.newProxyInstance(
        DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, handler);
  }

  DataSource dataSource() {
    return proxy;
  }

  /** Returns how many borrowed connections were not closed. */
  int openConnections() {
    return open.get();
  }

  private Connection connection(Connection delegate) {
    boolean[] closed = {false};
    InvocationHandler handler = (p, method, args) -> {
      if (method.getName().equals("close") && !closed[0]) {
        closed[0] = true;
        open.decrementAndGet();
      }
      return invoke(delegate, method, args);
    };
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
