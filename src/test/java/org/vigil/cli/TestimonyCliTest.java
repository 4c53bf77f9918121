package org.vigil.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and sealed testimony from the command line, as a script would use them. */
class TestimonyCliTest {
  @TempDir Path data;
  @TempDir Path in;
  Path alicePass;
  Path bobPass;

  @BeforeEach
  void passphrases() throws Exception {
    alicePass = Files.writeString(in.resolve("alice.pass"), "alice's long passphrase\n");
    bobPass = Files.writeString(in.resolve("bob.pass"), "bob: 另一个口令\n");
  }

  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(data.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  static CliRun withStdin(String stdin, java.util.function.Supplier<CliRun> r) {
    InputStream old = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(UTF_8)));
    try {
      return r.get();
    } finally {
      System.setIn(old);
    }
  }

  String addTestimony() throws Exception {
    Path account =
        Files.writeString(in.resolve("account.txt"), "He waited outside my door. 他在门外等着。");
    Path photo = Files.write(in.resolve("door.jpg"), new byte[] {1, 2, 3, 4, 5});
    CliRun add =
        run(
            "testimony",
            "add",
            "--pseudonym",
            "Swallow",
            "--account-file",
            account.toString(),
            "--attach",
            photo.toString(),
            "--quote-allowed",
            "--contact-allowed",
            "--channel",
            "via caseworker",
            "--share-with",
            "Partner One",
            "--as",
            "dana",
            "--json");
    assertThat(add.exit()).as(add.err()).isZero();
    return add.lines().get(0).get("id").asText();
  }

  @Test
  void intakeNeedsNoCustodianAndShowIsAnAuditedRead() throws Exception {
    CliRun none =
        withStdin(
            "",
            () -> run("testimony", "add", "--pseudonym", "X", "--account-stdin", "--as", "dana"));
    assertThat(none.exit()).isEqualTo(2); // stdin is empty: no account
    CliRun init =
        run("keys", "init", "--custodian", "alice", "--passphrase-file", alicePass.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out()).contains("custodian alice created").contains("never be read again");

    String id = addTestimony();
    JsonNode listed = run("testimony", "list", "--json", "--as", "dana").lines().get(0);
    assertThat(listed.get("id").asText()).isEqualTo(id);
    assertThat(listed.get("attachments").asInt()).isEqualTo(1);
    assertThat(listed.toString()).doesNotContain("Swallow").doesNotContain("door.jpg");

    CliRun show =
        run(
            "testimony",
            "show",
            id,
            "--custodian",
            "alice",
            "--passphrase-file",
            alicePass.toString(),
            "--as",
            "erin");
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out())
        .contains("pseudonym: Swallow")
        .contains("他在门外等着")
        .contains("contact allowed via via caseworker")
        .contains("share with Partner One")
        .contains("attachment 1: door.jpg (5 bytes)");

    JsonNode json =
        run(
                "testimony",
                "show",
                id,
                "--custodian",
                "alice",
                "--passphrase-file",
                alicePass.toString(),
                "--as",
                "erin",
                "--json")
            .lines()
            .get(0);
    assertThat(json.get("consent").get("quoteAllowed").asBoolean()).isTrue();
    assertThat(json.get("attachments").get(0).get("size").asInt()).isEqualTo(5);

    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true));
    CliRun attachment;
    try {
      attachment =
          run(
              "testimony",
              "show",
              id,
              "--custodian",
              "alice",
              "--passphrase-file",
              alicePass.toString(),
              "--as",
              "erin",
              "--attachment",
              "1");
    } finally {
      System.setOut(old);
    }
    assertThat(attachment.exit()).as(attachment.err()).isZero();
    assertThat(bytes.toByteArray()).containsExactly(1, 2, 3, 4, 5);
    assertThat(
            run(
                    "testimony",
                    "show",
                    id,
                    "--custodian",
                    "alice",
                    "--passphrase-file",
                    alicePass.toString(),
                    "--as",
                    "erin",
                    "--attachment",
                    "2")
                .exit())
        .isEqualTo(2);

    List<JsonNode> history = run("audit", "history", id, "--json").lines();
    assertThat(history)
        .extracting(h -> h.get("action").asText())
        .containsExactly("testimony.add", "testimony.read", "testimony.read", "testimony.read");
    assertThat(history.get(1).get("actor").asText()).isEqualTo("erin");
    assertThat(history.toString()).doesNotContain("Swallow").doesNotContain("门外");

    CliRun wrong =
        run(
            "testimony",
            "show",
            id,
            "--custodian",
            "alice",
            "--passphrase-file",
            bobPass.toString(),
            "--as",
            "erin");
    assertThat(wrong.exit()).isEqualTo(6);
    assertThat(wrong.err()).contains("wrong_passphrase").doesNotContain("Swallow");
    assertThat(run("audit", "history", id, "--json").lines()).hasSize(4);

    CliRun unlock =
        run("keys", "unlock", "--custodian", "alice", "--passphrase-file", alicePass.toString());
    assertThat(unlock.exit()).as(unlock.err()).isZero();
    assertThat(unlock.out()).contains("can read 1 of 1");
  }

  @Test
  void custodiansAreAddedRotatedAndRemovedButNotTheLastWithoutForce() throws Exception {
    assertThat(
            withStdin(
                    "alice's long passphrase\n", () -> run("keys", "init", "--custodian", "alice"))
                .exit())
        .isZero();
    String id = addTestimony();
    // the acting custodian's passphrase, then the new one, on standard input
    CliRun add =
        withStdin(
            "alice's long passphrase\nbob: 另一个口令\n",
            () -> run("keys", "add-custodian", "bob", "--by", "alice", "--json"));
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.lines().get(0).get("rewrapped").asInt()).isEqualTo(1);
    List<JsonNode> list = run("keys", "list", "--json").lines();
    assertThat(list).extracting(n -> n.get("name").asText()).containsExactly("alice", "bob");
    assertThat(list).extracting(n -> n.get("records").asLong()).containsExactly(1L, 1L);
    String bobKey = list.get(1).get("keyId").asText();

    CliRun rotate =
        run(
            "keys",
            "rotate",
            "--custodian",
            "bob",
            "--passphrase-file",
            bobPass.toString(),
            "--json");
    assertThat(rotate.exit()).as(rotate.err()).isZero();
    assertThat(rotate.lines().get(0).get("keyId").asText()).isNotEqualTo(bobKey);
    CliRun bobReads =
        run(
            "testimony",
            "show",
            id,
            "--custodian",
            "bob",
            "--passphrase-file",
            bobPass.toString(),
            "--as",
            "bob");
    assertThat(bobReads.out()).as(bobReads.err()).contains("pseudonym: Swallow");

    CliRun removeAlice =
        run(
            "keys",
            "remove-custodian",
            "alice",
            "--by",
            "bob",
            "--passphrase-file",
            bobPass.toString());
    assertThat(removeAlice.exit()).as(removeAlice.err()).isZero();
    assertThat(
            run(
                    "testimony",
                    "show",
                    id,
                    "--custodian",
                    "alice",
                    "--passphrase-file",
                    alicePass.toString(),
                    "--as",
                    "alice")
                .exit())
        .isEqualTo(3);

    CliRun last =
        run(
            "keys",
            "remove-custodian",
            "bob",
            "--by",
            "bob",
            "--passphrase-file",
            bobPass.toString());
    assertThat(last.exit()).isEqualTo(2);
    assertThat(last.err()).contains("last custodian").contains("--force");
    CliRun forced =
        run(
            "keys",
            "remove-custodian",
            "bob",
            "--by",
            "bob",
            "--passphrase-file",
            bobPass.toString(),
            "--force");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forced.out()).contains("now unreadable by anyone: " + id);
    assertThat(run("keys", "list", "--json").lines()).isEmpty();
    // with no custodian, intake is refused: nothing could ever read it
    CliRun refused =
        withStdin(
            "words",
            () -> run("testimony", "add", "--pseudonym", "Y", "--account-stdin", "--as", "dana"));
    assertThat(refused.exit()).isEqualTo(5);
    assertThat(refused.err()).contains("vigil keys init");
  }

  @Test
  void accountFromStandardInputAndBadInputGetsClearErrors() throws Exception {
    run("keys", "init", "--custodian", "alice", "--passphrase-file", alicePass.toString());
    CliRun add =
        withStdin(
            "我亲眼看见的。",
            () -> run("testimony", "add", "--pseudonym", "燕子", "--account-stdin", "--as", "dana"));
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).startsWith("sealed testimony:");
    CliRun noChannel =
        run(
            "testimony",
            "add",
            "--pseudonym",
            "Y",
            "--account-file",
            Files.writeString(in.resolve("a.txt"), "text").toString(),
            "--contact-allowed",
            "--as",
            "dana");
    assertThat(noChannel.exit()).isEqualTo(2);
    assertThat(noChannel.err()).contains("consent");
    CliRun badIncident =
        run(
            "testimony",
            "add",
            "--pseudonym",
            "Y",
            "--account-file",
            in.resolve("a.txt").toString(),
            "--incident",
            "incident:nosuch",
            "--as",
            "dana");
    assertThat(badIncident.exit()).isEqualTo(2);
    assertThat(badIncident.err()).contains("no incident record incident:nosuch");
    CliRun shortPass =
        run(
            "keys",
            "add-custodian",
            "bob",
            "--by",
            "alice",
            "--passphrase-file",
            alicePass.toString(),
            "--new-passphrase-file",
            Files.writeString(in.resolve("short"), "short").toString());
    assertThat(shortPass.exit()).isEqualTo(2);
    assertThat(shortPass.err()).contains("at least 8 characters");
    CliRun again =
        run("keys", "init", "--custodian", "bob", "--passphrase-file", bobPass.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("add-custodian");
  }
}
