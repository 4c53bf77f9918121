package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Users, sessions, API tokens and failed sign-ins. Stores hashes only: the accounts service hashes
 * passwords and tokens before they reach this class. Times are kept as epoch milliseconds.
 */
public final class AccountStore {
  private final Database db;

  public AccountStore(Database db) {
    this.db = db;
  }

  /** One user; {@code role} is the role's lower-case code. */
  public record UserRow(
      String id,
      String name,
      String role,
      String passwordHash,
      boolean disabled,
      Instant created) {}

  /** One session, keyed by the SHA-256 of its token. */
  public record SessionRow(
      String tokenHash,
      String csrfToken,
      String userId,
      Instant created,
      Instant lastSeen,
      Instant idleExpires,
      Instant absoluteExpires) {}

  /** One API token, keyed by id, found by the SHA-256 of the token. */
  public record TokenRow(
      String id,
      String tokenHash,
      String userId,
      String label,
      Instant created,
      @Nullable Instant lastUsed,
      boolean revoked) {}

  // ---- users

  /** A new random user id ({@code user:} and ten characters). */
  public static String newUserId() {
    return Ids.next("user");
  }

  /** A new random API token id ({@code token:} and ten characters). */
  public static String newTokenId() {
    return Ids.next("token");
  }

  private static final String USER_COLUMNS =
      "SELECT id, name, role, password_hash, disabled, created FROM users";

  public void insertUser(UserRow u) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO users (id, name, role, password_hash, disabled, created)"
                      + " VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, u.id());
            ps.setString(2, u.name());
            ps.setString(3, u.role());
            ps.setString(4, u.passwordHash());
            ps.setInt(5, u.disabled() ? 1 : 0);
            ps.setLong(6, u.created().toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  public Optional<UserRow> userByName(String name) {
    return oneUser(USER_COLUMNS + " WHERE name = ?", name);
  }

  public Optional<UserRow> userById(String id) {
    return oneUser(USER_COLUMNS + " WHERE id = ?", id);
  }

  /** All users by name. */
  public List<UserRow> users() {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(USER_COLUMNS + " ORDER BY name")) {
            List<UserRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(user(rs));
              }
            }
            return out;
          }
        });
  }

  public long countUsers() {
    return count("SELECT COUNT(*) FROM users");
  }

  /** Enabled users with {@code role}. */
  public long countActive(String role) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM users WHERE role = ? AND disabled = 0")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  public void setDisabled(String userId, boolean disabled) {
    update("UPDATE users SET disabled = ? WHERE id = ?", disabled ? 1 : 0, userId);
  }

  public void setRole(String userId, String role) {
    update("UPDATE users SET role = ? WHERE id = ?", role, userId);
  }

  public void setPasswordHash(String userId, String passwordHash) {
    update("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, userId);
  }

  private Optional<UserRow> oneUser(String sql, String key) {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(user(rs)) : Optional.<UserRow>empty();
            }
          }
        });
  }

  private static UserRow user(ResultSet rs) throws SQLException {
    return new UserRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5) != 0,
        Instant.ofEpochMilli(rs.getLong(6)));
  }

  // ---- sessions

  public void insertSession(SessionRow s) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sessions (token_hash, csrf_token, user_id, created, last_seen,"
                      + " idle_expires, absolute_expires) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, s.tokenHash());
            ps.setString(2, s.csrfToken());
            ps.setString(3, s.userId());
            ps.setLong(4, s.created().toEpochMilli());
            ps.setLong(5, s.lastSeen().toEpochMilli());
            ps.setLong(6, s.idleExpires().toEpochMilli());
            ps.setLong(7, s.absoluteExpires().toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  public Optional<SessionRow> session(String tokenHash) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT token_hash, csrf_token, user_id, created, last_seen, idle_expires,"
                      + " absolute_expires FROM sessions WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<SessionRow>empty();
              }
              return Optional.of(
                  new SessionRow(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      Instant.ofEpochMilli(rs.getLong(4)),
                      Instant.ofEpochMilli(rs.getLong(5)),
                      Instant.ofEpochMilli(rs.getLong(6)),
                      Instant.ofEpochMilli(rs.getLong(7))));
            }
          }
        });
  }

  public void touchSession(String tokenHash, Instant lastSeen, Instant idleExpires) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE sessions SET last_seen = ?, idle_expires = ? WHERE token_hash = ?")) {
            ps.setLong(1, lastSeen.toEpochMilli());
            ps.setLong(2, idleExpires.toEpochMilli());
            ps.setString(3, tokenHash);
            return ps.executeUpdate();
          }
        });
  }

  public void deleteSession(String tokenHash) {
    update("DELETE FROM sessions WHERE token_hash = ?", tokenHash);
  }

  /** Ends every session of one user; returns how many there were. */
  public int deleteSessionsOf(String userId) {
    return update("DELETE FROM sessions WHERE user_id = ?", userId);
  }

  /** Drops sessions that expired (idle or absolute) before {@code now}. */
  public int deleteExpiredSessions(Instant now) {
    long t = now.toEpochMilli();
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM sessions WHERE idle_expires <= ? OR absolute_expires <= ?")) {
            ps.setLong(1, t);
            ps.setLong(2, t);
            return ps.executeUpdate();
          }
        });
  }

  // ---- API tokens

  private static final String TOKEN_COLUMNS =
      "SELECT id, token_hash, user_id, label, created, last_used, revoked FROM api_tokens";

  public void insertToken(TokenRow t) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_tokens (id, token_hash, user_id, label, created, last_used,"
                      + " revoked) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.tokenHash());
            ps.setString(3, t.userId());
            ps.setString(4, t.label());
            ps.setLong(5, t.created().toEpochMilli());
            if (t.lastUsed() == null) {
              ps.setNull(6, Types.INTEGER);
            } else {
              ps.setLong(6, t.lastUsed().toEpochMilli());
            }
            ps.setInt(7, t.revoked() ? 1 : 0);
            return ps.executeUpdate();
          }
        });
  }

  public Optional<TokenRow> tokenByHash(String tokenHash) {
    return oneToken(TOKEN_COLUMNS + " WHERE token_hash = ?", tokenHash);
  }

  public Optional<TokenRow> tokenById(String id) {
    return oneToken(TOKEN_COLUMNS + " WHERE id = ?", id);
  }

  /** Tokens of one user, or of everyone when {@code userId} is null; oldest first. */
  public List<TokenRow> tokens(@Nullable String userId) {
    return db.with(
        c -> {
          String sql =
              TOKEN_COLUMNS
                  + (userId == null ? "" : " WHERE user_id = ?")
                  + " ORDER BY created, id";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (userId != null) {
              ps.setString(1, userId);
            }
            List<TokenRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(token(rs));
              }
            }
            return out;
          }
        });
  }

  public void setTokenLastUsed(String id, Instant at) {
    update("UPDATE api_tokens SET last_used = ? WHERE id = ?", at.toEpochMilli(), id);
  }

  public void revokeToken(String id) {
    update("UPDATE api_tokens SET revoked = 1 WHERE id = ?", id);
  }

  private Optional<TokenRow> oneToken(String sql, String key) {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(token(rs)) : Optional.<TokenRow>empty();
            }
          }
        });
  }

  private static TokenRow token(ResultSet rs) throws SQLException {
    long lastUsed = rs.getLong(6);
    Instant last = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed);
    return new TokenRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)),
        last,
        rs.getInt(7) != 0);
  }

  // ---- failed sign-ins

  /** Records one failed sign-in against {@code kind} ({@code name} or {@code address}). */
  public void addFailure(String kind, String subject, Instant at) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO login_failures (kind, subject, at) VALUES (?,?,?)")) {
            ps.setString(1, kind);
            ps.setString(2, subject);
            ps.setLong(3, at.toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  /** Times of failures against one subject at or after {@code since}, oldest first. */
  public List<Instant> failures(String kind, String subject, Instant since) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT at FROM login_failures WHERE kind = ? AND subject = ? AND at >= ?"
                      + " ORDER BY at")) {
            ps.setString(1, kind);
            ps.setString(2, subject);
            ps.setLong(3, since.toEpochMilli());
            List<Instant> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(Instant.ofEpochMilli(rs.getLong(1)));
              }
            }
            return out;
          }
        });
  }

  /** Forgets the failures of one subject (after a successful sign-in). */
  public void clearFailures(String kind, String subject) {
    update("DELETE FROM login_failures WHERE kind = ? AND subject = ?", kind, subject);
  }

  /** Forgets failures older than {@code before}: they can no longer cause a lock-out. */
  public void pruneFailures(Instant before) {
    update("DELETE FROM login_failures WHERE at < ?", before.toEpochMilli());
  }

  // ---- helpers

  private long count(String sql) {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private int update(String sql, Object... args) {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
          }
        });
  }
}
