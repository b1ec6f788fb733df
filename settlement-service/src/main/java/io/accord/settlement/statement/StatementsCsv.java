package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.platform.csv.CsvCells;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.OffsetLimit;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/**
 * Statements as CSV for finance's ERP, one row per statement (its figures, not its lines): header row, RFC 4180
 * quoting, CRLF. Texts are guarded against spreadsheet formulas ({@link CsvCells}), numbers written as numbers: net,
 * tax, total and remaining at the currency's minor unit, paid as recorded (never rounded). Reads the statement rows
 * without their lines, and each partner's periods and agreements once per file, so a page of thousands stays a few
 * queries.
 */
@Component
class StatementsCsv {

    static final String HEADER = "id,documentNumber,partnerId,periodId,periodStart,periodEnd,state,direction,"
            + "currency,netAmount,taxAmount,totalAmount,paidAmount,remainingAmount,dueDate,issuedAt";

    /** Rows of one file at most (and without {@code limit}): ~200 bytes each, a few MB. */
    static final int MAX_ROWS = 10_000;

    private final StatementStore store;
    private final SettlementPeriods periods;
    private final PartnerTerms partners;

    StatementsCsv(StatementStore store, SettlementPeriods periods, PartnerTerms partners) {
        this.store = store;
        this.periods = periods;
        this.partners = partners;
    }

    /** A page of a CSV file: offset 0 or more, limit 1..{@value #MAX_ROWS} (default that), else 400. */
    static OffsetLimit page(Integer offset, Integer limit) {
        if (offset != null && offset < 0) {
            throw new InvalidInputException("offset", "offset must be 0 or more");
        }
        if (limit != null && (limit < 1 || limit > MAX_ROWS)) {
            throw new InvalidInputException("limit", "limit of a CSV must be between 1 and " + MAX_ROWS);
        }
        return new OffsetLimit(offset == null ? 0 : offset, limit == null ? MAX_ROWS : limit, Sort.unsorted());
    }

    /** The listed statements (scoped already) as CSV lines after the header, and how many match in all. */
    Statements.Csv list(Statements.Filter scoped, boolean issuedOnly, OffsetLimit page) {
        Page<Row> rows = store.rows(scoped, issuedOnly, page);
        Lookups lookups = new Lookups();
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        rows.forEach(row -> csv.append(line(row, lookups)).append("\r\n"));
        return new Statements.Csv(csv.toString(), rows.getTotalElements(), rows.getNumberOfElements());
    }

    /** These statements' CSV lines (without line break), by id; ids of no statement are left out. */
    Map<UUID, String> lines(List<UUID> ids) {
        Lookups lookups = new Lookups();
        Map<UUID, String> lines = new HashMap<>();
        store.rows(ids).forEach(row -> lines.put(row.id(), line(row, lookups)));
        return lines;
    }

    /** A CSV line with no statement: only the period's columns filled (a run's period that drafted none). */
    static String withoutStatement(UUID partnerId, UUID periodId, Instant periodStart, Instant periodEnd) {
        return String.join(",", "", "", text(partnerId), text(periodId), instant(periodStart), instant(periodEnd),
                "", "", "", "", "", "", "", "", "", "");
    }

    private String line(Row row, Lookups lookups) {
        Optional<SettlementPeriods.Period> period = lookups.period(row.partnerId(), row.periodId());
        int digits = Math.max(0, java.util.Currency.getInstance(row.currency()).getDefaultFractionDigits());
        BigDecimal remaining = atMinorUnit(row.balance(), row.currency()).abs();
        LocalDate due = row.issuedAt() == null ? null : period.flatMap(found -> lookups.terms(row.partnerId(), found))
                .map(terms -> LocalDate.ofInstant(row.issuedAt(), ZoneOffset.UTC).plusDays(terms.paymentTermsDays()))
                .orElse(null);
        return String.join(",", text(row.id()), CsvCells.text(row.documentNumber()), text(row.partnerId()),
                text(row.periodId()), instant(period.map(SettlementPeriods.Period::startAt).orElse(null)),
                instant(period.map(SettlementPeriods.Period::endAt).orElse(null)), CsvCells.text(row.state()),
                row.total().signum() < 0 ? "RECEIVABLE" : "PAYABLE", CsvCells.text(row.currency()),
                amount(row.net(), digits), amount(row.tax(), digits), amount(row.total(), digits),
                amount(row.paid(), digits), amount(remaining, digits), due == null ? "" : due.toString(),
                instant(row.issuedAt()));
    }

    /** At the minor unit when the amount is exact there (the totals always are), else as it is: never rounded. */
    static String amount(BigDecimal value, int digits) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() <= digits ? plain.setScale(digits, RoundingMode.UNNECESSARY) : plain).toPlainString();
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** Each partner's periods and each period's agreement terms, read once per file. */
    private final class Lookups {

        private final Map<UUID, Map<UUID, SettlementPeriods.Period>> periodsByPartner = new HashMap<>();
        private final Map<UUID, Optional<AgreementActivated.Terms>> termsByPeriod = new HashMap<>();

        Optional<SettlementPeriods.Period> period(UUID partnerId, UUID periodId) {
            return Optional.ofNullable(periodsByPartner.computeIfAbsent(partnerId, partner -> {
                Map<UUID, SettlementPeriods.Period> byId = new HashMap<>();
                periods.ofPartner(partner).forEach(period -> byId.put(period.id(), period));
                return byId;
            }).get(periodId));
        }

        /** The period's agreement, as the statement's view finds it (its own, else the one in force at its start). */
        Optional<AgreementActivated.Terms> terms(UUID partnerId, SettlementPeriods.Period period) {
            return termsByPeriod.computeIfAbsent(period.id(), id -> partners.agreements(partnerId).stream()
                    .filter(agreement -> agreement.agreementId().equals(period.agreementId())).findFirst()
                    .or(() -> partners.agreementInForce(partnerId, period.startAt()))
                    .map(agreement -> agreement.terms()));
        }
    }

    /** A statement's figures as stored, without its lines. */
    record Row(UUID id, String documentNumber, UUID partnerId, UUID periodId, String state, String currency,
               BigDecimal net, BigDecimal tax, BigDecimal total, BigDecimal paid, BigDecimal balance,
               Instant issuedAt) {
    }
}
