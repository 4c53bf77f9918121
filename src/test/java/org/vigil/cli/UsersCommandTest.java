package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.accounts.Session;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.audit.AuditRecord;

class UsersCommandTest {
  @TempDir Path data;

  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(data.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  CliRun withStdin(String input, String... args) {
    InputStream old = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(old);
    }
  }

  Session login(String name, String password) {
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      return vigil.accounts().login(name, password, "127.0.0.1");
    }
  }

  @Test
  void addWithGeneratedPasswordPrintsItOnceAndItSignsIn() {
    CliRun r = run("users", "add", "alice", "--role", "Analyst", "--as", "root");
    assertThat(r.exit()).as(r.err()).isZero();
    Matcher m = Pattern.compile("password: (\\S+)").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    assertThat(login("alice", m.group(1)).user().role()).isEqualTo(Role.ANALYST);
  }

  @Test
  void addWithPasswordFromStdinAndListAsJson() throws Exception {
    CliRun r =
        withStdin(
            "cobalt meadow tractor 9\n",
            "users",
            "add",
            "bob",
            "--role",
            "reviewer",
            "--password-stdin",
            "--as",
            "root",
            "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode added = r.lines().get(0);
    assertThat(added.get("name").asText()).isEqualTo("bob");
    assertThat(added.get("password").isNull()).isTrue();
    assertThat(r.out()).doesNotContain("cobalt meadow");
    assertThat(login("bob", "cobalt meadow tractor 9").user().name()).isEqualTo("bob");

    List<JsonNode> users = run("users", "list", "--json").lines();
    assertThat(users).hasSize(1);
    assertThat(users.get(0).get("role").asText()).isEqualTo("reviewer");
    assertThat(users.get(0).get("disabled").asBoolean()).isFalse();
    assertThat(users.get(0).get("id").asText()).startsWith("user:");
  }

  @Test
  void badInputGetsSpecificErrorsAndExitStatuses() {
    CliRun role = run("users", "add", "carol", "--role", "boss", "--as", "root");
    assertThat(role.exit()).isEqualTo(2);
    assertThat(role.err()).contains("valid roles: admin, analyst, reviewer, viewer");

    CliRun name = run("users", "add", "Carol!", "--role", "viewer", "--as", "root");
    assertThat(name.exit()).isEqualTo(2);
    assertThat(name.err()).contains("name:").contains("a-z");

    CliRun weak =
        withStdin(
            "short\n",
            "users",
            "add",
            "carol",
            "--role",
            "viewer",
            "--password-stdin",
            "--as",
            "root");
    assertThat(weak.exit()).isEqualTo(2);
    assertThat(weak.err()).contains("at least 12 characters").doesNotContain("short\n");

    assertThat(run("users", "add", "carol", "--role", "viewer", "--as", "root").exit()).isZero();
    CliRun dup = run("users", "add", "carol", "--role", "viewer", "--as", "root");
    assertThat(dup.exit()).isEqualTo(2);
    assertThat(dup.err()).contains("already exists").contains("[conflict]");

    CliRun missing = run("users", "disable", "nobody", "--as", "root");
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err()).contains("user 'nobody' not found");

    assertThat(run("users", "disable", "carol").exit()).as("--as is required").isEqualTo(2);
  }

  @Test
  void disableEnableResetAndRoleChangesAreAudited() throws Exception {
    run("users", "add", "root", "--role", "admin", "--as", "setup");
    withStdin(
        "cobalt meadow tractor 9\n",
        "users",
        "add",
        "dana",
        "--role",
        "viewer",
        "--password-stdin",
        "--as",
        "root");
    assertThat(run("users", "disable", "dana", "--as", "root").out()).contains("dana: disabled");
    assertThat(run("users", "list").out()).contains("disabled");
    assertThat(run("users", "enable", "dana", "--as", "root").exit()).isZero();
    assertThat(run("users", "set-role", "dana", "--role", "analyst", "--as", "root").exit())
        .isZero();
    CliRun reset =
        withStdin(
            "saffron glacier piano 5\n",
            "users",
            "reset-password",
            "dana",
            "--password-stdin",
            "--as",
            "root");
    assertThat(reset.exit()).as(reset.err()).isZero();
    assertThat(login("dana", "saffron glacier piano 5").user().role()).isEqualTo(Role.ANALYST);

    CliRun generated = run("users", "reset-password", "dana", "--as", "root", "--json");
    String pw = generated.lines().get(0).get("password").asText();
    assertThat(login("dana", pw).user().name()).isEqualTo("dana");

    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      String id = vigil.accounts().find("dana").orElseThrow().id();
      assertThat(vigil.auditLog().history(id))
          .extracting(AuditRecord::event)
          .extracting(e -> e.action() + " by " + e.actor())
          .containsExactly(
              "user.add by root",
              "user.disable by root",
              "user.enable by root",
              "user.role by root",
              "user.password_reset by root",
              "user.password_reset by root");
    }
  }

  @Test
  void tokenIsPrintedOnceListedWithoutTheSecretAndRevocable() throws Exception {
    run("users", "add", "erin", "--role", "analyst", "--as", "root");
    CliRun issued =
        run("users", "token", "erin", "--label", "nightly import", "--as", "root", "--json");
    assertThat(issued.exit()).as(issued.err()).isZero();
    JsonNode t = issued.lines().get(0);
    String token = t.get("token").asText();
    String id = t.get("id").asText();
    assertThat(t.get("label").asText()).isEqualTo("nightly import");
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      assertThat(vigil.accounts().userForApiToken(token)).isPresent();
    }

    CliRun listed = run("users", "tokens", "erin", "--json");
    assertThat(listed.out()).doesNotContain(token);
    JsonNode info = listed.lines().get(0);
    assertThat(info.get("id").asText()).isEqualTo(id);
    assertThat(info.get("user").asText()).isEqualTo("erin");
    assertThat(info.get("revoked").asBoolean()).isFalse();
    assertThat(run("users", "tokens").out()).contains(id).contains("nightly import");

    assertThat(run("users", "revoke-token", id, "--as", "root").exit()).isZero();
    assertThat(run("users", "tokens", "--json").lines().get(0).get("revoked").asBoolean()).isTrue();
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      assertThat(vigil.accounts().userForApiToken(token)).isEmpty();
    }
    assertThat(run("users", "revoke-token", "token:nosuchtokn", "--as", "root").exit())
        .isEqualTo(3);
  }
}
