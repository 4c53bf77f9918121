package org.vigil.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index. One {@link PerFieldAnalyzerWrapper} serves indexing and query
 * parsing; the query side only adds a Traditional→Simplified step for the Chinese field, since the
 * indexed Chinese text is already simplified by the caller.
 */
final class Analyzers {
  /** Keeps phrases from matching across the title and the text of one document. */
  static final int VALUE_GAP = 100;

  private Analyzers() {}

  static Analyzer index() {
    return new PerFieldAnalyzerWrapper(
        new English(),
        Map.of(
            IndexFields.ZH, new Chinese(),
            IndexFields.ZH_BIGRAM, new ChineseBigrams(),
            IndexFields.STD, new Generic()));
  }

  static Analyzer query(Analyzer index) {
    return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return index;
      }

      @Override
      protected Reader wrapReader(String fieldName, Reader reader) {
        return IndexFields.ZH.equals(fieldName) || IndexFields.ZH_BIGRAM.equals(fieldName)
            ? simplified(reader)
            : reader;
      }

      @Override
      protected Reader wrapReaderForNormalization(String fieldName, Reader reader) {
        return wrapReader(fieldName, reader);
      }
    };
  }

  /** Query strings are short, so reading them whole is fine; never used on documents. */
  private static Reader simplified(Reader reader) {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[256];
      for (int n; (n = reader.read(buf)) != -1; ) {
        sb.append(buf, 0, n);
      }
      return new StringReader(ChineseText.toSimplified(sb.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * English with Porter stemming, over every document. Han and kana are dropped: the standard
   * tokenizer would make one token per character, which only adds noise and cost next to the
   * segmented Chinese field.
   */
  static final class English extends Analyzer {
    private static final Set<String> CJK_TYPES =
        Set.of(
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA]);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = new TypeTokenFilter(source, CJK_TYPES);
      ts = new EnglishPossessiveFilter(ts);
      ts = new LowerCaseFilter(ts);
      ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      ts = new PorterStemFilter(ts);
      return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return VALUE_GAP;
    }
  }

  /** smartcn word segmentation (海外警务服务站 → 海外 / 警务 / 服务站), as SmartChineseAnalyzer does. */
  static final class Chinese extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new HMMChineseTokenizer();
      TokenStream ts = new LowerCaseFilter(source);
      ts = new PorterStemFilter(ts);
      ts = new StopFilter(ts, SmartChineseAnalyzer.getDefaultStopSet());
      return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return VALUE_GAP;
    }
  }

  /**
   * Overlapping Han bigrams only (other tokens are dropped: the English field has them). smartcn
   * segments by context, so 服务站 in a query may be 服务 / 站 in a text ("服务站在…"); bigrams searched as a
   * phrase match the characters in sequence whatever the segmentation.
   */
  static final class ChineseBigrams extends Analyzer {
    private static final Set<String> BIGRAM_TYPES = Set.of("<DOUBLE>", "<SINGLE>");

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = new CJKWidthFilter(source);
      ts = new LowerCaseFilter(ts);
      ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN);
      ts = new TypeTokenFilter(ts, BIGRAM_TYPES, true);
      return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(new CJKWidthFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return VALUE_GAP;
    }
  }

  /**
   * Any other language: ICU word segmentation (dictionary-based for Japanese, spaces elsewhere) and
   * NFKC case folding, no stemming; locale-independent by construction.
   */
  static final class Generic extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new ICUTokenizer();
      return new TokenStreamComponents(source, new ICUNormalizer2Filter(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ICUNormalizer2Filter(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return VALUE_GAP;
    }
  }
}
