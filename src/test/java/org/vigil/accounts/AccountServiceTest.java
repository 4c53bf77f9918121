package org.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditRecord;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.PasswordHasher;
import org.vigil.records.Database;
import org.vigil.records.TestSql;

class AccountServiceTest {
  static final String PASSWORD = "tulip lantern orbit 42";
  static final String ADDRESS = "192.0.2.10";
  static final AccountSettings SETTINGS =
      AccountSettings.defaults().withHashing(new PasswordHasher.Params(64, 1, 1));

  @TempDir Path dir;
  Database db;
  AuditLog audit;
  MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  AccountService accounts;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("vigil.db"));
    audit = new AuditLog(db, clock);
    accounts = new AccountService(db, audit, clock, SETTINGS);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void addedUserCanSignInAndTheStoredHashIsArgon2idPhc() {
    User alice = accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    assertThat(alice.id()).startsWith("user:");
    assertThat(alice.role()).isEqualTo(Role.ANALYST);
    assertThat(accounts.find("alice")).contains(alice);
    assertThat(accounts.list()).containsExactly(alice);

    Session s = accounts.login("alice", PASSWORD, ADDRESS);
    assertThat(s.user()).isEqualTo(alice);
    assertThat(s.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(s.csrfToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(s.token());
    assertThat(s.expires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    assertThat(s.toString()).doesNotContain(s.token()).doesNotContain(s.csrfToken());
    assertThat(accounts.session(s.token())).map(Session::user).contains(alice);

    assertThat(TestSql.column(db, "SELECT password_hash FROM users"))
        .singleElement()
        .asString()
        .matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
    // the session token itself is not stored, only its SHA-256
    assertThat(TestSql.column(db, "SELECT token_hash FROM sessions"))
        .singleElement()
        .asString()
        .matches("[0-9a-f]{64}")
        .isNotEqualTo(s.token());
  }

  @Test
  void defaultSettingsUseOwaspArgon2Parameters() {
    assertThat(AccountSettings.defaults().hashing())
        .isEqualTo(new PasswordHasher.Params(19456, 2, 1));
    assertThat(AccountSettings.defaults().idleExpiry()).isEqualTo(Duration.ofMinutes(30));
    assertThat(AccountSettings.defaults().absoluteLife()).isEqualTo(Duration.ofHours(12));
    assertThat(AccountSettings.defaults().minPasswordLength()).isEqualTo(12);
  }

  @Test
  void wrongPasswordUnknownUserAndDisabledUserGetTheSameError() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    accounts.addUser("bob", Role.ANALYST, PASSWORD, "root");
    accounts.disable("bob", "root");
    VigilException wrong =
        refused(() -> accounts.login("alice", "tulip lantern orbit 43", ADDRESS));
    VigilException unknown = refused(() -> accounts.login("nobody", PASSWORD, ADDRESS));
    VigilException disabled = refused(() -> accounts.login("bob", PASSWORD, ADDRESS));
    for (VigilException e : List.of(wrong, unknown, disabled)) {
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).isEqualTo(wrong.getMessage());
    }
  }

  @Test
  void everySignInStartsANewSession() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    Session first = accounts.login("alice", PASSWORD, ADDRESS);
    Session second = accounts.login("alice", PASSWORD, ADDRESS);
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(second.csrfToken()).isNotEqualTo(first.csrfToken());
    accounts.logout(first.token());
    assertThat(accounts.session(first.token())).isEmpty();
    assertThat(accounts.session(second.token())).isPresent();
  }

  @Test
  void fiveFailuresLockTheAccountUntilTheLockRunsOut() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(30));
      String address = "198.51.100." + i;
      assertThat(refused(() -> accounts.login("alice", "not the password at all", address)).code())
          .isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
    // locked even with the right password, from any address
    VigilException locked = refused(() -> accounts.login("alice", PASSWORD, ADDRESS));
    assertThat(locked.code()).isEqualTo(ErrorCode.LOCKED_OUT);
    assertThat(locked.getMessage())
        .contains("try again after 2026-03-01T09:17:30Z")
        .contains("15 minutes");

    clock.advance(Duration.ofMinutes(14));
    assertThat(refused(() -> accounts.login("alice", PASSWORD, ADDRESS)).code())
        .isEqualTo(ErrorCode.LOCKED_OUT);
    clock.advance(Duration.ofMinutes(1));
    assertThat(accounts.login("alice", PASSWORD, ADDRESS).user().name()).isEqualTo("alice");
  }

  @Test
  void fourFailuresDoNotLockAndFailuresOutsideTheWindowDoNotCount() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    for (int i = 0; i < 4; i++) {
      refused(() -> accounts.login("alice", "not the password at all", ADDRESS));
    }
    clock.advance(Duration.ofMinutes(16));
    refused(() -> accounts.login("alice", "not the password at all", ADDRESS));
    assertThat(accounts.login("alice", PASSWORD, ADDRESS)).isNotNull();
  }

  @Test
  void unknownNamesLockLikeKnownOnesSoLockOutRevealsNothing() {
    for (int i = 0; i < 5; i++) {
      String address = "198.51.100." + i;
      refused(() -> accounts.login("ghost", "not the password at all", address));
    }
    assertThat(refused(() -> accounts.login("ghost", "anything at all here", ADDRESS)).code())
        .isEqualTo(ErrorCode.LOCKED_OUT);
  }

  @Test
  void oneAddressFailingAcrossManyNamesIsLockedOut() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    for (int i = 0; i < 20; i++) {
      String name = "name" + i;
      refused(() -> accounts.login(name, "password guess spray", ADDRESS));
    }
    VigilException e = refused(() -> accounts.login("alice", PASSWORD, ADDRESS));
    assertThat(e.code()).isEqualTo(ErrorCode.LOCKED_OUT);
    assertThat(e.getMessage()).contains("client address");
    // the account itself is not locked: another address gets in
    assertThat(accounts.login("alice", PASSWORD, "203.0.113.5")).isNotNull();
  }

  @Test
  void sessionEndsAfterIdleExpiryButUseExtendsIt() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    Session s = accounts.login("alice", PASSWORD, ADDRESS);
    clock.advance(Duration.ofMinutes(20));
    Session used = accounts.session(s.token()).orElseThrow();
    assertThat(used.expires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    clock.advance(Duration.ofMinutes(29));
    assertThat(accounts.session(s.token())).isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(accounts.session(s.token())).isEmpty();
    // gone for good, not just hidden
    clock.advance(Duration.ofMinutes(-50));
    assertThat(accounts.session(s.token())).isEmpty();
  }

  @Test
  void sessionEndsAtItsAbsoluteLifeHoweverMuchItIsUsed() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    Session s = accounts.login("alice", PASSWORD, ADDRESS);
    for (int i = 0; i < 12 * 4 - 1; i++) {
      clock.advance(Duration.ofMinutes(15));
      assertThat(accounts.session(s.token())).as("after %d minutes", (i + 1) * 15).isPresent();
    }
    // 11:45 in: the idle expiry is capped at the absolute end
    assertThat(accounts.session(s.token()).orElseThrow().expires())
        .isEqualTo(Instant.parse("2026-03-01T21:00:00Z"));
    clock.advance(Duration.ofMinutes(15));
    assertThat(accounts.session(s.token())).isEmpty();
  }

  @Test
  void disablingAUserEndsTheirSessionsAndTokens() {
    accounts.addUser("root", Role.ADMIN, PASSWORD, "setup");
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    Session s = accounts.login("alice", PASSWORD, ADDRESS);
    IssuedToken t = accounts.issueApiToken("alice", "laptop script", "root");
    accounts.disable("alice", "root");
    assertThat(accounts.session(s.token())).isEmpty();
    assertThat(accounts.userForApiToken(t.token())).isEmpty();
    assertThat(accounts.find("alice").orElseThrow().disabled()).isTrue();
    accounts.enable("alice", "root");
    assertThat(accounts.session(s.token())).as("sessions stay ended").isEmpty();
    assertThat(accounts.userForApiToken(t.token())).map(User::name).contains("alice");
    assertThat(accounts.login("alice", PASSWORD, ADDRESS)).isNotNull();
  }

  @Test
  void resetPasswordEndsSessionsAndOnlyTheNewPasswordWorks() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    Session s = accounts.login("alice", PASSWORD, ADDRESS);
    accounts.resetPassword("alice", "violet harbour compass 7", "root");
    assertThat(accounts.session(s.token())).isEmpty();
    assertThat(refused(() -> accounts.login("alice", PASSWORD, ADDRESS)).code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(accounts.login("alice", "violet harbour compass 7", ADDRESS)).isNotNull();
  }

  @Test
  void endSessionsSignsAUserOutEverywhere() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    Session a = accounts.login("alice", PASSWORD, ADDRESS);
    Session b = accounts.login("alice", PASSWORD, "203.0.113.5");
    accounts.endSessions("alice");
    assertThat(accounts.session(a.token())).isEmpty();
    assertThat(accounts.session(b.token())).isEmpty();
  }

  @Test
  void roleChangesApplyToExistingSessions() {
    accounts.addUser("root", Role.ADMIN, PASSWORD, "setup");
    accounts.addUser("alice", Role.VIEWER, PASSWORD, "root");
    Session s = accounts.login("alice", PASSWORD, ADDRESS);
    accounts.setRole("alice", Role.REVIEWER, "root");
    User now = accounts.session(s.token()).orElseThrow().user();
    assertThat(now.role()).isEqualTo(Role.REVIEWER);
    assertThat(now.can(Permission.REVIEW)).isTrue();
    assertThat(now.can(Permission.EDIT)).isFalse();
  }

  @Test
  void theOnlyEnabledAdminCannotBeDisabledOrDemoted() {
    accounts.addUser("root", Role.ADMIN, PASSWORD, "setup");
    assertThat(refused(() -> accounts.disable("root", "root")).code())
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(refused(() -> accounts.setRole("root", Role.VIEWER, "root")).code())
        .isEqualTo(ErrorCode.CONFLICT);
    accounts.addUser("second", Role.ADMIN, PASSWORD, "root");
    accounts.disable("root", "second");
    assertThat(accounts.find("root").orElseThrow().disabled()).isTrue();
  }

  @Test
  void apiTokenIssueUseAndRevoke() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    IssuedToken t = accounts.issueApiToken("alice", "  nightly import ", "root");
    assertThat(t.label()).isEqualTo("nightly import");
    assertThat(t.id()).startsWith("token:");
    assertThat(t.toString()).doesNotContain(t.token());
    assertThat(accounts.userForApiToken(t.token())).map(User::name).contains("alice");
    assertThat(accounts.userForApiToken(t.token() + "x")).isEmpty();
    assertThat(accounts.userForApiToken("")).isEmpty();

    ApiTokenInfo info = accounts.apiTokens("alice").get(0);
    assertThat(info.id()).isEqualTo(t.id());
    assertThat(info.userName()).isEqualTo("alice");
    assertThat(info.lastUsed()).isEqualTo(clock.instant());
    assertThat(info.revoked()).isFalse();
    assertThat(accounts.apiTokens(null)).containsExactly(info);
    assertThat(TestSql.column(db, "SELECT token_hash FROM api_tokens"))
        .singleElement()
        .asString()
        .matches("[0-9a-f]{64}");

    accounts.revokeApiToken(t.id(), "root");
    assertThat(accounts.userForApiToken(t.token())).isEmpty();
    assertThat(accounts.apiTokens("alice").get(0).revoked()).isTrue();
    assertThat(refused(() -> accounts.revokeApiToken("token:nosuchtokn", "root")).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void tokenLabelsAndOwnersAreChecked() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    VigilException e = refused(() -> accounts.issueApiToken("alice", "  ", "root"));
    assertThat(e.fieldProblems()).containsKey("label");
    assertThat(refused(() -> accounts.issueApiToken("nobody", "x", "root")).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void bootstrapAdminOnlyOnAnEmptyWorkspace() {
    Optional<String> pw = accounts.bootstrapAdmin("vigil serve");
    assertThat(pw).isPresent();
    assertThat(pw.get()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(accounts.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThat(accounts.login("admin", pw.get(), ADDRESS).user().name()).isEqualTo("admin");
    assertThat(accounts.bootstrapAdmin("vigil serve")).isEmpty();
    assertThat(accounts.list()).hasSize(1);
  }

  @Test
  void namesAreCheckedAndDuplicatesRefused() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    for (String bad : List.of("A", "Alice", "al ice", "x", "a".repeat(41), "ali/ce", "")) {
      VigilException e = refused(() -> accounts.addUser(bad, Role.VIEWER, PASSWORD, "root"));
      assertThat(e.code()).as(bad).isEqualTo(ErrorCode.INVALID_INPUT);
      assertThat(e.fieldProblems()).as(bad).containsKey("name");
    }
    assertThat(refused(() -> accounts.addUser("alice", Role.VIEWER, PASSWORD, "root")).code())
        .isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void weakPasswordsAreRefusedNamingTheRule() {
    assertThat(weak("short pw 1")).contains("at least 12 characters");
    assertThat(weak("aaaaaaaaaaaaaaaa")).contains("at least 5 different characters");
    assertThat(weak("my name is carol!")).contains("must not contain the user name");
    assertThat(weak("x".repeat(600) + "abcdefg".repeat(100))).contains("at most 1024");
    assertThat(accounts.find("carol")).isEmpty();
  }

  private String weak(String password) {
    VigilException e = refused(() -> accounts.addUser("carol", Role.VIEWER, password, "root"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.fieldProblems()).containsKey("password");
    assertThat(e.getMessage()).doesNotContain(password);
    return e.fieldProblems().get("password");
  }

  @Test
  void rolesParseIgnoringCaseAndListTheValidOnes() {
    assertThat(Role.parse(" Reviewer ")).isEqualTo(Role.REVIEWER);
    VigilException e = refused(() -> Role.parse("boss"));
    assertThat(e.fieldProblems().get("role"))
        .contains("'boss'")
        .contains("admin, analyst, reviewer, viewer");
  }

  @Test
  void permissionsPerRole() {
    assertThat(Permission.values()).allMatch(Role.ADMIN::can);
    assertThat(Role.ANALYST.can(Permission.CAPTURE)).isTrue();
    assertThat(Role.ANALYST.can(Permission.EDIT)).isTrue();
    assertThat(Role.ANALYST.can(Permission.REVIEW)).isFalse();
    assertThat(Role.REVIEWER.can(Permission.REVIEW)).isTrue();
    assertThat(Role.REVIEWER.can(Permission.EDIT)).isFalse();
    assertThat(Role.REVIEWER.can(Permission.CAPTURE)).isFalse();
    assertThat(Role.VIEWER.can(Permission.READ)).isTrue();
    assertThat(Role.VIEWER.can(Permission.CAPTURE)).isFalse();
    assertThat(Role.ANALYST.can(Permission.ADMIN)).isFalse();
  }

  @Test
  void accountChangesAreAuditedWithTheActorAndWithoutSecrets() {
    accounts.addUser("root", Role.ADMIN, PASSWORD, "setup");
    User alice = accounts.addUser("alice", Role.VIEWER, PASSWORD, "root");
    accounts.setRole("alice", Role.ANALYST, "root");
    accounts.disable("alice", "root");
    accounts.enable("alice", "root");
    accounts.resetPassword("alice", "violet harbour compass 7", "root");
    IssuedToken t = accounts.issueApiToken("alice", "nightly import", "alice");
    accounts.revokeApiToken(t.id(), "root");

    List<AuditRecord> userEvents = audit.history(alice.id());
    assertThat(userEvents)
        .extracting(r -> r.event().action())
        .containsExactly(
            "user.add", "user.role", "user.disable", "user.enable", "user.password_reset");
    assertThat(userEvents).allMatch(r -> r.event().actor().equals("root"));
    assertThat(userEvents.get(1).event().before()).contains("\"role\":\"viewer\"");
    assertThat(userEvents.get(1).event().after()).contains("\"role\":\"analyst\"");
    assertThat(audit.history(t.id()))
        .extracting(r -> r.event().action() + " by " + r.event().actor())
        .containsExactly("token.issue by alice", "token.revoke by root");

    String hash = TestSql.column(db, "SELECT password_hash FROM users WHERE name = 'alice'").get(0);
    for (AuditRecord r : audit.recent(100)) {
      String all = r.event().before() + " " + r.event().after() + " " + r.event().reason();
      assertThat(all)
          .doesNotContain(PASSWORD)
          .doesNotContain("violet harbour")
          .doesNotContain(t.token())
          .doesNotContain(t.token().substring(6, 20))
          .doesNotContain(hash)
          .doesNotContain("argon2");
    }
    assertThat(audit.verify().passed()).isTrue();
  }

  @Test
  void signInsAreNotAuditEvents() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    long before = audit.head().seq();
    accounts.login("alice", PASSWORD, ADDRESS);
    refused(() -> accounts.login("alice", "wrong password here", ADDRESS));
    assertThat(audit.head().seq()).isEqualTo(before);
  }

  @Test
  void aHashMadeWithOlderParametersIsUpgradedAtSignIn() {
    accounts.addUser("alice", Role.ANALYST, PASSWORD, "root");
    AccountService stronger =
        new AccountService(
            db, audit, clock, SETTINGS.withHashing(new PasswordHasher.Params(128, 1, 1)));
    stronger.login("alice", PASSWORD, ADDRESS);
    assertThat(TestSql.column(db, "SELECT password_hash FROM users").get(0)).contains("m=128,t=1");
    assertThat(accounts.login("alice", PASSWORD, ADDRESS)).isNotNull();
  }

  private static VigilException refused(Runnable r) {
    try {
      r.run();
    } catch (VigilException e) {
      return e;
    }
    throw new AssertionError("expected a VigilException");
  }
}
