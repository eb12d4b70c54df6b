import java.sql.*;

/** Times the directory's text search over 200,000 contacts on H2 (no trigram index there). */
public class H2Search {
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bench;MODE=LEGACY")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE contact (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL,"
            + " owner_id BIGINT, search_text VARCHAR(700) NOT NULL)");
        s.execute("CREATE INDEX contact_account_search ON contact (account_id, search_text)");
        s.execute("CREATE INDEX contact_owner ON contact (owner_id)");
      }
      String[] last = {"martin","bernard","dubois","thomas","robert","richard","petit","durand",
          "leroy","moreau","simon","laurent","lefevre","michel","garcia","roux","fournier","girard"};
      String[] first = {"elodie","helene","jerome","francois","aurelie","cedric","zoe","noel",
          "anais","loic"};
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO contact VALUES (?, 1, NULL, ?)")) {
        for (int i = 1; i <= 200_000; i++) {
          p.setLong(1, i);
          p.setString(2, last[i % 18] + " " + first[(i / 18) % 10] + " societe " + (i % 997)
              + " contact" + i + "@exemple.fr");
          p.addBatch();
          if (i % 1000 == 0) p.executeBatch();
        }
      }
      c.commit();
      String page = "SELECT id, search_text FROM contact WHERE account_id = 1 AND owner_id IS NULL"
          + " AND search_text LIKE ? ESCAPE '!' ORDER BY search_text, id LIMIT 50";
      String count = "SELECT COUNT(id) FROM contact WHERE account_id = 1 AND owner_id IS NULL"
          + " AND search_text LIKE ? ESCAPE '!'";
      for (String word : new String[] {"%contact123456@%", "%societe 42 %"}) {
        for (String sql : new String[] {page, count}) {
          long best = Long.MAX_VALUE;
          for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement(sql)) {
              p.setString(1, word);
              try (ResultSet r = p.executeQuery()) { while (r.next()) {} }
            }
            best = Math.min(best, System.nanoTime() - start);
          }
          System.out.printf("%s %s: %d ms (best of 5)%n", sql.startsWith("SELECT COUNT") ? "count" : "page", word, best / 1_000_000);
        }
      }
    }
  }
}
