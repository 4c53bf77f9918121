package org.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;

/** Derived values live as long as their snapshot: computed once, recomputed after a change. */
class SnapshotCacheTest {
  @TempDir Path dir;

  @Test
  void derivedValuesAreComputedOncePerSnapshotAndKey() {
    try (TestServer server = TestServer.start(dir)) {
      SnapshotCache cache = new SnapshotCache(server.vigil());
      AtomicInteger computed = new AtomicInteger();
      Object first = cache.derived("k", s -> new Object[] {computed.incrementAndGet()});
      Object second = cache.derived("k", s -> new Object[] {computed.incrementAndGet()});
      assertThat(second).isSameAs(first);
      assertThat(computed).hasValue(1);
      // another key is another value
      cache.derived("other", s -> computed.incrementAndGet());
      assertThat(computed).hasValue(2);

      // any audited change is a new version: derived values are dropped with the old snapshot
      server.vigil().accounts().addUser("newcomer", Role.VIEWER, TestServer.PASSWORD, "test");
      Object after = cache.derived("k", s -> new Object[] {computed.incrementAndGet()});
      assertThat(after).isNotSameAs(first);
      assertThat(computed).hasValue(3);
    }
  }

  @Test
  void beyondTheBoundValuesAreComputedButNotKept() {
    try (TestServer server = TestServer.start(dir)) {
      SnapshotCache cache = new SnapshotCache(server.vigil());
      for (int i = 0; i < SnapshotCache.MAX_DERIVED; i++) {
        cache.derived("filter " + i, s -> "x");
      }
      AtomicInteger computed = new AtomicInteger();
      cache.derived("one more", s -> computed.incrementAndGet());
      cache.derived("one more", s -> computed.incrementAndGet());
      assertThat(computed).hasValue(2);
    }
  }
}
