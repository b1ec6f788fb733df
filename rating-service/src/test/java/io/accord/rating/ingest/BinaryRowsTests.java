package io.accord.rating.ingest;

import io.accord.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binary COPY rows against PostgreSQL itself: random rows of every column type the rated rows use are copied once
 * in the binary format and once as CSV (which the server parses from text, the reference), and the two tables must
 * hold the same values.
 */
class BinaryRowsTests {

    private static final String COLUMNS = """
            (id int8 not null, small int4, flag bool not null, ref uuid, label text, currency char(3),
             at timestamptz, day date, quantity numeric, amount numeric(24, 6), ids text[] not null)""";
    private static final int COLUMN_COUNT = 11;
    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        connection = DriverManager.getConnection(TestInfrastructure.database("rating_binary_rows"),
                TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void storesWhatTheSameRowsStoreAsCsv() throws SQLException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(Row.random(i, random));
        }
        rows.addAll(Row.edges(rows.size()));

        recreate("via_binary");
        recreate("via_csv");
        copy("copy via_binary from stdin (format binary)", copy -> {
            BinaryRows binary = new BinaryRows(copy, COLUMN_COUNT);
            rows.forEach(row -> row.write(binary));
            binary.finish();
            assertThat(binary.rows()).isEqualTo(rows.size());
        });
        copy("copy via_csv from stdin (format csv)", copy -> {
            CsvRows csv = new CsvRows(copy);
            rows.forEach(row -> row.write(csv));
            csv.finish();
        });

        assertThat(count("select count(*) from via_binary")).isEqualTo(rows.size());
        assertThat(differences("via_binary", "via_csv")).as("seed %d", seed).isEmpty();
        assertThat(differences("via_csv", "via_binary")).as("seed %d", seed).isEmpty();
        // the display scale is kept too (numeric equality alone ignores it)
        assertThat(count("select count(*) from via_binary b join via_csv c using (id)"
                + " where b.quantity::text is distinct from c.quantity::text"
                + " or b.amount::text is distinct from c.amount::text")).as("seed %d", seed).isZero();
    }

    @Test
    void refusesARowWithMoreOrFewerColumnsThanTheTable() {
        BinaryRows rows = new BinaryRows(2).int8(1L);

        assertThatThrownBy(rows::endRow).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 columns");
        assertThatThrownBy(() -> new BinaryRows(1).int8(1L).int8(2L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new BinaryRows(2).int8(1L).finish()).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> differences(String table, String other) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("select * from " + table + " except select * from " + other
                     + " order by 1 limit 5")) {
            while (found.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= COLUMN_COUNT; column++) {
                    row.append(column == 1 ? "" : " | ").append(found.getString(column));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery(sql)) {
            found.next();
            return found.getLong(1);
        }
    }

    private static void recreate(String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + table);
            statement.execute("create table " + table + " " + COLUMNS);
        }
    }

    private static void copy(String sql, Consumer<CopyIn> writer) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        writer.accept(copy);
        copy.endCopy();
    }

    private record Row(long id, Integer small, boolean flag, UUID ref, String label, String currency, Instant at,
                       LocalDate day, BigDecimal quantity, BigDecimal amount, List<String> ids) {

        static Row random(long id, Random random) {
            return new Row(id, random.nextInt(5) == 0 ? null : random.nextInt(), random.nextBoolean(),
                    random.nextInt(5) == 0 ? null : new UUID(random.nextLong(), random.nextLong()),
                    random.nextInt(8) == 0 ? null : text(random, random.nextInt(40)),
                    random.nextInt(5) == 0 ? null : text(random, 3).replace('\u0000', 'x'),
                    random.nextInt(5) == 0 ? null : instant(random),
                    random.nextInt(5) == 0 ? null : LocalDate.of(1900, 1, 1).plusDays(random.nextInt(110_000)),
                    random.nextInt(6) == 0 ? null : number(random, 40, 14),
                    random.nextInt(6) == 0 ? null : number(random, 18, 9),
                    ids(random));
        }

        static List<Row> edges(long firstId) {
            List<BigDecimal> numbers = List.of(BigDecimal.ZERO, new BigDecimal("0.000000"), new BigDecimal("-0.000100"),
                    new BigDecimal("1E+3"), new BigDecimal("-1E+7"), new BigDecimal("9999.9999"),
                    new BigDecimal("10000"), new BigDecimal("0.0001"), new BigDecimal("0.00001"),
                    new BigDecimal("123456789012345678.123456"), new BigDecimal("-0.5"),
                    new BigDecimal("0.0000005"), new BigDecimal("1.0000000"), new BigDecimal("100000000"),
                    // either side of the 15 digits written through a long
                    new BigDecimal("99999999999999.9"), new BigDecimal("-0.999999999999999"),
                    new BigDecimal("999999999999999"), new BigDecimal("9999999999999999"),
                    new BigDecimal("0.000000000000001"), new BigDecimal("-1000000000000.000"));
            List<Instant> instants = List.of(Instant.parse("2000-01-01T00:00:00Z"),
                    Instant.parse("1999-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00Z"),
                    Instant.parse("2026-12-05T07:00:00.123456789Z"), Instant.parse("2026-12-05T07:00:00.000000499Z"),
                    Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("2099-06-30T12:00:00.5Z"));
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < Math.max(numbers.size(), instants.size()); i++) {
                BigDecimal number = numbers.get(i % numbers.size());
                rows.add(new Row(firstId + i, i % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE, i % 2 == 0,
                        new UUID(Long.MIN_VALUE, -1L), i % 3 == 0 ? "" : "\"a,b\"\n\u0000é€😀\ud800",
                        "EUR", instants.get(i % instants.size()), LocalDate.of(2000, 1, 1).minusDays(i), number,
                        number.abs().compareTo(new BigDecimal("1E+17")) < 0 ? number : null,
                        i % 2 == 0 ? List.of() : List.of("p-1", "ünï", "")));
            }
            return rows;
        }

        void write(BinaryRows rows) {
            rows.int8(id).int4(small).bool(flag).uuid(ref).text(label).text(currency).timestamptz(at).date(day)
                    .numeric(quantity).numeric(amount).textArray(ids).endRow();
        }

        void write(CsvRows rows) {
            rows.number(id).number(small).bool(flag).text(ref == null ? null : ref.toString()).text(label)
                    .text(currency).instant(at).date(day).number(quantity).number(amount).textArray(ids).endRow();
        }

        private static String text(Random random, int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(10);
                text.append(switch (kind) {
                    case 0 -> (char) random.nextInt(0x80); // ASCII, NUL, quotes, commas and line breaks included
                    case 1 -> (char) (0x80 + random.nextInt(0x780));
                    case 2 -> (char) (0x800 + random.nextInt(0xD000));
                    case 3 -> Character.toString(0x1F600 + random.nextInt(80));
                    case 4 -> (char) (0xD800 + random.nextInt(0x800)); // a lone surrogate
                    default -> (char) ('a' + random.nextInt(26));
                });
            }
            return text.toString();
        }

        private static Instant instant(Random random) {
            long seconds = Instant.parse("1950-01-01T00:00:00Z").getEpochSecond()
                    + (long) (random.nextDouble() * 150 * 365 * 86_400);
            // sub-microsecond parts only away from a half, where PostgreSQL's text input rounds through a double
            int micros = random.nextInt(1_000_000);
            int below = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> random.nextInt(400);
                default -> 600 + random.nextInt(400);
            };
            return Instant.ofEpochSecond(seconds, micros * 1000L + below);
        }

        private static BigDecimal number(Random random, int maxDigits, int maxScale) {
            BigInteger unscaled = new BigInteger(random.nextInt(maxDigits * 3) + 1, random);
            if (random.nextInt(4) == 0) {
                unscaled = unscaled.multiply(BigInteger.TEN.pow(random.nextInt(8))); // trailing zeros
            }
            int scale = random.nextInt(maxScale + 4) - 3; // negative scales too
            BigDecimal number = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
            return number.precision() - number.scale() > maxDigits - maxScale ? number.movePointLeft(
                    number.precision() - number.scale() - (maxDigits - maxScale)) : number;
        }

        private static List<String> ids(Random random) {
            List<String> ids = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                ids.add(text(random, random.nextInt(12)).replaceAll("[\"\\\\{},\\s\u0000]", "").replaceAll(
                        "[\ud800-\udfff]", "s"));
            }
            return ids;
        }
    }
}
