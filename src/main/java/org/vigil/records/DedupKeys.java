package org.vigil.records;

import org.vigil.core.Checks;

/**
 * What duplicate detection stores for a source.
 *
 * @param textHash hash of the folded, normalised text: equal for exact duplicates
 * @param minhash the MinHash signature
 * @param bandKeys one key per LSH band of the signature
 */
public record DedupKeys(String textHash, long[] minhash, long[] bandKeys) {
  public DedupKeys {
    Checks.notBlank(textHash, "textHash");
    minhash = minhash.clone();
    bandKeys = bandKeys.clone();
  }

  @Override
  public long[] minhash() {
    return minhash.clone();
  }

  @Override
  public long[] bandKeys() {
    return bandKeys.clone();
  }
}
