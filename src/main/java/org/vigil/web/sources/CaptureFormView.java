package org.vigil.web.sources;

/** The capture page: upload files or enter URLs. */
public record CaptureFormView(long maxUploadBytes) {
  /** The limit in whole megabytes, for the form's hint. */
  public long maxUploadMegabytes() {
    return maxUploadBytes / (1024 * 1024);
  }
}
