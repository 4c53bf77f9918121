package org.vigil.web.sources;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.ingest.ItemResult;

/**
 * One capture request's progress: an item per file or URL, pending until the ingest reports it.
 * Written by the capture thread, read by status requests: every method is synchronized.
 */
final class CaptureJob {
  private final String id;
  private final String owner;
  private final List<Item> items = new ArrayList<>();
  private boolean finished;

  CaptureJob(String id, String owner) {
    this.id = id;
    this.owner = owner;
  }

  String id() {
    return id;
  }

  String owner() {
    return owner;
  }

  private static final class Item {
    final String name;
    String status = "pending";
    @Nullable String error;
    @Nullable String code;
    @Nullable String sourceId;

    Item(String name) {
      this.name = name;
    }
  }

  synchronized void expect(String name) {
    items.add(new Item(name));
  }

  /** An item refused before ingest (e.g. a forbidden file name). */
  synchronized void refuse(String name, String code, String error) {
    Item i = new Item(name);
    i.status = "failed";
    i.code = code;
    i.error = error;
    items.add(i);
  }

  /** Fills the first pending item of that name; a WARC file's further records add items. */
  synchronized void record(ItemResult r) {
    Item target = null;
    for (Item i : items) {
      if (i.status.equals("pending") && i.name.equals(r.input())) {
        target = i;
        break;
      }
    }
    if (target == null) {
      target = new Item(r.url() == null ? r.input() : r.input() + " — " + r.url());
      items.add(target);
    }
    target.status = r.status().label();
    target.sourceId = r.sourceId();
    if (r.error() != null) {
      target.code = r.error().code().code();
      target.error = r.error().message();
    }
  }

  /** Ends the job: items the ingest never reported fail with {@code reason}. */
  synchronized void finish(String code, String reason) {
    for (Item i : items) {
      if (i.status.equals("pending")) {
        i.status = "failed";
        i.code = code;
        i.error = reason;
      }
    }
    finished = true;
  }

  synchronized CaptureJobView view() {
    List<CaptureJobView.Item> out = new ArrayList<>();
    int done = 0;
    for (Item i : items) {
      if (!i.status.equals("pending")) {
        done++;
      }
      out.add(new CaptureJobView.Item(i.name, i.status, i.error, i.code, i.sourceId));
    }
    return new CaptureJobView(id, finished, done, items.size(), out);
  }
}
