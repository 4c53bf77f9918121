package org.vigil.testimony;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditLog;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.DataKey;
import org.vigil.crypto.Sealing;
import org.vigil.records.Database;
import org.vigil.records.EntityRecord;
import org.vigil.records.RecordStore;
import org.vigil.records.Stamp;
import org.vigil.records.TestimonyStore;

/**
 * Sealed testimony: intake, listing and audited reading.
 *
 * <p>Intake seals the pseudonym, account and consent (one blob) and each attachment with its name
 * (one blob each) under a fresh data key with AES-256-GCM, the associated data naming the record
 * id, version and part, and wraps the data key for every custodian's public key: no custodian has
 * to be present. Only an {@link UnlockedCustodian} reads, and every read is an audit event ({@code
 * testimony.read}: who, which record, with which custodian's key, never content).
 */
public final class TestimonyService {
  static final int VERSION = 1;

  private final Database db;
  private final TestimonyStore store;
  private final RecordStore records;
  private final KeyService keys;
  private final AuditLog audit;
  private final Clock clock;

  public TestimonyService(
      Database db,
      TestimonyStore store,
      RecordStore records,
      KeyService keys,
      AuditLog audit,
      Clock clock) {
    this.db = Checks.notNull(db, "db");
    this.store = Checks.notNull(store, "store");
    this.records = Checks.notNull(records, "records");
    this.keys = Checks.notNull(keys, "keys");
    this.audit = Checks.notNull(audit, "audit");
    this.clock = Checks.notNull(clock, "clock");
  }

  /**
   * Seals and stores a testimony; returns what lists show of it. Linked incidents must exist as
   * incident records; they are not changed.
   *
   * @throws VigilException {@code invalid_input} for an unknown incident; {@code configuration}
   *     when no custodian exists yet ({@code vigil keys init})
   */
  public TestimonySummary intake(TestimonyDraft draft, String actor) {
    Checks.notNull(draft, "draft");
    Checks.notBlank(actor, "actor");
    for (String id : draft.incidentIds()) {
      EntityRecord r = records.find(id).orElse(null);
      if (r == null || !r.type().equals("incident")) {
        throw VigilException.invalid("incidents", "no incident record " + id);
      }
    }
    List<String> incidents = draft.incidentIds().stream().distinct().toList();
    String id = store.newTestimonyId();
    return db.inTransaction(
        () -> {
          // read the custodians inside the transaction: a rotation cannot slip in between
          List<TestimonyStore.Custodian> custodians = store.custodians();
          if (custodians.isEmpty()) {
            throw new VigilException(
                ErrorCode.CONFIGURATION,
                "no custodian holds testimony keys yet: run 'vigil keys init --custodian NAME'"
                    + " first");
          }
          TestimonyStore.Listed row =
              new TestimonyStore.Listed(
                  id,
                  VERSION,
                  new Stamp(actor, clock.instant()),
                  draft.attachments().size(),
                  incidents);
          try (DataKey dk = DataKey.random()) {
            TestimonyStore.Part body =
                sealAndZero(
                    dk,
                    Codec.body(draft.pseudonym(), draft.account(), draft.consent()),
                    Codec.aad(id, VERSION, "body"));
            List<TestimonyStore.Part> sealed = new ArrayList<>();
            for (int i = 0; i < draft.attachments().size(); i++) {
              sealed.add(
                  sealAndZero(
                      dk,
                      Codec.attachment(draft.attachments().get(i)),
                      Codec.aad(id, VERSION, "attachment:" + i)));
            }
            List<TestimonyStore.WrappedKey> wrapped = new ArrayList<>();
            for (TestimonyStore.Custodian c : custodians) {
              wrapped.add(KeyService.wrapFor(dk, row, c.name(), c.publicKey()));
            }
            store.insert(row, body, sealed, wrapped);
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("attachments", row.attachments());
          after.put("incidents", incidents);
          after.put("custodians", custodians.size());
          audit.append(
              new AuditEvent(actor, "testimony.add", id, null, Codec.auditJson(after), ""));
          return summary(row);
        });
  }

  /**
   * Every testimony, newest first, as non-sensitive metadata only (no pseudonym, no content, no
   * attachment names).
   *
   * @param actor who is asking (role checks are the caller's: the web's access rules)
   */
  public List<TestimonySummary> list(String actor) {
    Checks.notBlank(actor, "actor");
    return store.list().stream().map(TestimonyService::summary).toList();
  }

  /** The metadata of one testimony, or empty if there is none with that id. */
  public java.util.Optional<TestimonySummary> find(String id) {
    Checks.notNull(id, "id");
    return store.find(id).map(TestimonyService::summary);
  }

  /**
   * Unseals one testimony with {@code custodian}'s key and records a {@code testimony.read} audit
   * event before returning it. Nothing is returned unless every part opens.
   *
   * @throws VigilException {@code not_found}; {@code keys_locked} if the custodian is closed,
   *     removed, rotated since unlocking or holds no key for this record; {@code tampered} if any
   *     sealed part or the wrapped key fails its authentication check
   */
  public Testimony read(String id, UnlockedCustodian custodian, String actor) {
    Checks.notBlank(id, "id");
    Checks.notBlank(actor, "actor");
    keys.current(custodian);
    TestimonyStore.Listed row =
        store.find(id).orElseThrow(() -> VigilException.notFound("testimony " + id));
    TestimonyStore.WrappedKey k =
        store
            .key(id, custodian.name())
            .orElseThrow(
                () ->
                    new VigilException(
                        ErrorCode.KEYS_LOCKED,
                        "custodian "
                            + custodian.name()
                            + " holds no key for "
                            + id
                            + " (ask a custodian who does to re-add it)"));
    TestimonyStore.Part bodyPart =
        store.body(id).orElseThrow(() -> VigilException.notFound("testimony " + id));
    List<TestimonyStore.Part> parts = store.attachments(id);
    if (parts.size() != row.attachments()) {
      throw new VigilException(
          ErrorCode.TAMPERED,
          id + " lists " + row.attachments() + " attachments but " + parts.size() + " are stored");
    }
    Testimony t;
    try (DataKey dk = KeyService.unwrap(custodian.key(), k, row)) {
      byte[] plainBody =
          Sealing.open(
              dk,
              Codec.blob(bodyPart, id),
              Codec.aad(id, row.version(), "body"),
              "the sealed body of " + id);
      Codec.Body body;
      try {
        body = Codec.body(plainBody);
      } finally {
        Arrays.fill(plainBody, (byte) 0);
      }
      List<Attachment> attachments = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        String what = "attachment " + (i + 1) + " of " + id;
        byte[] plain =
            Sealing.open(
                dk,
                Codec.blob(parts.get(i), what),
                Codec.aad(id, row.version(), "attachment:" + i),
                what);
        try {
          attachments.add(Codec.attachment(plain));
        } finally {
          Arrays.fill(plain, (byte) 0);
        }
      }
      t =
          new Testimony(
              id,
              row.created().at(),
              row.created().actor(),
              body.pseudonym(),
              body.account(),
              attachments,
              body.consent(),
              row.incidents());
    }
    audit.append(
        new AuditEvent(
            actor,
            "testimony.read",
            id,
            null,
            Codec.auditJson(Map.of("custodian", custodian.name())),
            ""));
    return t;
  }

  /** Seals {@code plain} and zeroes it: the sealed blob is the only copy this method leaves. */
  private static TestimonyStore.Part sealAndZero(DataKey dk, byte[] plain, byte[] aad) {
    try {
      return Codec.part(Sealing.seal(dk, plain, aad));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static TestimonySummary summary(TestimonyStore.Listed row) {
    return new TestimonySummary(row.id(), row.created().at(), row.attachments(), row.incidents());
  }
}
