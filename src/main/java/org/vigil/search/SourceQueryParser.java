package org.vigil.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.vigil.core.VigilException;

/**
 * Turns what a user typed into a query over the English, Chinese and generic fields. Built on
 * {@link SimpleQueryParser}, which never raises a syntax error; fuzzy and near operators are off
 * (costly across fields, and rarely what investigators mean).
 */
final class SourceQueryParser {
  static final int MAX_LENGTH = 1_000;

  private static final Map<String, Float> WEIGHTS =
      Map.of(
          IndexFields.EN, 1.0f,
          IndexFields.ZH, 1.0f,
          IndexFields.ZH_BIGRAM, 0.5f,
          IndexFields.STD, 0.5f);

  private static final int FLAGS =
      SimpleQueryParser.AND_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.OR_OPERATOR
          | SimpleQueryParser.PREFIX_OPERATOR
          | SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.PRECEDENCE_OPERATORS
          | SimpleQueryParser.ESCAPE_OPERATOR
          | SimpleQueryParser.WHITESPACE_OPERATOR;

  private final Analyzer queryAnalyzer;

  SourceQueryParser(Analyzer queryAnalyzer) {
    this.queryAnalyzer = queryAnalyzer;
  }

  /**
   * @throws VigilException invalid input when the text has no letter or digit (it would match
   *     nothing, or with a bare {@code *} everything) or is too long
   */
  Query parse(String text) {
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw VigilException.invalid("query", "must contain at least one letter or digit");
    }
    if (text.length() > MAX_LENGTH) {
      throw VigilException.invalid(
          "query", "must not be longer than " + MAX_LENGTH + " characters");
    }
    Parser parser = new Parser(queryAnalyzer);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    try {
      Query query = parser.parse(text);
      if (matchesAll(query)) {
        throw VigilException.invalid(
            "query", "needs at least one word to look for, not only excluded words");
      }
      return query;
    } catch (IndexSearcher.TooManyClauses e) {
      throw VigilException.invalid("query", "has too many terms");
    }
  }

  /**
   * SimpleQueryParser expresses {@code -x} as "everything but x"; that is fine inside {@code a -x},
   * but {@code -x} or {@code a | -x} alone would match (almost) every source.
   */
  static boolean matchesAll(Query query) {
    if (query instanceof MatchAllDocsQuery) {
      return true;
    }
    if (query instanceof BoostQuery b) {
      return matchesAll(b.getQuery());
    }
    if (query instanceof BooleanQuery bq) {
      List<Query> required = new ArrayList<>();
      List<Query> optional = new ArrayList<>();
      for (BooleanClause c : bq.clauses()) {
        switch (c.getOccur()) {
          case MUST, FILTER -> required.add(c.getQuery());
          case SHOULD -> optional.add(c.getQuery());
          case MUST_NOT -> {}
        }
      }
      if (!required.isEmpty()) {
        return required.stream().allMatch(SourceQueryParser::matchesAll);
      }
      return optional.stream().anyMatch(SourceQueryParser::matchesAll);
    }
    return false;
  }

  private static final class Parser extends SimpleQueryParser {
    Parser(Analyzer analyzer) {
      super(analyzer, WEIGHTS, FLAGS);
    }

    /** A one-character prefix expands to most of the dictionary: treat it as a plain word. */
    @Override
    protected Query newPrefixQuery(String text) {
      if (text.codePointCount(0, text.length()) < 2) {
        return newDefaultQuery(text);
      }
      return super.newPrefixQuery(text);
    }

    /**
     * Bigrams of one word only mean that word when they are adjacent: always a phrase. The bigram
     * field is there for recall, so it scores a constant: scoring a phrase means counting every
     * occurrence in every candidate, which made it the slowest clause of Chinese queries.
     */
    @Override
    protected Query createFieldQuery(
        Analyzer analyzer,
        BooleanClause.Occur operator,
        String field,
        String queryText,
        boolean quoted,
        int phraseSlop) {
      boolean bigrams = IndexFields.ZH_BIGRAM.equals(field);
      Query q =
          super.createFieldQuery(
              analyzer, operator, field, queryText, quoted || bigrams, phraseSlop);
      return bigrams && q != null ? new ConstantScoreQuery(q) : q;
    }
  }
}
