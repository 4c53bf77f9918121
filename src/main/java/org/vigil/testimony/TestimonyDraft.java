package org.vigil.testimony;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.Checks;
import org.vigil.core.VigilException;

/**
 * A testimony as given at intake. Checked in full: every problem is reported at once, by field
 * ({@code pseudonym}, {@code account}, {@code attachments}, {@code consent}, {@code incidents}), so
 * a form can show each next to its field.
 *
 * @param pseudonym what the witness is called in the record (sealed); never a real name
 * @param account the witness's words (sealed)
 * @param attachments files, in order (names and bytes sealed); empty for none
 * @param incidentIds ids of incident records the testimony speaks to; empty for none
 */
public record TestimonyDraft(
    String pseudonym,
    String account,
    List<Attachment> attachments,
    Consent consent,
    List<String> incidentIds) {
  public static final int MAX_PSEUDONYM = 200;
  public static final int MAX_ACCOUNT = 1_000_000;
  public static final int MAX_ATTACHMENTS = 100;

  public TestimonyDraft {
    Checks.notNull(pseudonym, "pseudonym");
    Checks.notNull(account, "account");
    Checks.notNull(consent, "consent");
    attachments = List.copyOf(attachments);
    incidentIds = List.copyOf(incidentIds);
    Map<String, String> problems = new LinkedHashMap<>();
    if (pseudonym.isBlank()) {
      problems.put("pseudonym", "a pseudonym is required (never the witness's real name)");
    } else if (pseudonym.length() > MAX_PSEUDONYM) {
      problems.put("pseudonym", "at most " + MAX_PSEUDONYM + " characters");
    }
    if (account.isBlank()) {
      problems.put("account", "the account is empty");
    } else if (account.length() > MAX_ACCOUNT) {
      problems.put("account", "at most " + MAX_ACCOUNT + " characters");
    }
    if (attachments.size() > MAX_ATTACHMENTS) {
      problems.put("attachments", "at most " + MAX_ATTACHMENTS + " attachments");
    } else {
      for (int i = 0; i < attachments.size(); i++) {
        String p = attachments.get(i).problem();
        if (p != null) {
          problems.put("attachments", "attachment " + (i + 1) + ": " + p);
          break;
        }
      }
    }
    if (consent.contactAllowed() && consent.contactChannel() == null) {
      problems.put("consent", "contact is allowed, so say through which channel");
    } else if (!consent.contactAllowed() && consent.contactChannel() != null) {
      problems.put("consent", "a contact channel was given but contact is not allowed");
    } else if (consent.shareWith().stream().anyMatch(String::isBlank)) {
      problems.put("consent", "partner names must not be blank");
    }
    for (String id : incidentIds) {
      if (id == null || !id.startsWith("incident:")) {
        problems.put("incidents", "not an incident record id: " + id);
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw VigilException.invalid(
          "the testimony is incomplete or invalid: " + String.join(", ", problems.keySet()),
          problems);
    }
  }
}
