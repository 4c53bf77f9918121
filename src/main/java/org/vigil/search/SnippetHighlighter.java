package org.vigil.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/**
 * Finds one passage per hit from offsets kept in the postings (no re-analysis, which matters for
 * smartcn). The content handed to the highlighter is rebuilt from stored fields so that offsets of
 * the simplified Chinese field point into the original text whenever lengths agree.
 */
final class SnippetHighlighter extends UnifiedHighlighter {
  static final int MAX_SNIPPET = 240;

  /** Characters of context kept before the first match when a passage must be cut. */
  private static final int LEAD = 60;

  /** Joins title and text; one char, like the index's offset gap between values. */
  private static final char SEP = '\u2029';

  private static final Set<String> STORED =
      Set.of(IndexFields.TITLE, IndexFields.TEXT, IndexFields.NORM_TITLE, IndexFields.NORM_TEXT);

  /** A cut passage with [start, end) spans into it. */
  record Snippet(String text, List<SearchHit.Span> spans) {}

  SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
    super(
        UnifiedHighlighter.builder(searcher, analyzer)
            .withMaxLength(2_000_000)
            .withMaxNoHighlightPassages(0)
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), MAX_SNIPPET * 2 / 3, 0.3f))
            .withFormatter(new SnippetFormatter()));
  }

  /**
   * Per field, per doc (in the order of {@code docIds}): a snippet or null where nothing matched.
   */
  Map<String, Object[]> snippets(String[] fields, Query query, int[] docIds) throws IOException {
    int[] maxPassages = new int[fields.length];
    Arrays.fill(maxPassages, 1);
    return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(
      String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<CharSequence[]> out = new ArrayList<>();
    int chars = 0;
    do {
      int docId = docIter.nextDoc();
      if (docId == DocIdSetIterator.NO_MORE_DOCS) {
        break;
      }
      Document doc = stored.document(docId, STORED);
      String title = orEmpty(doc.get(IndexFields.TITLE));
      String text = orEmpty(doc.get(IndexFields.TEXT));
      String plain = title + SEP + text;
      CharSequence[] values = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        if (IndexFields.ZH.equals(fields[i]) || IndexFields.ZH_BIGRAM.equals(fields[i])) {
          String nt = doc.get(IndexFields.NORM_TITLE);
          String nx = doc.get(IndexFields.NORM_TEXT);
          values[i] =
              nt == null && nx == null
                  ? plain
                  : (nt == null ? title : nt) + SEP + (nx == null ? text : nx);
        } else {
          values[i] = plain;
        }
      }
      out.add(values);
      chars += plain.length();
    } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
    return out;
  }

  static String leadingSnippet(String text) {
    String t = text.strip();
    if (t.length() <= MAX_SNIPPET) {
      return t;
    }
    int end = MAX_SNIPPET;
    int space = t.lastIndexOf(' ', end);
    if (space > MAX_SNIPPET - 40) {
      end = space;
    } else if (Character.isLowSurrogate(t.charAt(end))) {
      end--;
    }
    return t.substring(0, end);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** Cuts the best passage to at most {@link #MAX_SNIPPET} chars around its first match. */
  static final class SnippetFormatter extends PassageFormatter {
    @Override
    public @Nullable Object format(Passage[] passages, String content) {
      if (passages.length == 0 || passages[0].getNumMatches() == 0) {
        return null;
      }
      Passage p = passages[0];
      int start = p.getStartOffset();
      int end = Math.min(p.getEndOffset(), content.length());
      int firstMatch = p.getMatchStarts()[0];
      if (end - start > MAX_SNIPPET) {
        start = Math.max(start, Math.min(firstMatch - LEAD, end - MAX_SNIPPET));
        end = start + MAX_SNIPPET;
        // prefer cutting at a space, so English words stay whole
        int space = content.indexOf(' ', start);
        if (start > p.getStartOffset() && space >= 0 && space < Math.min(start + 20, firstMatch)) {
          start = space + 1;
        }
        int back = content.lastIndexOf(' ', end);
        if (back > end - 20 && back > start) {
          end = back;
        }
      }
      // trim white space (and the title/text separator) at both ends
      while (start < end && isBlank(content.charAt(start))) {
        start++;
      }
      while (end > start && isBlank(content.charAt(end - 1))) {
        end--;
      }
      if (start < end && Character.isLowSurrogate(content.charAt(start))) {
        start++;
      }
      if (end > start && Character.isHighSurrogate(content.charAt(end - 1))) {
        end--;
      }
      List<SearchHit.Span> spans = new ArrayList<>();
      int[] ms = p.getMatchStarts();
      int[] me = p.getMatchEnds();
      for (int i = 0; i < p.getNumMatches(); i++) {
        int s = Math.max(ms[i], start) - start;
        int e = Math.min(me[i], end) - start;
        if (s >= e) {
          continue;
        }
        // matches come sorted by start; merge overlaps so spans never nest
        if (!spans.isEmpty() && s <= spans.get(spans.size() - 1).end()) {
          SearchHit.Span last = spans.remove(spans.size() - 1);
          spans.add(new SearchHit.Span(last.start(), Math.max(last.end(), e)));
        } else {
          spans.add(new SearchHit.Span(s, e));
        }
      }
      if (spans.isEmpty()) {
        return null;
      }
      String text = content.substring(start, end).replace(SEP, ' ');
      return new Snippet(text, List.copyOf(spans));
    }

    private static boolean isBlank(char c) {
      return c == SEP || Character.isWhitespace(c) || c == '\u3000';
    }
  }
}
