package io.accord.platform.problem;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's failure as its owner reads it: the kind of error, never the error's text. */
class FailureKindTests {

    @Test
    void aDatabaseErrorIsNamedByItsSqlStateWhereverItIsInTheChain() {
        SQLException refused = new SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"offering_pkey\" Detail: Key (id)=(off-1) already exists.", "23505");
        String kind = FailureKind.of(new DataIntegrityViolationException("insert into offering ...", refused));
        assertThat(kind).isEqualTo("database error, SQL state 23505");
        // Spring's translation of a batch keeps the batch's state on the outer exception
        assertThat(FailureKind.of(new UncategorizedSQLException("insert", "insert into usage_submission ...",
                new BatchUpdateException("Batch entry 499 insert ... was aborted", "P0001", 0, new int[0], null))))
                .isEqualTo("database error, SQL state P0001");
    }

    @Test
    void otherErrorsAreNamedByKindOnlyAndNothingOfTheirTextIsKept() {
        assertThat(FailureKind.of(new UncheckedIOException(new IOException("/var/lib/x: no space"))))
                .isEqualTo("I/O error");
        assertThat(FailureKind.of(new IllegalStateException("offering_version row 7 has no price")))
                .isEqualTo("internal error");
        assertThat(FailureKind.describe(new IllegalStateException("secret internals"), "catalog"))
                .isEqualTo("internal error (details in the catalog service's log under this job's id)")
                .doesNotContain("secret");
    }
}
