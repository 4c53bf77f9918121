package org.vigil.testimony;

import org.vigil.core.Checks;

/**
 * A file given with a testimony: its name and bytes, both sealed. The array is copied in; callers
 * must not change the array they read back.
 */
public record Attachment(String name, byte[] content) {
  /** The largest attachment accepted: 64 MiB. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  public Attachment {
    Checks.notNull(name, "name");
    Checks.notNull(content, "content");
    content = content.clone();
  }

  /** What is wrong with this attachment, or null. */
  String problem() {
    if (name.isBlank()) {
      return "an attachment needs a name";
    }
    if (name.length() > 255) {
      return "attachment names are at most 255 characters";
    }
    if (name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      return "attachment names must not contain control characters";
    }
    if (content.length > MAX_BYTES) {
      return "attachments are at most 64 MiB each";
    }
    return null;
  }
}
