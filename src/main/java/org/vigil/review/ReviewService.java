package org.vigil.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.vigil.audit.AuditEvent;
import org.vigil.core.Checks;
import org.vigil.core.Text;
import org.vigil.core.VigilException;
import org.vigil.records.Claim;
import org.vigil.records.ClaimObject;
import org.vigil.records.ClaimSpan;
import org.vigil.records.ClaimStore;
import org.vigil.records.Database;
import org.vigil.records.EntityRecord;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.records.ProposalStore;
import org.vigil.records.RecordStore;
import org.vigil.records.Stamp;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.PropertySpec;
import org.vigil.schema.PropertyType;
import org.vigil.schema.Proposal;
import org.vigil.schema.RecordType;
import org.vigil.schema.Schema;
import org.vigil.schema.SourceSpan;

/**
 * Turns extraction proposals into records and claims, and keeps claims' verification status.
 *
 * <p>Every mutating call runs in one transaction with its audit events: the change and its events
 * commit together or not at all. Every call that decides on something a reviewer read takes the
 * version they read; if another reviewer changed it since, the call fails with {@code conflict} and
 * a message naming the change and who made it.
 */
public final class ReviewService {
  /** Free claims (no subject) use these predicates. */
  static final String FREE_QUANTITY = "quantity";

  static final String FREE_DATE = "date";
  static final String FREE_ATTRIBUTION = "attribution";

  private final Database db;
  private final RecordStore records;
  private final ClaimStore claims;
  private final ProposalStore proposals;
  private final AuditSink audit;
  private final Clock clock;
  private final Function<String, String> clusterOfSource;
  private final Schema schema = Schema.standard();

  /**
   * @param clusterOfSource the duplicate cluster a source belongs to (its own id when it has no
   *     duplicates); syndicated copies in one cluster count as one origin
   */
  public ReviewService(
      Database db,
      RecordStore records,
      ClaimStore claims,
      ProposalStore proposals,
      AuditSink audit,
      Clock clock,
      Function<String, String> clusterOfSource) {
    this.db = Checks.notNull(db, "db");
    this.records = Checks.notNull(records, "records");
    this.claims = Checks.notNull(claims, "claims");
    this.proposals = Checks.notNull(proposals, "proposals");
    this.audit = Checks.notNull(audit, "audit");
    this.clock = Checks.notNull(clock, "clock");
    this.clusterOfSource = Checks.notNull(clusterOfSource, "clusterOfSource");
  }

  // ---- proposals -----------------------------------------------------------------------------

  /**
   * Stores what extraction proposed for one source. Re-running it replaces the open proposals and
   * keeps decided ones; a proposal equal to one already decided is not opened again.
   *
   * @return the source's open proposals
   */
  public List<ProposalRecord> saveProposals(String sourceId, List<Proposal> found) {
    Checks.notBlank(sourceId, "sourceId");
    return db.inTransaction(
        () -> {
          List<ProposalRecord> open = proposals.replaceOpen(sourceId, found, clock.instant());
          audit.record(
              new AuditEvent(
                  "extraction",
                  "proposal.save",
                  "source:" + sourceId,
                  null,
                  AuditJson.of(Map.of("open", open.size(), "extracted", found.size())),
                  ""));
          return open;
        });
  }

  public List<ProposalRecord> list(ProposalFilter filter) {
    return proposals.list(filter);
  }

  /**
   * Existing records a STATION, ORGANIZATION or PLACE proposal matches: accepting it adds to the
   * match rather than creating a duplicate. Empty for other kinds and when nothing matches.
   */
  public List<EntityRecord> suggest(String proposalId) {
    Proposal p = proposals.require(proposalId).proposal();
    return switch (p.kind()) {
      case STATION ->
          findPlace(placeKey("city", p.first("city"), p.first("country")))
              .map(
                  place ->
                      stationCandidates(
                          place.id(),
                          p.first("agency").isBlank()
                              ? null
                              : records
                                  .findByKey("organization", orgKey(p.first("agency"), "CN"))
                                  .map(EntityRecord::id)
                                  .orElse("(new)")))
              .orElse(List.of());
      case ORGANIZATION ->
          records.findByKey("organization", orgKey(p.first("name"), p.first("country"))).stream()
              .toList();
      case PLACE -> findPlace(placeKeyOf(p)).stream().toList();
      default -> List.of();
    };
  }

  /**
   * Accepts a proposal as extracted; see {@link #accept(String, int, String, String,
   * AcceptOptions)}.
   */
  public AcceptResult accept(
      String proposalId, int expectedVersion, String reviewer, String reason) {
    return accept(proposalId, expectedVersion, reviewer, reason, AcceptOptions.none());
  }

  /**
   * Accepts a proposal: makes or reuses its records and claims, each new claim {@code alleged} and
   * citing the proposal's span.
   *
   * <ul>
   *   <li>STATION: a station in the city (a place, reused by name and country) run by the agency
   *       and hosted by the host organisation; an existing station in the same city with the same
   *       agency (or with none known) is reused
   *   <li>ORGANIZATION: an organisation (reused by name and country) with its kind
   *   <li>PLACE: a place (reused by name and country)
   *   <li>INCIDENT: a new incident with its tactic, target, place and date
   *   <li>QUANTITY, DATE: a claim about {@link AcceptOptions#subjectId()}, or a free claim
   *   <li>ATTRIBUTION: a free claim recording the chain
   * </ul>
   *
   * @throws VigilException {@code conflict} when the proposal changed since {@code expectedVersion}
   *     (e.g. another reviewer decided it); {@code invalid_input} when a field is unusable or
   *     several stations match (the message lists them: pass one as subjectId)
   */
  public AcceptResult accept(
      String proposalId,
      int expectedVersion,
      String reviewer,
      String reason,
      AcceptOptions options) {
    return decide(proposalId, expectedVersion, reviewer, reason, Map.of(), options);
  }

  /**
   * Changes some fields of a proposal, then accepts it. The extracted fields are kept beside the
   * edited ones; the proposal ends as {@code edited}.
   */
  public AcceptResult edit(
      String proposalId,
      int expectedVersion,
      String reviewer,
      Map<String, List<String>> changedFields,
      String reason,
      AcceptOptions options) {
    Checks.check(!changedFields.isEmpty(), "changedFields must not be empty; use accept");
    return decide(proposalId, expectedVersion, reviewer, reason, changedFields, options);
  }

  /** Rejects a proposal; no record or claim is made. */
  public ProposalRecord reject(
      String proposalId, int expectedVersion, String reviewer, String reason) {
    Checks.notBlank(reviewer, "reviewer");
    return db.inTransaction(
        () -> {
          ProposalRecord before = open(proposalId, expectedVersion);
          ProposalRecord after =
              proposals.decide(
                  proposalId,
                  expectedVersion,
                  ProposalStatus.REJECTED,
                  before.proposal().fields(),
                  stamp(reviewer),
                  reason,
                  List.of());
          audit.record(
              new AuditEvent(
                  reviewer,
                  "proposal.reject",
                  proposalId,
                  AuditJson.of(before),
                  AuditJson.of(after),
                  reason));
          return after;
        });
  }

  private AcceptResult decide(
      String proposalId,
      int expectedVersion,
      String reviewer,
      String reason,
      Map<String, List<String>> changedFields,
      AcceptOptions options) {
    Checks.notBlank(reviewer, "reviewer");
    Checks.notNull(options, "options");
    return db.inTransaction(
        () -> {
          ProposalRecord before = open(proposalId, expectedVersion);
          Map<String, List<String>> fields = new LinkedHashMap<>(before.proposal().fields());
          fields.putAll(changedFields);
          Proposal p =
              new Proposal(
                  before.proposal().kind(),
                  before.proposal().span(),
                  fields,
                  before.proposal().confidence());
          Acceptance a = new Acceptance(p, proposalId, stamp(reviewer), options.attribution());
          String recordId =
              switch (p.kind()) {
                case STATION -> acceptStation(a, options);
                case ORGANIZATION -> acceptOrganization(a, options);
                case PLACE -> acceptPlace(a, options);
                case INCIDENT -> acceptIncident(a, options);
                case QUANTITY ->
                    acceptValue(a, options, "count", new ClaimObject.Amount(Values.quantity(p)));
                case DATE ->
                    acceptValue(
                        a,
                        options,
                        "date",
                        new ClaimObject.Date(Values.date("date", p.first("date"))));
                case ATTRIBUTION -> acceptAttribution(a);
              };
          List<String> results = new ArrayList<>(a.created);
          results.addAll(a.claimIds);
          ProposalRecord after =
              proposals.decide(
                  proposalId,
                  expectedVersion,
                  changedFields.isEmpty() ? ProposalStatus.ACCEPTED : ProposalStatus.EDITED,
                  fields,
                  a.by,
                  reason,
                  results);
          audit.record(
              new AuditEvent(
                  reviewer,
                  changedFields.isEmpty() ? "proposal.accept" : "proposal.edit",
                  proposalId,
                  AuditJson.of(before),
                  AuditJson.of(after),
                  reason));
          return new AcceptResult(after, recordId, a.created, List.copyOf(a.claimIds));
        });
  }

  private ProposalRecord open(String proposalId, int expectedVersion) {
    ProposalRecord p = proposals.requireAt(proposalId, expectedVersion);
    if (p.status() != ProposalStatus.OPEN) {
      throw VigilException.invalid(
          "proposal",
          proposalId
              + " was already "
              + p.status().code()
              + (p.decided() == null ? "" : " by " + p.decided().actor()));
    }
    return p;
  }

  /** What one acceptance has done so far, and what every claim it makes cites. */
  private static final class Acceptance {
    final Proposal proposal;
    final String proposalId;
    final Stamp by;
    final List<String> attribution;
    final List<String> created = new ArrayList<>();
    final LinkedHashSet<String> claimIds = new LinkedHashSet<>();

    Acceptance(Proposal proposal, String proposalId, Stamp by, List<String> attribution) {
      this.proposal = proposal;
      this.proposalId = proposalId;
      this.by = by;
      this.attribution = attribution;
    }

    String field(String name) {
      return Text.collapseSpaces(proposal.first(name));
    }
  }

  private String acceptStation(Acceptance a, AcceptOptions options) {
    String city = a.field("city");
    String country = a.field("country").toUpperCase(java.util.Locale.ROOT);
    String agency = a.field("agency");
    String host = a.field("host");
    if (city.isBlank() || country.isBlank()) {
      throw VigilException.invalid(
          "city", "a station needs its host city and country; edit the proposal to add them");
    }
    EntityRecord place = place(a, "city", city, country, "");
    EntityRecord operator =
        agency.isBlank() ? null : organization(a, agency, "", "CN", "public_security_bureau");
    EntityRecord station;
    if (options.subjectId() != null) {
      station = existing(options.subjectId(), "station");
    } else {
      List<EntityRecord> matches =
          options.newRecord()
              ? List.of()
              : stationCandidates(place.id(), operator == null ? null : operator.id());
      if (matches.size() > 1) {
        throw VigilException.invalid(
            "subjectId",
            matches.size()
                + " stations in "
                + city
                + " match: "
                + matches.stream()
                    .map(e -> e.id() + " (" + e.label() + ")")
                    .collect(Collectors.joining(", "))
                + "; accept again naming one, or as a new record");
      }
      station =
          matches.isEmpty()
              ? create(a, "station", city + (agency.isBlank() ? "" : " (" + agency + ")"), null)
              : matches.get(0);
    }
    claim(a, station.id(), "located_in", new ClaimObject.Ref(place.id()));
    claim(a, station.id(), "country", new ClaimObject.Code(country));
    if (operator != null) {
      claim(a, station.id(), "operated_by", new ClaimObject.Ref(operator.id()));
    }
    if (!host.isBlank()) {
      EntityRecord hostOrg = organization(a, host, "", country, "");
      claim(a, station.id(), "hosted_by", new ClaimObject.Ref(hostOrg.id()));
    }
    return station.id();
  }

  /**
   * Stations located in {@code placeId} that {@code operatorId} may run: with that operator, or
   * with none known. With no operator given, every station in the place.
   */
  private List<EntityRecord> stationCandidates(String placeId, @Nullable String operatorId) {
    List<EntityRecord> same = new ArrayList<>();
    List<EntityRecord> unknownOperator = new ArrayList<>();
    for (String id : claims.subjectsPointingAt("located_in", placeId)) {
      EntityRecord e = records.require(id);
      if (!e.type().equals("station") || records.mergedInto(id).isPresent()) {
        continue;
      }
      List<String> operators =
          claims.about(id, "operated_by").stream()
              .filter(c -> c.status() != ClaimStatus.RETRACTED)
              .map(c -> ((ClaimObject.Ref) c.object()).entityId())
              .toList();
      if (operatorId == null || operators.contains(operatorId)) {
        same.add(e);
      } else if (operators.isEmpty()) {
        unknownOperator.add(e);
      }
    }
    return same.isEmpty() ? unknownOperator : same;
  }

  private String acceptOrganization(Acceptance a, AcceptOptions options) {
    String name = a.field("name");
    if (name.isBlank()) {
      throw VigilException.invalid("name", "an organisation needs a name");
    }
    String kind = a.field("orgKind");
    if (options.subjectId() != null) {
      EntityRecord org = existing(options.subjectId(), "organization");
      orgClaims(a, org, name, a.field("nameZh"), a.field("country"), kind);
      return org.id();
    }
    return organizationCreatingWith(a, name, a.field("nameZh"), a.field("country"), kind, options)
        .id();
  }

  private EntityRecord organization(
      Acceptance a, String name, String nameZh, String country, String kind) {
    return organizationCreatingWith(a, name, nameZh, country, kind, AcceptOptions.none());
  }

  private EntityRecord organizationCreatingWith(
      Acceptance a,
      String name,
      String nameZh,
      String country,
      String kind,
      AcceptOptions options) {
    String key = orgKey(name, country);
    Optional<EntityRecord> found =
        options.newRecord() ? Optional.empty() : records.findByKey("organization", key);
    EntityRecord org = found.orElseGet(() -> create(a, "organization", name, key));
    orgClaims(a, org, name, nameZh, country, kind);
    return org;
  }

  private void orgClaims(
      Acceptance a, EntityRecord org, String name, String nameZh, String country, String kind) {
    claim(a, org.id(), "name", new ClaimObject.Text(name));
    if (!nameZh.isBlank()) {
      claim(a, org.id(), "name", new ClaimObject.Text(nameZh));
    }
    if (!kind.isBlank()) {
      schema.vocabulary("organization_kind").require(kind);
      claim(a, org.id(), "kind", new ClaimObject.Code(kind));
    }
    if (!country.isBlank()) {
      claim(
          a, org.id(), "country", new ClaimObject.Code(country.toUpperCase(java.util.Locale.ROOT)));
    }
  }

  private String acceptPlace(Acceptance a, AcceptOptions options) {
    Proposal p = a.proposal;
    String kind = a.field("placeKind").isBlank() ? "city" : a.field("placeKind");
    String name = a.field("city").isBlank() ? a.field("name") : a.field("city");
    String country = a.field("country").toUpperCase(java.util.Locale.ROOT);
    if (name.isBlank() && country.isBlank()) {
      throw VigilException.invalid("name", "a place needs a name or a country");
    }
    EntityRecord place =
        options.subjectId() != null
            ? existing(options.subjectId(), "place")
            : place(a, kind, name.isBlank() ? country : name, country, a.field("cityId"));
    if (!p.first("lat").isBlank() && !p.first("lon").isBlank()) {
      claim(a, place.id(), "geo", new ClaimObject.Text(p.first("lat") + "," + p.first("lon")));
    }
    return place.id();
  }

  /** The place with this name and country, created when there is none, with its base claims. */
  private EntityRecord place(
      Acceptance a, String kind, String name, String country, String gazetteerId) {
    schema.vocabulary("place_kind").require(kind);
    String key = placeKey(kind, name, country);
    EntityRecord place =
        findPlace(key)
            .orElseGet(
                () ->
                    create(
                        a,
                        "place",
                        kind.equals("country") || country.isBlank() ? name : name + ", " + country,
                        key));
    claim(a, place.id(), "name", new ClaimObject.Text(name));
    claim(a, place.id(), "kind", new ClaimObject.Code(kind));
    if (!country.isBlank()) {
      claim(a, place.id(), "country", new ClaimObject.Code(country));
    }
    if (!gazetteerId.isBlank()) {
      claim(a, place.id(), "gazetteer_id", new ClaimObject.Text(gazetteerId));
    }
    return place;
  }

  private Optional<EntityRecord> findPlace(String key) {
    return records.findByKey("place", key);
  }

  private static String placeKeyOf(Proposal p) {
    String kind = p.first("placeKind").isBlank() ? "city" : p.first("placeKind");
    String name = p.first("city").isBlank() ? p.first("name") : p.first("city");
    return placeKey(kind, name.isBlank() ? p.first("country") : name, p.first("country"));
  }

  // Places and organisations are found again by folded name and country: the gazetteer gives
  // one English name per city, so "Rotterdam|NL" from a station and from a place proposal meet.
  private static String placeKey(String kind, String name, String country) {
    return kind.equals("country")
        ? "country:" + country.toUpperCase(java.util.Locale.ROOT)
        : kind + ":" + Text.fold(name) + "|" + country.toUpperCase(java.util.Locale.ROOT);
  }

  private static String orgKey(String name, String country) {
    return "org:" + Text.fold(name) + "|" + country.toUpperCase(java.util.Locale.ROOT);
  }

  private String acceptIncident(Acceptance a, AcceptOptions options) {
    String tactic = a.field("tactic");
    if (tactic.isBlank()) {
      throw VigilException.invalid("tactic", "an incident needs a tactic");
    }
    schema.vocabulary("tactic").require(tactic);
    String placeName = a.field("place");
    String country = a.field("country").toUpperCase(java.util.Locale.ROOT);
    EntityRecord incident =
        options.subjectId() != null
            ? existing(options.subjectId(), "incident")
            : create(
                a,
                "incident",
                schema.vocabulary("tactic").label(tactic, "en")
                    + (placeName.isBlank() ? "" : " in " + placeName),
                null);
    claim(a, incident.id(), "tactic", new ClaimObject.Code(tactic));
    if (!a.field("target").isBlank()) {
      claim(a, incident.id(), "target", new ClaimObject.Text(a.field("target")));
    }
    if (!placeName.isBlank() || !country.isBlank()) {
      EntityRecord place =
          placeName.isBlank()
              ? place(a, "country", country, country, "")
              : place(a, "city", placeName, country, "");
      claim(a, incident.id(), "place", new ClaimObject.Ref(place.id()));
    }
    if (!a.field("date").isBlank()) {
      claim(a, incident.id(), "date", new ClaimObject.Date(Values.date("date", a.field("date"))));
    }
    return incident.id();
  }

  private @Nullable String acceptValue(
      Acceptance a, AcceptOptions options, String defaultPredicate, ClaimObject value) {
    if (options.subjectId() == null) {
      String free = value instanceof ClaimObject.Amount ? FREE_QUANTITY : FREE_DATE;
      freeClaim(a, free, value);
      return null;
    }
    EntityRecord subject = existing(options.subjectId(), null);
    String predicate = options.predicate() == null ? defaultPredicate : options.predicate();
    PropertySpec spec = schema.type(subject.type()).requirePredicate(predicate);
    PropertyType wanted =
        value instanceof ClaimObject.Amount ? PropertyType.QUANTITY : PropertyType.DATE;
    if (spec.type() != wanted) {
      throw VigilException.invalid(
          "predicate",
          subject.type()
              + "."
              + predicate
              + " holds a "
              + spec.type().code()
              + ", not a "
              + wanted.code());
    }
    claim(a, subject.id(), predicate, value);
    return subject.id();
  }

  private @Nullable String acceptAttribution(Acceptance a) {
    List<String> chain = a.proposal.fields().getOrDefault("chain", List.of());
    if (chain.isEmpty()) {
      throw VigilException.invalid("chain", "an attribution needs at least its origin");
    }
    String verb = a.field("verb");
    String text = String.join(" → ", chain) + (verb.isBlank() ? "" : " (" + verb + ")");
    // The chain is what the span itself says about who said it.
    Acceptance withChain = new Acceptance(a.proposal, a.proposalId, a.by, chain);
    freeClaim(withChain, FREE_ATTRIBUTION, new ClaimObject.Text(text));
    a.claimIds.addAll(withChain.claimIds);
    return null;
  }

  private EntityRecord existing(String id, @Nullable String type) {
    EntityRecord e = records.require(records.resolve(id));
    if (type != null && !e.type().equals(type)) {
      throw VigilException.invalid("subjectId", id + " is a " + e.type() + ", not a " + type);
    }
    return e;
  }

  private EntityRecord create(Acceptance a, String type, String label, @Nullable String key) {
    schema.type(type);
    EntityRecord e = records.create(type, label, key, ClaimStatus.ALLEGED, a.by);
    a.created.add(e.id());
    audit.record(
        new AuditEvent(
            a.by.actor(), "record.create", e.id(), null, AuditJson.of(e), "from " + a.proposalId));
    return e;
  }

  /**
   * Cites the proposal's span for "subject predicate object": on the equal claim if there is one,
   * otherwise on a new {@code alleged} claim.
   */
  private void claim(Acceptance a, String subjectId, String predicate, ClaimObject object) {
    EntityRecord subject = records.require(subjectId);
    RecordType type = schema.type(subject.type());
    type.requirePredicate(predicate);
    Optional<Claim> same = claims.findSame(subjectId, predicate, object);
    if (same.isPresent()) {
      cite(a, same.get());
    } else {
      Claim c = newClaim(a, subjectId, predicate, object);
      cite(a, c);
    }
  }

  private void freeClaim(Acceptance a, String predicate, ClaimObject object) {
    cite(a, newClaim(a, null, predicate, object));
  }

  private Claim newClaim(
      Acceptance a, @Nullable String subjectId, String predicate, ClaimObject object) {
    Claim c =
        claims.create(
            subjectId, predicate, object, ClaimStatus.ALLEGED, a.by, "from " + a.proposalId);
    audit.record(
        new AuditEvent(
            a.by.actor(), "claim.create", c.id(), null, AuditJson.of(c), "from " + a.proposalId));
    return c;
  }

  private void cite(Acceptance a, Claim c) {
    if (!a.claimIds.add(c.id())) {
      return; // one proposal cites its span once per claim
    }
    addSpanInTransaction(c.id(), a.proposal.span(), a.attribution, a.proposalId, a.by);
  }

  // ---- claims --------------------------------------------------------------------------------

  /**
   * Adds evidence to a claim: a span of another source, with who that source says said it. When the
   * claim reaches two independent origins it becomes {@code corroborated}.
   *
   * @param attributionChain origin first, each relaying party after; empty when the source speaks
   *     for itself
   */
  public ClaimSpan addSpan(
      String claimId, SourceSpan span, List<String> attributionChain, String reviewer) {
    Checks.notBlank(reviewer, "reviewer");
    return db.inTransaction(
        () -> {
          claims.require(claimId);
          return addSpanInTransaction(claimId, span, attributionChain, null, stamp(reviewer));
        });
  }

  /**
   * Adds evidence to a claim like {@link #addSpan(String, SourceSpan, List, String)}, after
   * checking that the span's quote is what the source's clean text says at [start, end).
   *
   * @param sourceText the clean text of the span's source, as the source store has it
   * @throws VigilException {@code invalid_input} on field {@code quote} when it does not match
   */
  public ClaimSpan addSpan(
      String claimId,
      SourceSpan span,
      List<String> attributionChain,
      String reviewer,
      String sourceText) {
    ClaimValues.checkQuote(span, sourceText);
    return addSpan(claimId, span, attributionChain, reviewer);
  }

  /**
   * Records what a reviewer read in a source: "subject predicate value", citing the selected span.
   * The predicate must be a property of the subject's record type and the value of that property's
   * type (see {@link #valueFor}); the quote must be the source's clean text at [start, end). An
   * equal standing claim gets the span as more evidence; otherwise a new {@code alleged} claim is
   * made. Both are audited.
   *
   * @param sourceText the clean text of the span's source, as the source store has it
   * @param attributionChain who the source says said it, origin first; empty when it speaks for
   *     itself
   * @throws VigilException {@code invalid_input} naming the field ({@code subjectId}, {@code
   *     predicate}, {@code value}, {@code quote}); {@code not_found} for an unknown subject
   */
  public Claim assertClaim(
      String subjectId,
      String predicate,
      ClaimObject value,
      SourceSpan span,
      String sourceText,
      List<String> attributionChain,
      String reviewer,
      String reason) {
    Checks.notBlank(reviewer, "reviewer");
    Checks.notNull(reason, "reason");
    ClaimValues.checkQuote(span, sourceText);
    return db.inTransaction(
        () -> {
          if (subjectId == null
              || subjectId.isBlank()
              || records.find(records.resolve(subjectId)).isEmpty()) {
            throw VigilException.invalid(
                "subjectId", "no record " + subjectId + "; choose one from the suggestions");
          }
          EntityRecord subject = existing(subjectId, null);
          if (schema.type(subject.type()).sealed()) {
            throw VigilException.invalid(
                "subjectId", subject.id() + " is sealed; it takes no claims from sources");
          }
          ClaimValues.check(schema, records, subject.type(), predicate, value);
          Stamp by = stamp(reviewer);
          Optional<Claim> same = claims.findSame(subject.id(), predicate, value);
          Claim c;
          if (same.isPresent()) {
            c = same.get();
          } else {
            c = claims.create(subject.id(), predicate, value, ClaimStatus.ALLEGED, by, reason);
            audit.record(
                new AuditEvent(reviewer, "claim.create", c.id(), null, AuditJson.of(c), reason));
          }
          addSpanInTransaction(c.id(), span, attributionChain, null, by);
          return claims.require(c.id());
        });
  }

  /**
   * Reads a value typed by a person (a form field) as the object of {@code subjectType.predicate}:
   * a record id for entity properties (of an allowed type; merged ids resolve to the survivor), a
   * vocabulary code or its English or Chinese label, an ISO 3166 alpha-2 country code, an ISO date,
   * month, year or start/end range, a quantity such as {@code at least 230000 person}, {@code
   * lat,lon} for coordinates, or text.
   *
   * @throws VigilException {@code invalid_input} on field {@code predicate} or {@code value}
   */
  public ClaimObject valueFor(String subjectType, String predicate, String raw) {
    return ClaimValues.parse(schema, records, subjectType, predicate, raw);
  }

  /** The statuses a reviewer may move a claim to from {@code status}; empty for retracted. */
  public java.util.Set<ClaimStatus> allowedSteps(ClaimStatus status) {
    return java.util.Collections.unmodifiableSet(
        java.util.EnumSet.copyOf(
            Transitions.from(status).isEmpty()
                ? java.util.EnumSet.noneOf(ClaimStatus.class)
                : Transitions.from(status)));
  }

  /**
   * Changes a record's label (its display name; values stay claims), audited as {@code
   * record.relabel}.
   *
   * @throws VigilException {@code conflict} when the record changed since {@code expectedVersion};
   *     {@code invalid_input} on field {@code label} when it is blank
   */
  public EntityRecord relabel(
      String recordId, int expectedVersion, String label, String reviewer, String reason) {
    Checks.notBlank(reviewer, "reviewer");
    String clean = Text.collapseSpaces(label == null ? "" : label);
    if (clean.isEmpty()) {
      throw VigilException.invalid("label", "a record needs a label");
    }
    if (clean.length() > 300) {
      throw VigilException.invalid("label", "a label has at most 300 characters");
    }
    return db.inTransaction(
        () -> {
          EntityRecord before = records.requireAt(recordId, expectedVersion);
          EntityRecord after = records.relabel(recordId, expectedVersion, clean, stamp(reviewer));
          audit.record(
              new AuditEvent(
                  reviewer,
                  "record.relabel",
                  recordId,
                  AuditJson.of(before),
                  AuditJson.of(after),
                  reason));
          return after;
        });
  }

  /**
   * Live records whose label contains {@code query} (folded; traditional and simplified Chinese
   * match each other), those starting with it first, then by label. Empty query: the first records
   * by label. Used to link records while reading instead of creating a second copy.
   *
   * @param type one record type, or null for every type
   */
  public List<EntityRecord> findRecords(String query, @Nullable String type, int limit) {
    Checks.positive(limit, "limit");
    List<String> types =
        type == null || type.isBlank()
            ? schema.types().stream().filter(t -> !t.sealed()).map(RecordType::name).toList()
            : List.of(schema.type(type).name());
    String q = ClaimValues.searchForm(query);
    java.util.Set<String> wanted = java.util.Set.copyOf(types);
    List<EntityRecord> prefix = new ArrayList<>();
    List<EntityRecord> inside = new ArrayList<>();
    for (Listed l : liveRecords()) {
      if (!wanted.contains(l.record().type())) {
        continue;
      }
      if (q.isEmpty() || l.search().startsWith(q)) {
        prefix.add(l.record());
        if (prefix.size() >= limit) {
          break; // the list is in label order: nothing later comes before these
        }
      } else if (inside.size() < limit
          && (l.search().contains(q) || Text.fold(l.record().id()).equals(q))) {
        inside.add(l.record());
      }
    }
    prefix.addAll(inside);
    return List.copyOf(prefix.subList(0, Math.min(limit, prefix.size())));
  }

  /** A live record with its label as searched ({@link ClaimValues#searchForm}) and as sorted. */
  private record Listed(EntityRecord record, String search, String sortKey) {}

  /** Every live record of an unsealed type, by folded label then id, as of {@code stamp}. */
  private record RecordIndex(long stamp, List<Listed> records) {}

  private volatile @Nullable RecordIndex recordIndex;

  /**
   * Every live record of an unsealed type with its folded label, by label: read and folded once per
   * change to the records ({@link RecordStore#changeStamp}), not per search. Lists, suggestions and
   * the forms' datalists search it on every page.
   */
  private List<Listed> liveRecords() {
    long stamp = records.changeStamp(); // before reading: a change in between only rebuilds again
    RecordIndex index = recordIndex;
    if (index != null && index.stamp() == stamp) {
      return index.records();
    }
    List<Listed> all = new ArrayList<>();
    for (RecordType t : schema.types()) {
      if (t.sealed()) {
        continue;
      }
      for (EntityRecord e : records.list(t.name())) {
        all.add(new Listed(e, ClaimValues.searchForm(e.label()), Text.fold(e.label())));
      }
    }
    all.sort(
        java.util.Comparator.comparing(Listed::sortKey)
            .thenComparing((Listed l) -> l.record().id()));
    List<Listed> sorted = List.copyOf(all);
    if (!db.inTransactionOnThisThread()) { // what a transaction read may still roll back
      recordIndex = new RecordIndex(stamp, sorted);
    }
    return sorted;
  }

  private ClaimSpan addSpanInTransaction(
      String claimId, SourceSpan span, List<String> chain, @Nullable String proposalId, Stamp by) {
    ClaimSpan added = claims.addSpan(claimId, span, chain, proposalId, by);
    audit.record(
        new AuditEvent(
            by.actor(),
            "claim.span",
            claimId,
            null,
            AuditJson.of(added),
            proposalId == null ? "" : "from " + proposalId));
    recount(claimId, by);
    return added;
  }

  /**
   * How many documents cite the claim and how many independent origins they come from.
   *
   * @throws VigilException {@code not_found}
   */
  public Support support(String claimId) {
    claims.require(claimId);
    return Origins.count(claims.spans(claimId), clusterOfSource);
  }

  /**
   * Re-counts a claim's origins and moves it between {@code alleged} and {@code corroborated} to
   * match; call after duplicate clusters change. Other statuses are reviewers' decisions and stay.
   */
  public Claim recount(String claimId, String actor) {
    return db.inTransaction(() -> recount(claimId, stamp(actor)));
  }

  private Claim recount(String claimId, Stamp by) {
    Claim c = claims.require(claimId);
    Support s = Origins.count(claims.spans(claimId), clusterOfSource);
    ClaimStatus to = null;
    if (c.status() == ClaimStatus.ALLEGED && s.origins() >= 2) {
      to = ClaimStatus.CORROBORATED;
    } else if (c.status() == ClaimStatus.CORROBORATED && s.origins() < 2) {
      to = ClaimStatus.ALLEGED;
    }
    if (to == null) {
      return c;
    }
    String reason = "automatic: " + s.describe();
    Claim after = claims.setStatus(claimId, c.version(), to, by, reason);
    audit.record(
        new AuditEvent(
            by.actor(), "claim.status", claimId, AuditJson.of(c), AuditJson.of(after), reason));
    return after;
  }

  /**
   * Moves a claim to {@code newStatus}: proposed → alleged → corroborated → confirmed; any →
   * disputed or retracted; disputed → alleged. Corroborated needs two independent origins;
   * confirmed needs a reason (the official document or court record that settles it).
   *
   * @throws VigilException {@code conflict} when the claim changed since {@code expectedVersion};
   *     {@code invalid_input} for a step not allowed, naming the steps that are
   */
  public Claim setStatus(
      String claimId, int expectedVersion, ClaimStatus newStatus, String reviewer, String reason) {
    Checks.notBlank(reviewer, "reviewer");
    Checks.notNull(newStatus, "newStatus");
    Checks.notNull(reason, "reason");
    return db.inTransaction(
        () -> {
          Claim before = claims.requireAt(claimId, expectedVersion);
          if (!Transitions.allowed(before.status(), newStatus)) {
            throw VigilException.invalid(
                "status",
                "a claim cannot go from "
                    + before.status().code()
                    + " to "
                    + newStatus.code()
                    + "; from "
                    + before.status().code()
                    + " it may go to: "
                    + (Transitions.from(before.status()).isEmpty()
                        ? "nothing (retracted is final)"
                        : Transitions.from(before.status()).stream()
                            .map(ClaimStatus::code)
                            .collect(Collectors.joining(", "))));
          }
          if (newStatus == ClaimStatus.CONFIRMED && reason.isBlank()) {
            throw VigilException.invalid(
                "reason",
                "confirming a claim needs a reason: the official document or court record that"
                    + " settles it");
          }
          if (newStatus == ClaimStatus.CORROBORATED) {
            Support s = support(claimId);
            if (s.origins() < 2) {
              throw VigilException.invalid(
                  "status",
                  "corroborated needs two independent origins; this claim has " + s.describe());
            }
          }
          Claim after =
              claims.setStatus(claimId, expectedVersion, newStatus, stamp(reviewer), reason);
          audit.record(
              new AuditEvent(
                  reviewer,
                  "claim.status",
                  claimId,
                  AuditJson.of(before),
                  AuditJson.of(after),
                  reason));
          if (newStatus == ClaimStatus.ALLEGED) {
            return recount(claimId, stamp(reviewer));
          }
          return after;
        });
  }

  // ---- records -------------------------------------------------------------------------------

  /**
   * The record as stored, with its status derived from its defining claims ({@link RecordStatus});
   * use this wherever a record's status is shown.
   */
  public EntityRecord withDerivedStatus(EntityRecord e) {
    return withStatus(e, claims.about(e.id()));
  }

  private EntityRecord withStatus(EntityRecord e, List<Claim> about) {
    ClaimStatus status = RecordStatus.derive(schema.type(e.type()), about, e.status());
    return status == e.status()
        ? e
        : new EntityRecord(
            e.id(),
            e.type(),
            e.label(),
            e.matchKey(),
            status,
            e.version(),
            e.created(),
            e.updated());
  }

  /**
   * {@link #withDerivedStatus(EntityRecord)} for many records, reading their claims in a few
   * queries rather than one per record (lists of records).
   */
  public List<EntityRecord> withDerivedStatus(List<EntityRecord> list) {
    Map<String, List<Claim>> about =
        claims.aboutEach(list.stream().map(EntityRecord::id).distinct().toList());
    List<EntityRecord> out = new ArrayList<>(list.size());
    for (EntityRecord e : list) {
      out.add(withStatus(e, about.getOrDefault(e.id(), List.of())));
    }
    return out;
  }

  /**
   * Merges a duplicate record into the survivor: every claim about or pointing at the duplicate
   * moves to the survivor with its spans and history; the duplicate stays, marked merged, so its id
   * still resolves.
   *
   * @throws VigilException {@code conflict} when either record changed since the version read;
   *     {@code invalid_input} when they are the same, of different types, or already merged
   */
  public void merge(
      String survivorId,
      int survivorVersion,
      String duplicateId,
      int duplicateVersion,
      String reviewer,
      String reason) {
    Checks.notBlank(reviewer, "reviewer");
    Checks.check(!survivorId.equals(duplicateId), "a record cannot be merged into itself");
    db.inTransaction(
        () -> {
          EntityRecord survivor = records.requireAt(survivorId, survivorVersion);
          EntityRecord duplicate = records.requireAt(duplicateId, duplicateVersion);
          if (!survivor.type().equals(duplicate.type())) {
            throw VigilException.invalid(
                "duplicateId",
                duplicateId
                    + " is a "
                    + duplicate.type()
                    + ", "
                    + survivorId
                    + " a "
                    + survivor.type());
          }
          for (String id : List.of(survivorId, duplicateId)) {
            Optional<String> into = records.mergedInto(id);
            if (into.isPresent()) {
              throw VigilException.invalid("merge", id + " was already merged into " + into.get());
            }
          }
          Stamp by = stamp(reviewer);
          records.markMerged(
              survivorId, survivorVersion, duplicateId, duplicateVersion, by, reason);
          LinkedHashSet<Claim> moving = new LinkedHashSet<>(claims.about(duplicateId));
          moving.addAll(claims.pointingAt(duplicateId));
          List<String> moved = new ArrayList<>();
          for (Claim c : moving) {
            claims.reassign(c.id(), c.version(), duplicateId, survivorId, by);
            moved.add(c.id());
          }
          List<String> combined = combineSame(survivorId, duplicateId, by);
          // One event per record, so each one's audit history shows the merge.
          String before = AuditJson.of(Map.of("record", duplicate, "survivor", survivor));
          String after =
              AuditJson.of(
                  Map.of(
                      "mergedInto", survivorId, "claimsMoved", moved, "claimsCombined", combined));
          for (String subject : List.of(duplicateId, survivorId)) {
            audit.record(new AuditEvent(reviewer, "record.merge", subject, before, after, reason));
          }
          return null;
        });
  }

  /**
   * After a merge, claims about or pointing at the survivor that say the same thing (same subject,
   * predicate and object or amount) become one: the oldest keeps its id and takes the others'
   * spans, attribution chains and status steps; its status is the stronger ({@link
   * Transitions#combined}); one {@code claim.combine} event names both ids. Retracted claims stay
   * apart.
   *
   * @return the ids folded into another claim
   */
  private List<String> combineSame(String survivorId, String duplicateId, Stamp by) {
    LinkedHashSet<Claim> affected = new LinkedHashSet<>(claims.about(survivorId));
    affected.addAll(claims.pointingAt(survivorId));
    Map<String, Claim> keepers = new LinkedHashMap<>();
    List<String> folded = new ArrayList<>();
    for (Claim c : affected) {
      if (c.status() == ClaimStatus.RETRACTED) {
        continue;
      }
      String key =
          c.subjectId()
              + "\u0000"
              + c.predicate()
              + "\u0000"
              + (c.object() instanceof ClaimObject.Ref r
                  ? "ref:" + r.entityId()
                  : AuditJson.of(c.object()));
      Claim keeper = keepers.get(key);
      if (keeper == null) {
        keepers.put(key, c);
        continue;
      }
      Claim absorbed = claims.require(c.id());
      keeper = claims.require(keeper.id());
      Map<String, Object> before = new LinkedHashMap<>();
      before.put("kept", keeper);
      before.put("keptSpans", claims.spans(keeper.id()).size());
      before.put("folded", absorbed);
      before.put("foldedSpans", claims.spans(absorbed.id()).size());
      String reason =
          "combined with " + absorbed.id() + ": merge of " + duplicateId + " into " + survivorId;
      Claim after = claims.combine(keeper.id(), absorbed.id(), by, reason);
      ClaimStatus status = Transitions.combined(keeper.status(), absorbed.status());
      if (status != after.status()) {
        after = claims.setStatus(after.id(), after.version(), status, by, reason);
      }
      after = recount(after.id(), by);
      audit.record(
          new AuditEvent(
              by.actor(),
              "claim.combine",
              keeper.id(),
              AuditJson.of(before),
              AuditJson.of(
                  Map.of(
                      "claim",
                      after,
                      "spans",
                      claims.spans(after.id()).size(),
                      "combined",
                      List.of(keeper.id(), absorbed.id()))),
              reason));
      keepers.put(key, after);
      folded.add(absorbed.id());
    }
    return folded;
  }

  private Stamp stamp(String actor) {
    return new Stamp(actor, clock.instant());
  }
}
