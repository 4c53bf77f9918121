package org.vigil.web.testimony;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the testimony pages show. Lists carry metadata only; {@link Page} exists only unlocked. */
public final class TestimonyViews {
  private TestimonyViews() {}

  /** An incident record offered for linking: its id and label, nothing else. */
  public record Incident(String id, String label) {}

  /** The intake form. */
  public record Form(List<Incident> incidents, long maxBytes) {}

  /** After intake: only the new id. */
  public record Sealed(String id) {}

  /** One row of the list: what is stored in the clear. */
  public record Row(String id, String created, int attachments, List<String> incidents) {}

  /**
   * The list, and what the signed-in user may do about reading.
   *
   * @param custodian whether the user is a custodian (custodian name equals user name)
   * @param unlocked whether their key is unlocked in this browser session
   */
  public record ListView(List<Row> rows, boolean custodian, boolean unlocked, boolean canCapture) {}

  /** One attachment of an unlocked testimony: name, size and download link. */
  public record AttachmentRow(String name, int size, String url) {}

  /** An unsealed testimony, rendered for a custodian whose key is unlocked. */
  public record Page(
      String id,
      String created,
      String createdBy,
      String pseudonym,
      String account,
      boolean quoteAllowed,
      boolean contactAllowed,
      @Nullable String contactChannel,
      List<String> shareWith,
      List<AttachmentRow> attachments,
      List<String> incidents) {}
}
