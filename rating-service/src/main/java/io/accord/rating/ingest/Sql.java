package io.accord.rating.ingest;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import java.sql.SQLException;

/** Plain JDBC failures as Spring's exceptions: a deadlock or serialization failure is a ConcurrencyFailureException. */
final class Sql {

    private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private Sql() {
    }

    static DataAccessException translate(SQLException failure) {
        DataAccessException translated = TRANSLATOR.translate("usage pipeline", null, failure);
        return translated != null ? translated
                : new UncategorizedDataAccessException("usage pipeline", failure) { };
    }
}
