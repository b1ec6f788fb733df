package io.accord.platform.persistence;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseRefusalsTests {

    private static RuntimeException wrapped(String sqlState) {
        return new DataIntegrityViolationException("usage pipeline", new SQLException("refused", sqlState));
    }

    @Test
    void aValueOrRowTheDatabaseRefusesIsARefusal() {
        assertThat(DatabaseRefusals.isRefusal(wrapped("22003"))).isTrue();   // numeric value out of range
        assertThat(DatabaseRefusals.isRefusal(wrapped("23514"))).isTrue();   // check constraint
        assertThat(DatabaseRefusals.isRefusal(wrapped("54000"))).isTrue();   // program limit exceeded
        assertThat(DatabaseRefusals.sqlState(wrapped("22003"))).isEqualTo("22003");
    }

    @Test
    void theDatabasesOwnTroublesAndFailuresWithoutASqlStateAreNot() {
        assertThat(DatabaseRefusals.isRefusal(wrapped("40001"))).isFalse();  // serialization failure
        assertThat(DatabaseRefusals.isRefusal(wrapped("08006"))).isFalse();  // connection failure
        assertThat(DatabaseRefusals.isRefusal(wrapped("57P01"))).isFalse();  // admin shutdown
        assertThat(DatabaseRefusals.isRefusal(new IllegalStateException("no SQL state"))).isFalse();
        assertThat(DatabaseRefusals.sqlState(new IllegalStateException("no SQL state"))).isNull();
        assertThat(DatabaseRefusals.isRefusal((String) null)).isFalse();
    }

    @Test
    void theFirstSqlStateInTheCausesDecides() {
        SQLException inner = new SQLException("refused", "22003");
        SQLException outer = new SQLException("batch failed", "40P01", inner);
        assertThat(DatabaseRefusals.isRefusal(new RuntimeException(outer))).isFalse();
        assertThat(DatabaseRefusals.isRefusal(new RuntimeException(new SQLException("batch", null, inner))))
                .isTrue();
    }
}
