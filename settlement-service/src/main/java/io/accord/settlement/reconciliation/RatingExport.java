package io.accord.settlement.reconciliation;

import io.accord.contracts.CorrelationIds;
import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.platform.csv.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Rating's streamed export of a partner's rated usage, read over HTTP with the caller's bearer token relayed:
 * {@code GET {rating-url}/api/rating/rated?partnerId=&from=&to=} with {@code Accept: text/csv}; columns in order
 * ratedId, source, usageId, subscriberId, usageTime, usageType, quantity, unit, currency, charge, partnerAmount,
 * direction, offeringId, productInstanceId, reversalOf, and since the measured quantity, measuredQuantity and
 * measuredUnit (a header row naming them is skipped; the matcher compares the measured quantity when present, in its
 * dimension's base unit: {@link #inBaseUnit}); rating only appends columns (taxCategory next), which are not read
 * here. The response is read as it arrives, one record at a time.
 */
@Component
class RatingExport {

    static final String PATH = "/api/rating/rated";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final URI ratingUrl;
    private final Duration firstByteTimeout;
    private final HttpClient http;

    RatingExport(RatingProperties rating, ReconciliationProperties properties) {
        this.ratingUrl = rating.ratingUrl();
        this.firstByteTimeout = properties.usage().firstByteTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(properties.usage().connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An export client of the rating at {@code ratingUrl} with the given timeouts and otherwise the defaults. */
    static RatingExport of(URI ratingUrl, Duration connectTimeout, Duration firstByteTimeout) {
        return new RatingExport(new RatingProperties(ratingUrl), new ReconciliationProperties(
                List.copyOf(LineMatching.DEFAULT_KEYS), DataSize.ofMegabytes(10), new ReconciliationProperties.Usage(
                UsageMatcher.Mode.USAGE_ID, 60, BigDecimal.ZERO, BigDecimal.ZERO, 5000, connectTimeout,
                firstByteTimeout, Duration.ofHours(2), DataSize.ofGigabytes(1))));
    }

    /** Rating refused or failed the export, or sent what is not the documented CSV. */
    static final class ExportFailed extends RuntimeException {
        ExportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The partner's rated records with a usage time in [from, to); the call starts at the first {@code hasNext}. */
    Records records(UUID partnerId, Instant from, Instant to, String bearerToken, String correlationId) {
        return records(partnerId, from, to, null, bearerToken, correlationId);
    }

    /**
     * The partner's rated records with a usage time in [from, to) and, when {@code toSequence} is given, a sequence
     * number up to it ({@code &toSequence=}); the call starts at the first {@code hasNext}.
     */
    Records records(UUID partnerId, Instant from, Instant to, Long toSequence, String bearerToken,
                    String correlationId) {
        URI uri = URI.create(ratingUrl.toString().replaceAll("/+$", "") + PATH + "?partnerId=" + partnerId
                + "&from=" + encode(from.toString()) + "&to=" + encode(to.toString())
                + (toSequence == null ? "" : "&toSequence=" + toSequence));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(firstByteTimeout)
                .header("Accept", "text/csv").header("Authorization", "Bearer " + bearerToken);
        if (correlationId != null) {
            request.header(CorrelationIds.HEADER, correlationId);
        }
        return new Records(request.build());
    }

    /** The export as an iterator; close it to release the connection. */
    final class Records implements Iterator<UsageMatcher.Record>, AutoCloseable {

        private final HttpRequest request;
        private InputStream body;
        private Iterator<CSVRecord> rows;
        private CSVParser parser;
        private UsageMatcher.Record next;
        private long read;

        private Records(HttpRequest request) {
            this.request = request;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public UsageMatcher.Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            UsageMatcher.Record record = next;
            next = null;
            return record;
        }

        long read() {
            return read;
        }

        private UsageMatcher.Record advance() {
            if (rows == null) {
                open();
            }
            try {
                while (rows.hasNext()) {
                    CSVRecord row = rows.next();
                    if (row.getRecordNumber() == 1 && "ratedId".equals(row.get(0).strip())) {
                        continue;
                    }
                    read++;
                    return parse(row);
                }
                return null;
            } catch (UncheckedIOException | IllegalStateException broken) {
                throw new ExportFailed("Rating's export broke off after " + read + " records: "
                        + broken.getMessage(), broken);
            }
        }

        private void open() {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException failed) {
                throw new ExportFailed("Rating's export at " + request.uri().getHost() + ":" + request.uri().getPort()
                        + " cannot be reached: " + failed, failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ExportFailed("Interrupted while calling rating's export", interrupted);
            }
            body = response.body();
            if (response.statusCode() != 200) {
                String detail = snippet(body);
                close();
                throw new ExportFailed("Rating's export answered " + response.statusCode()
                        + (response.statusCode() == 401 || response.statusCode() == 403
                        ? " (the caller's token may not read this partner's rated usage)" : "") + ": " + detail,
                        null);
            }
            try {
                parser = CSVParser.parse(new InputStreamReader(body, StandardCharsets.UTF_8), FORMAT);
            } catch (IOException failed) {
                throw new ExportFailed("Rating's export cannot be read: " + failed.getMessage(), failed);
            }
            rows = parser.iterator();
        }

        private UsageMatcher.Record parse(CSVRecord row) {
            if (row.size() < 15) {
                throw new ExportFailed("Rating's export line " + row.getRecordNumber() + " has " + row.size()
                        + " columns, not the 15 documented", null);
            }
            try {
                // the quantity as measured when rating sends it, otherwise the billed one; either in the base unit
                // of its dimension, as the partner's CDRs count it
                String measured = row.size() > 15 ? row.get(15).strip() : "";
                BigDecimal quantity = measured.isEmpty() ? inBaseUnit(new BigDecimal(row.get(6)), row.get(7))
                        : inBaseUnit(new BigDecimal(measured), row.size() > 16 ? row.get(16) : "");
                // rating guards the texts of the usage's sender against spreadsheet formulas (CsvCells)
                return new UsageMatcher.Record(empty(CsvCells.unguard(row.get(2))),
                        empty(CsvCells.unguard(row.get(3))), time(row.get(4)),
                        empty(row.get(5)), quantity, new BigDecimal(row.get(10)), empty(row.get(0)),
                        empty(row.get(14)));
            } catch (RuntimeException malformed) {
                throw new ExportFailed("Rating's export line " + row.getRecordNumber() + " is malformed: "
                        + malformed.getMessage(), malformed);
            }
        }

        @Override
        public void close() {
            try {
                if (parser != null) {
                    parser.close();
                } else if (body != null) {
                    body.close();
                }
            } catch (IOException closing) {
                throw new UncheckedIOException(closing);
            }
        }
    }

    /**
     * The quantity in the base unit of its unit's dimension (seconds, bytes; counted units as they are), which is
     * what a partner's CDR file counts (it states no unit): usage sent as 4 MIN is compared with a CDR of 240, not 4.
     * A unit that is no {@link UnitOfMeasure} (an older or custom one) leaves the quantity as it is.
     */
    static BigDecimal inBaseUnit(BigDecimal quantity, String unit) {
        return UnitOfMeasure.ofCode(unit).map(known -> quantity.multiply(known.baseUnits())).orElse(quantity);
    }

    /**
     * An ISO-8601 instant with its offset, as rating writes it ({@code OffsetDateTime.toString()}: seconds left out
     * when zero, e.g. {@code 2026-12-01T10:00Z}, which {@code Instant.parse} refuses).
     */
    static Instant time(String value) {
        return java.time.OffsetDateTime.parse(value.strip()).toInstant();
    }

    private static String snippet(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(500);
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException unreadable) {
            return "(no readable body: " + unreadable.getMessage() + ")";
        }
    }

    private static String empty(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
