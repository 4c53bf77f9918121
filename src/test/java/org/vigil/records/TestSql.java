package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads raw columns in tests, to check what is (and is not) stored. */
public final class TestSql {
  private TestSql() {}

  /** The first column of every row {@code sql} returns, as text. */
  public static List<String> column(Database db, String sql) {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
              out.add(rs.getString(1));
            }
            return out;
          }
        });
  }
}
