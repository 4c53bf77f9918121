package org.vigil.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.core.VigilException;
import org.vigil.testimony.Attachment;
import org.vigil.testimony.Consent;
import org.vigil.testimony.Testimony;
import org.vigil.testimony.TestimonyDraft;
import org.vigil.testimony.TestimonySummary;
import org.vigil.testimony.UnlockedCustodian;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil testimony}: sealed witness testimony. Intake needs no custodian; reading does, and
 * is an audit event. Plaintext goes to standard output on {@code show} and nowhere else: no
 * temporary files, no logs.
 */
@Command(
    name = "testimony",
    description = "Sealed witness testimony: add (no custodian needed), list, show (audited).",
    subcommands = {
      TestimonyCommand.Add.class,
      TestimonyCommand.ListAll.class,
      TestimonyCommand.Show.class
    })
final class TestimonyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  record SummaryView(String id, String created, int attachments, List<String> incidents) {
    static SummaryView of(TestimonySummary s) {
      return new SummaryView(s.id(), s.created().toString(), s.attachments(), s.incidentIds());
    }
  }

  @Command(
      name = "add",
      description = {
        "Seal a testimony for every custodian. The account comes from a file you name or from"
            + " standard input; Vigil writes it nowhere in plaintext.",
        "Options on the command line (pseudonym, channel, partners) can end up in shell history:"
            + " use pseudonyms, never real names."
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--pseudonym", required = true, paramLabel = "P")
    String pseudonym;

    static final class AccountSource {
      @Option(names = "--account-file", paramLabel = "F", description = "UTF-8 text file.")
      @Nullable Path file;

      @Option(names = "--account-stdin", description = "Read the account from standard input.")
      boolean stdin;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    AccountSource account;

    @Option(names = "--attach", paramLabel = "FILE", description = "Attach a file (repeatable).")
    List<Path> attach = new ArrayList<>();

    @Option(names = "--quote-allowed", description = "The witness allows quoting the account.")
    boolean quoteAllowed;

    @Option(names = "--contact-allowed", description = "The witness may be contacted again.")
    boolean contactAllowed;

    @Option(
        names = "--channel",
        paramLabel = "C",
        description = "How to contact (with --contact-allowed).")
    @Nullable String channel;

    @Option(
        names = "--share-with",
        paramLabel = "PARTNER",
        description = "A partner it may be shared with (repeatable).")
    List<String> shareWith = new ArrayList<>();

    @Option(
        names = "--incident",
        paramLabel = "RECORD_ID",
        description = "An incident it speaks to (repeatable).")
    List<String> incidents = new ArrayList<>();

    @Option(names = "--as", required = true, paramLabel = "NAME", description = "Who takes it in.")
    String as;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      byte[] raw = account.file != null ? readFile(account.file, "account-file") : readStdin();
      String text;
      try {
        text = utf8(raw);
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
      List<Attachment> attachments = new ArrayList<>();
      for (Path p : attach) {
        Path name = p.getFileName();
        attachments.add(new Attachment(name == null ? "" : name.toString(), readFile(p, "attach")));
      }
      TestimonyDraft draft =
          new TestimonyDraft(
              pseudonym,
              text,
              attachments,
              new Consent(quoteAllowed, contactAllowed, channel, shareWith),
              incidents);
      try (Vigil vigil = common.open()) {
        TestimonySummary s = vigil.testimony().intake(draft, as);
        if (common.json) {
          Json.line(out, SummaryView.of(s));
        } else {
          out.printf("sealed %s (%d attachments)%n", s.id(), s.attachments());
          out.flush();
        }
        return 0;
      }
    }

    private static byte[] readStdin() {
      try {
        return System.in.readAllBytes();
      } catch (IOException e) {
        throw VigilException.invalid(
            "account-stdin", "cannot read standard input: " + e.getMessage());
      }
    }

    private static byte[] readFile(Path p, String option) {
      try {
        return Files.readAllBytes(p);
      } catch (IOException e) {
        // the path is the user's own; the content is never in the message
        throw VigilException.invalid(
            option,
            "cannot read the file given to --" + option + ": " + e.getClass().getSimpleName());
      }
    }

    private static String utf8(byte[] raw) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(raw))
            .toString();
      } catch (CharacterCodingException e) {
        throw VigilException.invalid("account", "the account is not UTF-8 text");
      }
    }
  }

  @Command(
      name = "list",
      description = "Testimony ids with time, number of attachments and linked incidents only.")
  static final class ListAll implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--as", required = true, paramLabel = "NAME", description = "Who asks.")
    String as;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        for (TestimonySummary s : vigil.testimony().list(as)) {
          if (common.json) {
            Json.line(out, SummaryView.of(s));
          } else {
            out.printf(
                "%s  %s  %d attachments  %s%n",
                s.id(),
                s.created(),
                s.attachments(),
                s.incidentIds().isEmpty() ? "-" : String.join(", ", s.incidentIds()));
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "show",
      description = {
        "Unseal one testimony to standard output with a custodian's key (an audited read).",
        "--attachment N writes only the bytes of attachment N (from 1), for redirecting."
      })
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin KeysCommand.PassphraseOption passphrase;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--custodian", required = true, paramLabel = "NAME")
    String custodian;

    @Option(names = "--attachment", paramLabel = "N", description = "Write attachment N's bytes.")
    @Nullable Integer attachment;

    @Option(names = "--as", required = true, paramLabel = "NAME", description = "Who reads.")
    String as;

    record AttachmentView(String name, int size) {}

    record ConsentView(
        boolean quoteAllowed,
        boolean contactAllowed,
        @Nullable String channel,
        List<String> shareWith) {}

    record ShowView(
        String id,
        String created,
        String createdBy,
        String pseudonym,
        String account,
        ConsentView consent,
        List<String> incidents,
        List<AttachmentView> attachments) {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      char[] pass = passphrase.read("Passphrase of " + custodian, false);
      Testimony t;
      try (Vigil vigil = common.open();
          UnlockedCustodian u = vigil.keys().unlock(custodian, pass)) {
        if (attachment != null) {
          // check before reading so a bad number is not an audited read
          int n =
              vigil
                  .testimony()
                  .find(id)
                  .map(TestimonySummary::attachments)
                  .orElseThrow(() -> VigilException.notFound("testimony " + id));
          if (attachment < 1 || attachment > n) {
            throw VigilException.invalid(
                "attachment", id + " has " + n + " attachments; give 1 to " + n);
          }
        }
        t = vigil.testimony().read(id, u, as);
      } finally {
        Arrays.fill(pass, '\0');
      }
      if (attachment != null) {
        PrintStream raw = System.out;
        raw.write(
            t.attachments().get(attachment - 1).content(),
            0,
            t.attachments().get(attachment - 1).content().length);
        raw.flush();
        return 0;
      }
      Consent c = t.consent();
      if (common.json) {
        Json.line(
            out,
            new ShowView(
                t.id(),
                t.created().toString(),
                t.createdBy(),
                t.pseudonym(),
                t.account(),
                new ConsentView(
                    c.quoteAllowed(), c.contactAllowed(), c.contactChannel(), c.shareWith()),
                t.incidentIds(),
                t.attachments().stream()
                    .map(a -> new AttachmentView(a.name(), a.content().length))
                    .toList()));
        return 0;
      }
      out.printf("%s  taken in %s by %s%n", t.id(), t.created(), t.createdBy());
      out.printf("pseudonym: %s%n", t.pseudonym());
      out.printf(
          "consent: quote %s; contact %s; share with %s%n",
          c.quoteAllowed() ? "allowed" : "not allowed",
          c.contactAllowed() ? "allowed via " + c.contactChannel() : "not allowed",
          c.shareWith().isEmpty() ? "no one" : String.join(", ", c.shareWith()));
      out.printf(
          "incidents: %s%n", t.incidentIds().isEmpty() ? "-" : String.join(", ", t.incidentIds()));
      for (int i = 0; i < t.attachments().size(); i++) {
        Attachment a = t.attachments().get(i);
        out.printf("attachment %d: %s (%d bytes)%n", i + 1, a.name(), a.content().length);
      }
      out.println();
      out.println(t.account());
      out.flush();
      return 0;
    }
  }
}
