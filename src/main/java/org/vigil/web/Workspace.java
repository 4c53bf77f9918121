package org.vigil.web;

import org.vigil.accounts.AccountService;
import org.vigil.archive.Archive;
import org.vigil.audit.AuditLog;
import org.vigil.export.Snapshot;
import org.vigil.ingest.IngestService;
import org.vigil.records.ClaimStore;
import org.vigil.records.ProposalStore;
import org.vigil.records.RecordStore;
import org.vigil.records.SourceStore;
import org.vigil.review.ReviewService;
import org.vigil.search.SourceIndex;
import org.vigil.testimony.KeyService;
import org.vigil.testimony.TestimonyService;

/**
 * The services one data folder offers the web layer. The app's composition root implements it, so
 * the server is built from its dependencies and tests can open as many workspaces as they like.
 */
public interface Workspace {
  AccountService accounts();

  SourceStore sources();

  Archive archive();

  SourceIndex index();

  IngestService ingest();

  ReviewService review();

  RecordStore records();

  ClaimStore claims();

  ProposalStore proposals();

  AuditLog auditLog();

  /** Custodians and their sealed keys (unlocking one for reading testimony). */
  KeyService keys();

  /** Sealed testimony: intake, metadata lists and audited reads. */
  TestimonyService testimony();

  /** The record as it stands, for statistics, maps and exports. */
  Snapshot snapshot();
}
