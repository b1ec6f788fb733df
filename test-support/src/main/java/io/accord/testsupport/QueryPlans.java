package io.accord.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** How PostgreSQL would run a statement (without running it), for tests of what an index is there for. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * The plan of {@code sql} with {@code params} when reading a whole table is the last resort
     * ({@code enable_seqscan = off}): a test's small tables would otherwise be read whole whatever indexes they have,
     * so this tells whether an index can serve the statement, as it must on a large table.
     */
    public static String withIndexesPreferred(DataSource dataSource, String sql, Map<String, ?> params)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            jdbc.sql("set enable_seqscan = off").update();
            try {
                return String.join("\n", jdbc.sql("explain (costs off) " + sql).params(params)
                        .query(String.class).list());
            } finally {
                jdbc.sql("reset enable_seqscan").update();
            }
        }
    }
}
