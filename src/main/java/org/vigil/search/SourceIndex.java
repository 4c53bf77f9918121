package org.vigil.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * The Lucene index of sources, and the only owner of its IndexWriter and SearcherManager.
 * Thread-safe.
 *
 * <p>Fields: English (Porter stemming) over title and text of every source; Chinese (smartcn
 * segmentation) over the simplified text of sources in {@code zh*} or containing Han characters,
 * queried after converting the query to simplified script; a generic ICU field for other languages.
 * Ranking is BM25.
 *
 * <p>An index left by a killed process opens normally: Lucene's native file lock dies with the
 * process, and uncommitted changes are simply lost (the last commit is intact). Opening an index
 * that another live writer holds fails with {@link ErrorCode#INDEX_FAILURE}.
 */
public final class SourceIndex implements AutoCloseable {
  /** Default in-memory buffer before a segment is flushed. */
  public static final double DEFAULT_RAM_BUFFER_MB = 64;

  private static final FieldType TEXT_TYPE = textType();
  private static final Set<String> HIT_FIELDS =
      Set.of(
          IndexFields.ID,
          IndexFields.TITLE,
          IndexFields.LANGUAGE,
          IndexFields.PUBLISHER,
          IndexFields.PUBLISHED);
  private static final List<String> HIGHLIGHT_ORDER =
      List.of(IndexFields.ZH, IndexFields.ZH_BIGRAM, IndexFields.EN, IndexFields.STD);

  /** Upper bound on one page, whatever the caller asks for. */
  static final int MAX_LIMIT = 1_000;

  private final Path dir;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer indexAnalyzer;
  private final SourceQueryParser parser;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SourceIndex(Path dir, FSDirectory directory, IndexWriter writer, Analyzer analyzer)
      throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.indexAnalyzer = analyzer;
    this.parser = new SourceQueryParser(Analyzers.query(analyzer));
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens or creates the index in {@code dir}. */
  public static SourceIndex open(Path dir) {
    return open(dir, DEFAULT_RAM_BUFFER_MB);
  }

  /**
   * Opens or creates the index in {@code dir}, buffering up to {@code ramBufferMb} of changes in
   * memory before writing a segment (bulk loads: a few hundred MB).
   */
  public static SourceIndex open(Path dir, double ramBufferMb) {
    Checks.notNull(dir, "dir");
    Checks.check(ramBufferMb > 0, "ramBufferMb must be positive, was " + ramBufferMb);
    FSDirectory directory = null;
    IndexWriter writer = null;
    try {
      directory = FSDirectory.open(dir);
      Analyzer analyzer = Analyzers.index();
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer)
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setRAMBufferSizeMB(ramBufferMb)
              .setCommitOnClose(true);
      writer = new IndexWriter(directory, config);
      return new SourceIndex(dir, directory, writer, analyzer);
    } catch (LockObtainFailedException e) {
      closeQuietly(writer, directory);
      throw new VigilException(
          ErrorCode.INDEX_FAILURE, "search index " + dir + " is in use by another writer", e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer, directory);
      throw new VigilException(
          ErrorCode.INDEX_FAILURE, "cannot open search index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Adds or replaces (by id) one source. Visible to searches after {@link #commit()}. */
  public void upsert(IndexedSource source) {
    Checks.notNull(source, "source");
    Document doc = toDocument(source);
    try {
      writer.updateDocument(new Term(IndexFields.ID, source.id()), doc);
    } catch (IOException | AlreadyClosedException e) {
      throw failure("cannot index source " + source.id(), e);
    }
  }

  /** Makes every upsert (and {@link #clear()}) durable and visible to searches. */
  public void commit() {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException | AlreadyClosedException e) {
      throw failure("cannot commit search index " + dir, e);
    }
  }

  /** Removes every document (for a rebuild); like upserts, takes effect at {@link #commit()}. */
  public void clear() {
    try {
      writer.deleteAll();
    } catch (IOException | AlreadyClosedException e) {
      throw failure("cannot clear search index " + dir, e);
    }
  }

  /** How many sources searches see (as of the last commit). */
  public long count() {
    return withSearcher(s -> (long) s.getIndexReader().numDocs());
  }

  /**
   * Runs one search. Hits are ranked by BM25; {@code total} and facets count every match.
   *
   * @throws VigilException {@link ErrorCode#INVALID_INPUT} when the text has no letter or digit or
   *     is over 1,000 characters
   */
  public SearchResult search(SearchQuery query) {
    return search(query, 0, SearchOrder.RELEVANCE);
  }

  /**
   * Runs one search and returns the page of {@code query.limit()} hits after the first {@code
   * offset} in {@code order}; {@code total} and facets still count every match. Pages end at the
   * {@value #MAX_LIMIT}th hit: beyond it a narrower query is the better tool.
   *
   * @throws VigilException {@link ErrorCode#INVALID_INPUT} as {@link #search(SearchQuery)}, and
   *     when {@code offset} is negative or reaches past {@value #MAX_LIMIT} hits
   */
  public SearchResult search(SearchQuery query, int offset, SearchOrder order) {
    Checks.notNull(query, "query");
    Checks.notNull(order, "order");
    if (offset < 0 || offset >= MAX_LIMIT) {
      throw VigilException.invalid(
          "page", "results are shown up to the " + MAX_LIMIT + "th hit; narrow the search");
    }
    Query text = parser.parse(query.text());
    Query full = withFilters(text, query);
    return withSearcher(s -> run(s, text, full, offset, query.limit(), order));
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      try {
        searchers.close();
      } finally {
        writer.close(); // commits pending changes
      }
    } catch (IOException e) {
      throw failure("cannot close search index " + dir, e);
    } finally {
      closeQuietly(null, directory);
    }
  }

  private SearchResult run(
      IndexSearcher searcher, Query text, Query full, int offset, int limit, SearchOrder order)
      throws IOException {
    int n =
        Math.min(
            Math.min(offset + limit, MAX_LIMIT), Math.max(1, searcher.getIndexReader().maxDoc()));
    // Two passes beat one: the top page is found with block-max WAND, which skips documents that
    // cannot make it; counts and facets then visit every match without computing scores.
    TopDocs top =
        order == SearchOrder.RELEVANCE
            ? searcher.search(full, new TopScoreDocCollectorManager(n, null, n))
            : searcher.search(full, new TopFieldCollectorManager(byDate(order), n, null, n));
    FacetCounter.Counts counts = searcher.search(full, new FacetCounter.Manager());
    ScoreDoc[] docs = top.scoreDocs;
    ScoreDoc[] page =
        offset >= docs.length ? new ScoreDoc[0] : Arrays.copyOfRange(docs, offset, docs.length);
    return new SearchResult(counts.total(), hits(searcher, text, page), counts.facets());
  }

  private static Sort byDate(SearchOrder order) {
    boolean newest = order == SearchOrder.NEWEST;
    SortField date = new SortedNumericSortField(IndexFields.PUBLISHED, SortField.Type.LONG, newest);
    // undated sources last in both directions
    date.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE);
    return new Sort(date, SortField.FIELD_SCORE);
  }

  private List<SearchHit> hits(IndexSearcher searcher, Query text, ScoreDoc[] docs)
      throws IOException {
    if (docs.length == 0) {
      return List.of();
    }
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    String[] fields = highlightFields(searcher);
    Map<String, Object[]> snippets =
        fields.length == 0
            ? Map.of()
            : new SnippetHighlighter(searcher, indexAnalyzer).snippets(fields, text, ids);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      Document d = stored.document(docs[i].doc, HIT_FIELDS);
      SnippetHighlighter.Snippet best = null;
      for (String f : HIGHLIGHT_ORDER) {
        Object[] perDoc = snippets.get(f);
        if (perDoc != null && perDoc[i] instanceof SnippetHighlighter.Snippet s) {
          if (best == null || s.spans().size() > best.spans().size()) {
            best = s;
          }
        }
      }
      if (best == null) {
        // matched only on a field without a passage: show the beginning of the text
        String t = stored.document(docs[i].doc, Set.of(IndexFields.TEXT)).get(IndexFields.TEXT);
        best =
            new SnippetHighlighter.Snippet(
                SnippetHighlighter.leadingSnippet(t == null ? "" : t), List.of());
      }
      hits.add(
          new SearchHit(
              d.get(IndexFields.ID),
              orEmpty(d.get(IndexFields.TITLE)),
              orEmpty(d.get(IndexFields.LANGUAGE)),
              d.get(IndexFields.PUBLISHER),
              publishedOf(d),
              docs[i].score,
              best.text(),
              best.spans()));
    }
    return hits;
  }

  /** Only fields some document has with offsets; others would make the highlighter re-analyse. */
  private static String[] highlightFields(IndexSearcher searcher) {
    FieldInfos infos = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
    List<String> fields = new ArrayList<>(HIGHLIGHT_ORDER.size());
    for (String f : HIGHLIGHT_ORDER) {
      FieldInfo fi = infos.fieldInfo(f);
      if (fi != null
          && fi.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) {
        fields.add(f);
      }
    }
    return fields.toArray(String[]::new);
  }

  private static Query withFilters(Query text, SearchQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    if (q.language() != null && !q.language().isBlank()) {
      String lang = normalizeLanguage(q.language());
      // a bare "zh" means every Chinese variant; "zh-hant" means exactly that one
      String field = lang.indexOf('-') >= 0 ? IndexFields.LANG : IndexFields.LANG_BASE;
      b.add(new TermQuery(new Term(field, lang)), BooleanClause.Occur.FILTER);
    }
    if (q.publisher() != null && !q.publisher().isBlank()) {
      b.add(
          new TermQuery(new Term(IndexFields.PUBLISHER, q.publisher())),
          BooleanClause.Occur.FILTER);
    }
    if (q.from() != null || q.to() != null) {
      long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
      long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
      b.add(LongField.newRangeQuery(IndexFields.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  static String normalizeLanguage(String language) {
    return language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
  }

  private static Document toDocument(IndexedSource s) {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.ID, s.id(), Field.Store.YES));
    doc.add(new StoredField(IndexFields.TITLE, s.title()));
    doc.add(new StoredField(IndexFields.TEXT, s.text()));
    doc.add(new StoredField(IndexFields.LANGUAGE, s.language()));

    // title and text as two values of each analysed field; the analyzers put a position gap
    // between them so that phrases do not straddle
    doc.add(new Field(IndexFields.EN, s.title(), TEXT_TYPE));
    doc.add(new Field(IndexFields.EN, s.text(), TEXT_TYPE));

    String lang = normalizeLanguage(s.language());
    int dash = lang.indexOf('-');
    String base = dash < 0 ? lang : lang.substring(0, dash);
    // smartcn is the slowest part of indexing: only run it where Chinese may be
    if (base.equals("zh") || ChineseText.hasHan(s.title()) || ChineseText.hasHan(s.text())) {
      String normTitle = ChineseText.toSimplified(s.title());
      String normText = s.normalizedText().isEmpty() ? s.text() : s.normalizedText();
      doc.add(new Field(IndexFields.ZH, normTitle, TEXT_TYPE));
      doc.add(new Field(IndexFields.ZH, normText, TEXT_TYPE));
      doc.add(new Field(IndexFields.ZH_BIGRAM, normTitle, TEXT_TYPE));
      doc.add(new Field(IndexFields.ZH_BIGRAM, normText, TEXT_TYPE));
      // offsets of the simplified text map 1:1 onto the original only when lengths agree
      if (normTitle.length() != s.title().length()) {
        doc.add(new StoredField(IndexFields.NORM_TITLE, normTitle));
      }
      if (normText.length() != s.text().length()) {
        doc.add(new StoredField(IndexFields.NORM_TEXT, normText));
      }
    }
    if (!base.equals("en") && !base.equals("zh")) {
      doc.add(new Field(IndexFields.STD, s.title(), TEXT_TYPE));
      doc.add(new Field(IndexFields.STD, s.text(), TEXT_TYPE));
    }

    doc.add(new StringField(IndexFields.LANG, lang, Field.Store.NO));
    doc.add(new StringField(IndexFields.LANG_BASE, base, Field.Store.NO));

    String publisher = s.facets().publisher();
    if (publisher != null && !publisher.isBlank()) {
      doc.add(new StringField(IndexFields.PUBLISHER, publisher, Field.Store.YES));
    }
    LocalDate published = s.facets().published();
    if (published != null) {
      doc.add(new LongField(IndexFields.PUBLISHED, published.toEpochDay(), Field.Store.YES));
    }
    String facets =
        s.language()
            + IndexFields.FACET_SEP
            + (publisher == null || publisher.isBlank() ? "" : publisher)
            + IndexFields.FACET_SEP
            + (published == null ? "" : Integer.toString(published.getYear()));
    doc.add(new SortedDocValuesField(IndexFields.FACETS, new BytesRef(facets)));
    return doc;
  }

  private static FieldType textType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private interface SearcherTask<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherTask<T> task) {
    IndexSearcher searcher;
    try {
      searcher = searchers.acquire();
    } catch (IOException | AlreadyClosedException e) {
      throw failure("cannot search index " + dir, e);
    }
    try {
      return task.apply(searcher);
    } catch (IOException | UncheckedIOException | AlreadyClosedException e) {
      throw failure("cannot search index " + dir, e);
    } finally {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        // release only decrements a reference count; a failure here leaves nothing to undo
      }
    }
  }

  private static VigilException failure(String message, Exception e) {
    return new VigilException(ErrorCode.INDEX_FAILURE, message + ": " + e.getMessage(), e);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static void closeQuietly(@Nullable IndexWriter writer, @Nullable FSDirectory directory) {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // already failing; the original error is what the caller needs
    }
    try {
      if (directory != null) {
        directory.close();
      }
    } catch (IOException ignored) {
      // as above
    }
  }

  private static @Nullable LocalDate publishedOf(Document d) {
    IndexableField f = d.getField(IndexFields.PUBLISHED);
    Number day = f == null ? null : f.numericValue();
    return day == null ? null : LocalDate.ofEpochDay(day.longValue());
  }
}
