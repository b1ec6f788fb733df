package io.accord.settlement.reconciliation;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Rows streamed into PostgreSQL with {@code COPY … FROM STDIN (FORMAT csv)} on the given connection: only a write
 * buffer is held, whatever the number of rows. {@code null} is written as an unquoted empty field (COPY's NULL),
 * every text quoted.
 */
final class CopyWriter implements AutoCloseable {

    private final PGCopyOutputStream copy;
    private final Writer out;
    private boolean first = true;

    CopyWriter(Connection connection, String copySql) throws SQLException {
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }

    CopyWriter text(String value) {
        separator();
        if (value != null) {
            write('"' + value.replace("\"", "\"\"") + '"');
        }
        return this;
    }

    CopyWriter number(BigDecimal value) {
        separator();
        if (value != null) {
            write(value.toPlainString());
        }
        return this;
    }

    CopyWriter number(long value) {
        separator();
        write(Long.toString(value));
        return this;
    }

    CopyWriter uuid(UUID value) {
        separator();
        write(value.toString());
        return this;
    }

    CopyWriter instant(Instant value) {
        separator();
        if (value != null) {
            write(OffsetDateTime.ofInstant(value, ZoneOffset.UTC).toString());
        }
        return this;
    }

    void endRow() {
        write("\n");
        first = true;
    }

    /** Ends the COPY: the rows are written when this returns. */
    long finish() {
        try {
            out.flush();
            return copy.endCopy();
        } catch (IOException | SQLException failed) {
            throw new IllegalStateException("COPY failed: " + failed.getMessage(), failed);
        }
    }

    /** Abandons the COPY if it is still open: nothing it received is written. */
    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is failing; its transaction rolls back and the COPY with it
        }
    }

    private void separator() {
        if (!first) {
            write(",");
        }
        first = false;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
