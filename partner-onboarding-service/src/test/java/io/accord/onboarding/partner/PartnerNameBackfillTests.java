package io.accord.onboarding.partner;

import db.migration.V92__partner_normalised_name_backfill;

import io.accord.testsupport.AccordServiceTest;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Partners created by staff before they were keyed get the normalised name the duplicate check compares. */
@AccordServiceTest
class PartnerNameBackfillTests {

    private final DataSource dataSource;

    PartnerNameBackfillTests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void fillsAnEmptyNormalisedNameAndKeepsAGivenOne() throws Exception {
        UUID empty = UUID.randomUUID();
        UUID given = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, empty, "Stréamly Média GmbH & Co. KG", null);
            insert(connection, given, "Kept Name Ltd", "kept as it was");

            new V92__partner_normalised_name_backfill().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });

            assertThat(normalisedName(connection, empty)).isEqualTo("streamly media");
            assertThat(normalisedName(connection, given)).isEqualTo("kept as it was");
        }
    }

    @Test
    void flywayRanTheBackfillAtStartup() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select success from flyway_schema_history where version = '92'");
             ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean(1)).isTrue();
        }
    }

    private static void insert(Connection connection, UUID id, String legalName, String normalisedName)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into partner (id, legal_name, partner_type, business_model, country, settlement_currency,
                                     status, created_at, updated_at, version, normalised_name)
                values (?, ?, 'RESELLER', 'RESELL', 'DE', 'EUR', 'ACTIVE', now(), now(), 0, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, legalName);
            insert.setString(3, normalisedName);
            insert.executeUpdate();
        }
    }

    private static String normalisedName(Connection connection, UUID id) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "select normalised_name from partner where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
