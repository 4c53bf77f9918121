package org.vigil.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import org.vigil.web.admin.AdminController;
import org.vigil.web.api.ApiController;
import org.vigil.web.auth.AuthController;
import org.vigil.web.dashboard.DashboardController;
import org.vigil.web.explore.ExploreController;
import org.vigil.web.records.RecordsController;
import org.vigil.web.review.ReviewController;
import org.vigil.web.sources.SourcesController;
import org.vigil.web.testimony.TestimonyController;

/**
 * Every route of the workspace, by capability. Each controller declares its own paths and the
 * {@link Access} each needs; this class only lists the controllers.
 */
final class Routes {
  private final Workspace workspace;
  private final Views views;
  private final WebSettings settings;
  private final SnapshotCache snapshots;
  private final TestimonyController testimony;

  Routes(Workspace workspace, Views views, WebSettings settings) {
    this.workspace = workspace;
    this.views = views;
    this.settings = settings;
    this.snapshots = new SnapshotCache(workspace);
    this.testimony = new TestimonyController(workspace, views);
  }

  void register(JavalinDefaultRoutingApi r) {
    new AuthController(workspace, views).register(r);
    new DashboardController(workspace, views, snapshots).register(r);
    new ExploreController(views, snapshots).register(r);
    new SourcesController(workspace, views, settings).register(r);
    new ReviewController(workspace, views).register(r);
    new RecordsController(workspace, views).register(r);
    new ApiController().register(r);
    new AdminController(workspace, views).register(r);
    testimony.register(r);
  }

  /** Locks every custodian key unlocked in a browser session (the server is stopping). */
  void close() {
    testimony.close();
  }
}
