package org.treatyregistry.api.admin;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.projections.facts.FactProjection;
import org.treatyregistry.projections.facts.ReadModelTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk rebuild's binary COPY stores what its text COPY stored, value for value, on a real PostgreSQL; and, for the
 * values the registry records (instants to the microsecond), what the live projection's JDBC inserts store.
 */
class BinaryCopyTest {

    private static final ReadModelTable TABLE = ReadModelTable.of("copied", "id", "id", "n", "i", "s", "v", "t", "d", "b", "note");
    private static final String COLUMNS = "(id VARCHAR(40) NOT NULL, n BIGINT, i INT, s SMALLINT, v VARCHAR(200), t TIMESTAMP, d DATE,"
            + " b BOOLEAN, note TEXT)";

    @Test
    void storesWhatTheTextCopyStores() throws Exception {
        Random random = new Random(8);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row(random, i, instant(random, i % 5)));
        }
        // the edges: before the Gregorian calendar (Timestamp's Julian fields), after year 9999, halves of a microsecond
        for (String text : List.of("0812-03-04T05:06:07.890Z", "1582-10-04T23:59:59Z", "1582-10-15T00:00:00Z", "1583-01-01T00:00:00.5Z",
                "+12026-11-22T10:00:00Z", "2026-11-22T10:00:00.000000500Z", "2026-11-22T10:00:00.000001500Z",
                "2026-11-22T10:00:00.999999500Z", "1999-12-31T23:59:59.999999999Z", "2000-01-01T00:00:00Z")) {
            rows.add(row(random, rows.size(), Instant.parse(text)));
        }
        try (Connection c = TestPostgres.newDatabase().connect()) {
            create(c, "copied_text", "copied_binary");
            PGConnection pg = c.unwrap(PGConnection.class);
            BulkRebuild.copy(pg, new BulkRebuild.Chunk(named("copied_text"), rows));
            BulkRebuild.copy(pg, BinaryCopy.of(c, named("copied_binary")).orElseThrow(), new BulkRebuild.Chunk(named("copied_binary"), rows));

            assertThat(count(c, "copied_binary")).isEqualTo(rows.size());
            assertThat(difference(c, "copied_text", "copied_binary")).isEmpty();
            assertThat(difference(c, "copied_binary", "copied_text")).isEmpty();
        }
    }

    @Test
    void storesWhatTheLiveProjectionsInsertsStore() throws Exception {
        Random random = new Random(9);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Instant instant = instant(random, 2);
            rows.add(row(random, i, instant));
        }
        try (Connection c = TestPostgres.newDatabase().connect()) {
            create(c, "copied_jdbc", "copied_binary");
            try (PreparedStatement insert = c.prepareStatement(named("copied_jdbc").insertSql())) {
                for (Object[] row : rows) {
                    Object[] values = FactProjection.jdbcValues(row);
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            BulkRebuild.copy(c.unwrap(PGConnection.class), BinaryCopy.of(c, named("copied_binary")).orElseThrow(),
                    new BulkRebuild.Chunk(named("copied_binary"), rows));

            assertThat(difference(c, "copied_jdbc", "copied_binary")).isEmpty();
            assertThat(difference(c, "copied_binary", "copied_jdbc")).isEmpty();
        }
    }

    @Test
    void leavesATableWithAColumnTypeItDoesNotWriteToTheTextCopy() throws Exception {
        try (Connection c = TestPostgres.newDatabase().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE numeric_table (id VARCHAR(10), amount NUMERIC)");
            assertThat(BinaryCopy.of(c, ReadModelTable.of("numeric_table", "id", "id", "amount"))).isEmpty();
            assertThat(BinaryCopy.of(c, ReadModelTable.of("numeric_table", "id", "id"))).isPresent();
        }
    }

    private static Object[] row(Random random, int id, Instant instant) {
        boolean nulls = random.nextInt(10) == 0;
        return new Object[]{"row " + id, nulls ? null : random.nextLong(), nulls ? null : random.nextInt(),
                nulls ? null : (long) (short) random.nextInt(), nulls ? null : text(random), instant,
                nulls ? null : LocalDate.ofEpochDay(random.nextInt(60_000) - 10_000), nulls ? null : random.nextBoolean(),
                nulls ? null : text(random) + "\n\t\\ ünïcödé, 条约, \uD83D\uDCDC"};
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            s.append((char) (' ' + random.nextInt(95)));
        }
        return s.toString();
    }

    private static Instant instant(Random random, int kind) {
        long seconds = -2_208_988_800L + (long) (random.nextDouble() * 8_000_000_000L); // 1900 to ~2153
        int nanos = switch (kind) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            case 3 -> random.nextInt(1_000_000_000);
            default -> random.nextInt(1_000_000) * 1_000 + 500;
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static ReadModelTable named(String name) {
        return new ReadModelTable(name, TABLE.keyColumn(), TABLE.columns(), null, null);
    }

    private static void create(Connection c, String... names) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("CREATE TABLE " + name + " " + COLUMNS);
            }
        }
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> difference(Connection c, String left, String right) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, t::text, d::text FROM (SELECT * FROM " + left + " EXCEPT SELECT * FROM " + right + ") missing ORDER BY id LIMIT 10")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }
}
