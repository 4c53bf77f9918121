package org.vigil.testimony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.SealedBlob;
import org.vigil.records.TestimonyStore;

/**
 * The plaintext layout inside sealed blobs, and the associated data that binds each blob to its
 * record, version and part. Everything here stays in memory.
 */
final class Codec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMAT = "vigil testimony v1";

  private Codec() {}

  /** Associated data of one part, e.g. {@code body} or {@code attachment:2} or {@code key}. */
  static byte[] aad(String id, int version, String part) {
    return (FORMAT + "\0" + id + "\0" + version + "\0" + part).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] body(String pseudonym, String account, Consent consent) {
    ObjectNode n = JSON.createObjectNode();
    n.put("pseudonym", pseudonym);
    n.put("account", account);
    ObjectNode c = n.putObject("consent");
    c.put("quote", consent.quoteAllowed());
    c.put("contact", consent.contactAllowed());
    c.put("channel", consent.contactChannel());
    ArrayNode share = c.putArray("shareWith");
    consent.shareWith().forEach(share::add);
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The sealed body's fields: pseudonym, account and consent. */
  record Body(String pseudonym, String account, Consent consent) {}

  static Body body(byte[] plain) {
    try {
      JsonNode n = JSON.readTree(plain);
      JsonNode c = n.path("consent");
      List<String> share = new ArrayList<>();
      c.path("shareWith").forEach(v -> share.add(v.asText()));
      JsonNode channel = c.path("channel");
      return new Body(
          n.path("pseudonym").asText(),
          n.path("account").asText(),
          new Consent(
              c.path("quote").asBoolean(),
              c.path("contact").asBoolean(),
              channel.isNull() || channel.isMissingNode() ? null : channel.asText(),
              share));
    } catch (IOException e) {
      // authenticated but unreadable: only a bug or a different format could do this
      throw new VigilException(ErrorCode.STORE_FAILURE, "sealed testimony has an unknown layout");
    }
  }

  /** An attachment as one blob: name length (4 bytes), UTF-8 name, content. */
  static byte[] attachment(Attachment a) {
    byte[] name = a.name().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + name.length + a.content().length)
        .putInt(name.length)
        .put(name)
        .put(a.content())
        .array();
  }

  static Attachment attachment(byte[] plain) {
    ByteBuffer b = ByteBuffer.wrap(plain);
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) {
      throw new VigilException(ErrorCode.STORE_FAILURE, "sealed attachment has an unknown layout");
    }
    String name = new String(plain, 4, n, StandardCharsets.UTF_8);
    byte[] content = new byte[plain.length - 4 - n];
    System.arraycopy(plain, 4 + n, content, 0, content.length);
    return new Attachment(name, content);
  }

  static TestimonyStore.Part part(SealedBlob b) {
    return new TestimonyStore.Part(b.nonce(), b.ciphertext());
  }

  static SealedBlob blob(TestimonyStore.Part p, String what) {
    try {
      return new SealedBlob(p.nonce(), p.sealed());
    } catch (IllegalArgumentException e) {
      throw new VigilException(ErrorCode.TAMPERED, what + " has a malformed nonce", e);
    }
  }

  /** Audit event states as JSON: never sealed content. */
  static String auditJson(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException("maps of plain values always serialise", e);
    }
  }
}
