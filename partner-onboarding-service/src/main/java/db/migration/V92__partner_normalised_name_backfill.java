package db.migration;

import io.accord.onboarding.check.Names;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Partners created by staff before they were keyed had no normalised name, so the duplicate check never found
 * them. Fills it with the same {@link Names#normalise} the application flow uses; rows that have one keep it.
 * Java, not SQL: the normalisation (diacritics, legal forms) exists only in Java.
 */
@SuppressWarnings("checkstyle:TypeName")
public class V92__partner_normalised_name_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Map<UUID, String> names = new LinkedHashMap<>();
        try (PreparedStatement select = context.getConnection().prepareStatement(
                "select id, legal_name from partner where normalised_name is null or normalised_name = ''");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.put(rows.getObject(1, UUID.class), rows.getString(2));
            }
        }
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "update partner set normalised_name = ? where id = ?")) {
            for (Map.Entry<UUID, String> row : names.entrySet()) {
                update.setString(1, Names.normalise(row.getValue()));
                update.setObject(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
