package org.vigil.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditLog;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.PasswordHasher;
import org.vigil.crypto.SecretTokens;
import org.vigil.records.AccountStore;
import org.vigil.records.AccountStore.SessionRow;
import org.vigil.records.AccountStore.TokenRow;
import org.vigil.records.AccountStore.UserRow;
import org.vigil.records.Database;

/**
 * Users, sign-in, sessions and API tokens.
 *
 * <p>Passwords are stored as Argon2id hashes, session and API tokens as their SHA-256; the secrets
 * themselves are returned once (a new session, an issued token, a generated password) and never
 * stored, logged or audited. Every change to an account is an audit event naming the actor; sign-in
 * itself is not (it would flood the chain).
 *
 * <p>Sign-in fails with one message whatever went wrong (unknown name, wrong password, disabled
 * account) and always runs the password hash, so neither the answer nor its timing tells which.
 * Repeated failures lock the name tried (known or not) and, with a higher threshold, the client
 * address; a locked sign-in is refused before the password is checked.
 */
public final class AccountService {
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{2,40}");
  private static final String NAME_RULE =
      "must be 2 to 40 characters from a-z, 0-9, '.', '_' and '-'";
  private static final String BAD_SIGN_IN = "sign-in failed: wrong name or password";
  private static final int MAX_PASSWORD_LENGTH = 1024;
  private static final int MIN_DISTINCT_CHARACTERS = 5;
  private static final int MAX_LABEL_LENGTH = 100;
  private static final int MAX_SECRET_LENGTH = 200;
  private static final int MAX_SUBJECT_LENGTH = 100;

  /** Sessions and tokens record use at most this often, to spare the database a write per call. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final String API_TOKEN_PREFIX = "vigil_";
  private static final String FAILED_NAME = "name";
  private static final String FAILED_ADDRESS = "address";

  private final Database db;
  private final AccountStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final AccountSettings settings;
  private final PasswordHasher hasher;
  private volatile @Nullable String dummyHash;

  public AccountService(Database db, AuditLog audit, Clock clock, AccountSettings settings) {
    this.db = Checks.notNull(db, "db");
    this.audit = Checks.notNull(audit, "audit");
    this.clock = Checks.notNull(clock, "clock");
    this.settings = Checks.notNull(settings, "settings");
    this.store = new AccountStore(db);
    this.hasher = new PasswordHasher(settings.hashing());
  }

  public AccountSettings settings() {
    return settings;
  }

  // ---- users

  /**
   * Creates a user.
   *
   * @throws VigilException INVALID_INPUT (field {@code name} or {@code password}) for a malformed
   *     name or a weak password, naming the rule; CONFLICT when the name is taken
   */
  public User addUser(String name, Role role, String password, String actor) {
    checkActor(actor);
    checkName(name);
    Checks.notNull(role, "role");
    checkPassword(name, password);
    if (store.userByName(name).isPresent()) {
      throw taken(name);
    }
    String hash = hasher.hash(password); // outside the transaction: hashing is slow
    UserRow row = new UserRow(AccountStore.newUserId(), name, role.code(), hash, false, now());
    return db.inTransaction(
        () -> {
          if (store.userByName(name).isPresent()) {
            throw taken(name);
          }
          store.insertUser(row);
          User u = toUser(row);
          record(actor, "user.add", u.id(), null, view(u), "");
          return u;
        });
  }

  /** All users by name; empty when there are none. */
  public List<User> list() {
    return store.users().stream().map(AccountService::toUser).toList();
  }

  /** The user named {@code name}; empty when there is none. */
  public Optional<User> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return store.userByName(name).map(AccountService::toUser);
  }

  /**
   * Disables a user: they can no longer sign in, their sessions end and their API tokens stop
   * working (until enabled again). Disabling a disabled user changes nothing.
   *
   * @throws VigilException NOT_FOUND for an unknown name; CONFLICT for the only enabled admin
   */
  public void disable(String name, String actor) {
    checkActor(actor);
    db.inTransaction(
        () -> {
          User before = require(name);
          if (before.disabled()) {
            return;
          }
          if (before.role() == Role.ADMIN && store.countActive(Role.ADMIN.code()) <= 1) {
            throw new VigilException(
                ErrorCode.CONFLICT,
                "cannot disable '"
                    + name
                    + "': it is the only enabled admin; give another user the admin role first");
          }
          store.setDisabled(before.id(), true);
          int ended = store.deleteSessionsOf(before.id());
          User after = require(name);
          record(
              actor,
              "user.disable",
              before.id(),
              view(before),
              view(after),
              "sessions ended: " + ended);
        });
  }

  /**
   * Enables a disabled user. Enabling an enabled user changes nothing.
   *
   * @throws VigilException NOT_FOUND for an unknown name
   */
  public void enable(String name, String actor) {
    checkActor(actor);
    db.inTransaction(
        () -> {
          User before = require(name);
          if (!before.disabled()) {
            return;
          }
          store.setDisabled(before.id(), false);
          record(actor, "user.enable", before.id(), view(before), view(require(name)), "");
        });
  }

  /**
   * Sets a new password, ends the user's sessions and clears failed sign-ins against the name.
   *
   * @throws VigilException NOT_FOUND for an unknown name; INVALID_INPUT for a weak password
   */
  public void resetPassword(String name, String newPassword, String actor) {
    checkActor(actor);
    require(name);
    checkPassword(name, newPassword);
    String hash = hasher.hash(newPassword);
    db.inTransaction(
        () -> {
          User u = require(name);
          store.setPasswordHash(u.id(), hash);
          int ended = store.deleteSessionsOf(u.id());
          store.clearFailures(FAILED_NAME, name);
          record(
              actor,
              "user.password_reset",
              u.id(),
              view(u),
              view(u),
              "password reset; sessions ended: " + ended);
        });
  }

  /**
   * Changes a user's role; takes effect on their next request (sessions carry no role).
   *
   * @throws VigilException NOT_FOUND for an unknown name; CONFLICT when it would leave no enabled
   *     admin
   */
  public void setRole(String name, Role role, String actor) {
    checkActor(actor);
    Checks.notNull(role, "role");
    db.inTransaction(
        () -> {
          User before = require(name);
          if (before.role() == role) {
            return;
          }
          if (before.role() == Role.ADMIN
              && !before.disabled()
              && store.countActive(Role.ADMIN.code()) <= 1) {
            throw new VigilException(
                ErrorCode.CONFLICT,
                "cannot make '"
                    + name
                    + "' "
                    + role.code()
                    + ": it is the only enabled admin; give another user the admin role first");
          }
          store.setRole(before.id(), role.code());
          record(actor, "user.role", before.id(), view(before), view(require(name)), "");
        });
  }

  /**
   * On a workspace with no users, creates user {@code admin} with a random strong password and
   * returns the password (to show once); empty when any user exists.
   */
  public Optional<String> bootstrapAdmin(String actor) {
    checkActor(actor);
    if (store.countUsers() > 0) {
      return Optional.empty();
    }
    String password = SecretTokens.password();
    try {
      addUser("admin", Role.ADMIN, password, actor);
    } catch (VigilException e) {
      if (e.code() == ErrorCode.CONFLICT) {
        return Optional.empty(); // another process made it first
      }
      throw e;
    }
    return Optional.of(password);
  }

  // ---- sign-in and sessions

  /**
   * Signs a user in and starts a brand-new session (never reusing a token the caller brought).
   *
   * @param clientAddress the client's address, for the per-address lock-out
   * @throws VigilException UNAUTHENTICATED, with the same message for an unknown name, a wrong
   *     password and a disabled account; LOCKED_OUT when the name or the address has failed too
   *     often recently, saying when to try again
   */
  public Session login(String name, String password, String clientAddress) {
    String tried = subject(name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    String address =
        subject(clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress);
    Instant now = now();
    AccountSettings.Lockout policy = settings.lockout();
    refuseIfLocked(FAILED_NAME, tried, policy.maxFailures(), now, "this account");
    refuseIfLocked(
        FAILED_ADDRESS, address, policy.maxFailuresPerAddress(), now, "this client address");

    Optional<UserRow> row =
        NAME.matcher(tried).matches() ? store.userByName(tried) : Optional.empty();
    // Always hash, against a throw-away hash of the same cost when the name is unknown, so the
    // time taken does not tell whether the name exists.
    String stored = row.map(UserRow::passwordHash).orElseGet(this::dummyHash);
    boolean matches = hasher.verify(password == null ? "" : password, stored);
    if (row.isEmpty() || !matches) {
      recordFailure(tried, address, now);
      throw new VigilException(ErrorCode.UNAUTHENTICATED, BAD_SIGN_IN);
    }
    UserRow u = row.get();
    if (u.disabled()) {
      throw new VigilException(ErrorCode.UNAUTHENTICATED, BAD_SIGN_IN);
    }
    String upgraded = hasher.needsRehash(stored) ? hasher.hash(password) : null;
    String token = SecretTokens.random256();
    String csrf = SecretTokens.random256();
    Instant absolute = now.plus(settings.absoluteLife());
    Instant idle = earlier(now.plus(settings.idleExpiry()), absolute);
    db.inTransaction(
        () -> {
          store.clearFailures(FAILED_NAME, tried);
          store.deleteExpiredSessions(now);
          if (upgraded != null) {
            store.setPasswordHash(u.id(), upgraded);
          }
          store.insertSession(
              new SessionRow(SecretTokens.sha256(token), csrf, u.id(), now, now, idle, absolute));
        });
    return new Session(token, csrf, toUser(u), idle);
  }

  /**
   * The session with this token, its idle expiry extended (recorded at most once a minute); empty
   * when the token is unknown, the session is idle-expired or past its absolute life, or the user
   * is disabled.
   */
  public Optional<Session> session(String token) {
    if (!plausibleSecret(token)) {
      return Optional.empty();
    }
    String hash = SecretTokens.sha256(token);
    Optional<SessionRow> found = store.session(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SessionRow s = found.get();
    Instant now = now();
    if (!now.isBefore(s.idleExpires()) || !now.isBefore(s.absoluteExpires())) {
      store.deleteSession(hash);
      return Optional.empty();
    }
    Optional<UserRow> user = store.userById(s.userId());
    if (user.isEmpty() || user.get().disabled()) {
      store.deleteSession(hash);
      return Optional.empty();
    }
    Instant idle = s.idleExpires();
    if (Duration.between(s.lastSeen(), now).compareTo(TOUCH_EVERY) >= 0) {
      idle = earlier(now.plus(settings.idleExpiry()), s.absoluteExpires());
      store.touchSession(hash, now, idle);
    }
    return Optional.of(
        new Session(token, s.csrfToken(), toUser(user.get()), earlier(idle, s.absoluteExpires())));
  }

  /** Ends the session with this token; nothing happens when there is none. */
  public void logout(String token) {
    if (plausibleSecret(token)) {
      store.deleteSession(SecretTokens.sha256(token));
    }
  }

  /**
   * Ends every session of a user (they must sign in again).
   *
   * @throws VigilException NOT_FOUND for an unknown name
   */
  public void endSessions(String userName) {
    User u = require(userName);
    store.deleteSessionsOf(u.id());
  }

  // ---- API tokens

  /**
   * Issues an API token for a user; the returned token is the only copy.
   *
   * @throws VigilException NOT_FOUND for an unknown user; INVALID_INPUT for an empty or long label
   *     or a disabled user
   */
  public IssuedToken issueApiToken(String userName, String label, String actor) {
    checkActor(actor);
    String l = label == null ? "" : label.strip();
    if (l.isEmpty()) {
      throw VigilException.invalid("label", "must say what the token is for");
    }
    if (l.length() > MAX_LABEL_LENGTH) {
      throw VigilException.invalid(
          "label", "must be at most " + MAX_LABEL_LENGTH + " characters, not " + l.length());
    }
    String token = API_TOKEN_PREFIX + SecretTokens.random256();
    String id = AccountStore.newTokenId();
    return db.inTransaction(
        () -> {
          User u = require(userName);
          if (u.disabled()) {
            throw VigilException.invalid(
                "name", "user '" + userName + "' is disabled; enable it before issuing tokens");
          }
          store.insertToken(
              new TokenRow(id, SecretTokens.sha256(token), u.id(), l, now(), null, false));
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("id", id);
          after.put("user", u.name());
          after.put("label", l);
          after.put("revoked", false);
          record(actor, "token.issue", id, null, after, "for " + u.name());
          return new IssuedToken(id, token, l);
        });
  }

  /**
   * The user an API token belongs to (recording when it was used, at most once a minute); empty
   * when the token is unknown or revoked, or its user is disabled.
   */
  public Optional<User> userForApiToken(String token) {
    if (!plausibleSecret(token)) {
      return Optional.empty();
    }
    Optional<TokenRow> found = store.tokenByHash(SecretTokens.sha256(token));
    if (found.isEmpty() || found.get().revoked()) {
      return Optional.empty();
    }
    TokenRow t = found.get();
    Optional<UserRow> user = store.userById(t.userId());
    if (user.isEmpty() || user.get().disabled()) {
      return Optional.empty();
    }
    Instant now = now();
    if (t.lastUsed() == null || Duration.between(t.lastUsed(), now).compareTo(TOUCH_EVERY) >= 0) {
      store.setTokenLastUsed(t.id(), now);
    }
    return Optional.of(toUser(user.get()));
  }

  /**
   * Revokes an API token for good. Revoking a revoked token changes nothing.
   *
   * @throws VigilException NOT_FOUND for an unknown token id
   */
  public void revokeApiToken(String tokenId, String actor) {
    checkActor(actor);
    db.inTransaction(
        () -> {
          TokenRow t =
              store
                  .tokenById(tokenId == null ? "" : tokenId.strip())
                  .orElseThrow(() -> VigilException.notFound("API token '" + tokenId + "'"));
          if (t.revoked()) {
            return;
          }
          store.revokeToken(t.id());
          String owner = store.userById(t.userId()).map(UserRow::name).orElse(t.userId());
          Map<String, Object> before = new LinkedHashMap<>();
          before.put("id", t.id());
          before.put("user", owner);
          before.put("label", t.label());
          before.put("revoked", false);
          Map<String, Object> after = new LinkedHashMap<>(before);
          after.put("revoked", true);
          record(actor, "token.revoke", t.id(), before, after, "of " + owner);
        });
  }

  /**
   * API tokens of one user, or of everyone when {@code userName} is null, oldest first; never the
   * tokens themselves.
   *
   * @throws VigilException NOT_FOUND for an unknown user
   */
  public List<ApiTokenInfo> apiTokens(@Nullable String userName) {
    Map<String, String> names = new HashMap<>();
    String userId = null;
    if (userName != null) {
      User u = require(userName);
      userId = u.id();
      names.put(u.id(), u.name());
    } else {
      for (UserRow u : store.users()) {
        names.put(u.id(), u.name());
      }
    }
    return store.tokens(userId).stream()
        .map(
            t ->
                new ApiTokenInfo(
                    t.id(),
                    names.getOrDefault(t.userId(), t.userId()),
                    t.label(),
                    t.created(),
                    t.lastUsed(),
                    t.revoked()))
        .toList();
  }

  // ---- rules

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw VigilException.invalid(
          "name", NAME_RULE + (name == null ? "" : ", not '" + name + "'"));
    }
  }

  /** The password rules; the error names the rule broken (never the password). */
  private void checkPassword(String name, String password) {
    if (password == null) {
      throw VigilException.invalid("password", "is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < settings.minPasswordLength()) {
      throw VigilException.invalid(
          "password",
          "must be at least "
              + settings.minPasswordLength()
              + " characters (this one has "
              + length
              + ")");
    }
    if (length > MAX_PASSWORD_LENGTH) {
      throw VigilException.invalid(
          "password", "must be at most " + MAX_PASSWORD_LENGTH + " characters");
    }
    if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
      throw VigilException.invalid(
          "password", "must use at least " + MIN_DISTINCT_CHARACTERS + " different characters");
    }
    if (name.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(name)) {
      throw VigilException.invalid("password", "must not contain the user name");
    }
  }

  private static void checkActor(String actor) {
    Checks.notBlank(actor, "actor");
  }

  private static VigilException taken(String name) {
    return new VigilException(ErrorCode.CONFLICT, "user '" + name + "' already exists");
  }

  private User require(String name) {
    return find(name).orElseThrow(() -> VigilException.notFound("user '" + name + "'"));
  }

  // ---- lock-out

  private void refuseIfLocked(String kind, String subject, int max, Instant now, String what) {
    AccountSettings.Lockout policy = settings.lockout();
    List<Instant> failures =
        store.failures(kind, subject, now.minus(policy.window()).minus(policy.duration()));
    Instant until = null;
    for (int i = max - 1; i < failures.size(); i++) {
      // failures i-max+1 .. i, all within one window, set a lock lasting from failure i
      if (Duration.between(failures.get(i - max + 1), failures.get(i)).compareTo(policy.window())
          <= 0) {
        Instant end = failures.get(i).plus(policy.duration());
        until = until == null || end.isAfter(until) ? end : until;
      }
    }
    if (until != null && until.isAfter(now)) {
      long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
      throw new VigilException(
          ErrorCode.LOCKED_OUT,
          "too many failed sign-ins for "
              + what
              + "; try again after "
              + until.truncatedTo(ChronoUnit.SECONDS)
              + " (in "
              + minutes
              + (minutes == 1 ? " minute)" : " minutes)"));
    }
  }

  private void recordFailure(String tried, String address, Instant now) {
    AccountSettings.Lockout policy = settings.lockout();
    db.inTransaction(
        () -> {
          store.addFailure(FAILED_NAME, tried, now);
          store.addFailure(FAILED_ADDRESS, address, now);
          store.pruneFailures(now.minus(policy.window()).minus(policy.duration()));
        });
    List<Instant> recent = store.failures(FAILED_NAME, tried, now.minus(policy.window()));
    if (recent.size() == policy.maxFailures() && store.userByName(tried).isPresent()) {
      // the name of an existing account only: a mistyped name may be someone's password
      LOG.warn(
          "sign-in for user {} locked for {} after {} failures",
          tried,
          policy.duration(),
          recent.size());
    }
  }

  // ---- helpers

  private String dummyHash() {
    String h = dummyHash;
    if (h == null) {
      h = hasher.hash(SecretTokens.random256());
      dummyHash = h;
    }
    return h;
  }

  private static boolean plausibleSecret(@Nullable String token) {
    return token != null && !token.isBlank() && token.length() <= MAX_SECRET_LENGTH;
  }

  private static String subject(String s) {
    return s.length() <= MAX_SUBJECT_LENGTH ? s : s.substring(0, MAX_SUBJECT_LENGTH);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static User toUser(UserRow r) {
    return new User(r.id(), r.name(), Role.parse(r.role()), r.disabled(), r.created());
  }

  /** A user as audited: never the password hash. */
  private static Map<String, Object> view(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("name", u.name());
    m.put("role", u.role().code());
    m.put("disabled", u.disabled());
    return m;
  }

  private void record(
      String actor,
      String action,
      String subject,
      @Nullable Map<String, Object> before,
      @Nullable Map<String, Object> after,
      String reason) {
    audit.append(
        new AuditEvent(
            actor, action, subject, AccountJson.of(before), AccountJson.of(after), reason));
  }
}
