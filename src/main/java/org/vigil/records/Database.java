package org.vigil.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * The embedded SQLite database: one connection, used by one thread at a time. SQLite allows one
 * writer anyway, and a single connection lets a thread group several store calls into one
 * transaction with {@link #inTransaction(Supplier)}.
 */
public final class Database implements AutoCloseable {
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private int depth;

  private Database(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file and applies pending migrations. */
  public static Database openSqlite(Path file) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration/sqlite")
          .loggers("slf4j")
          .load()
          .migrate();
      Connection c = DriverManager.getConnection(url);
      try (Statement s = c.createStatement()) {
        // WAL keeps readers and the writer apart; NORMAL is crash-safe for a killed process.
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=10000");
      }
      return new Database(c);
    } catch (SQLException | java.io.IOException | org.flywaydb.core.api.FlywayException e) {
      throw new VigilException(
          ErrorCode.STORE_FAILURE, "cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Work with SQL that may throw. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} holding the connection; inside a transaction if one is open on this thread.
   */
  <T> T with(SqlWork<T> work) {
    lock.lock();
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new VigilException(ErrorCode.STORE_FAILURE, "database error: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Whether this thread is inside {@link #inTransaction}: what it reads may still roll back. */
  public boolean inTransactionOnThisThread() {
    return lock.isHeldByCurrentThread() && depth > 0;
  }

  /**
   * Runs {@code work} in one transaction: every store call it makes on this thread commits together
   * or not at all. Nested calls join the outer transaction.
   */
  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    try {
      if (depth == 0) {
        connection.setAutoCommit(false);
      }
      depth++;
      boolean ok = false;
      try {
        T result = work.get();
        ok = true;
        return result;
      } finally {
        depth--;
        if (depth == 0) {
          if (ok) {
            connection.commit();
          } else {
            connection.rollback();
          }
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new VigilException(ErrorCode.STORE_FAILURE, "database error: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  public void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Writes a consistent copy of the whole database (every table, the audit log included) to {@code
   * target} with SQLite's {@code VACUUM INTO}: one read transaction, so writers in this or another
   * process never tear it, and committed WAL content is included. {@code target} must not exist.
   *
   * @throws VigilException {@code store_failure} when the copy cannot be written
   */
  public void snapshotTo(Path target) {
    with(
        c -> {
          try (java.sql.PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toAbsolutePath().toString());
            ps.execute();
          }
          return null;
        });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new VigilException(ErrorCode.STORE_FAILURE, "cannot close database", e);
    } finally {
      lock.unlock();
    }
  }
}
