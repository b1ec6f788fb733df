package io.accord.settlement.statement;

import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a prior-period usage line adjusts (its {@code reference}): per closed period its late records belong to, the
 * period, how many late records of it the line carries, and that period's statement (its number once issued, else its
 * id) with the usage line of the same offering, usage type, direction and unit it corrects, where one exists. Usage
 * placed late before V75 is not known by its own period: its line keeps no reference.
 */
final class PriorPeriodReferences {

    private PriorPeriodReferences() {
    }

    /** A prior-period sum's key. */
    record Key(String offeringId, String usageType, String direction, String currency, String billedUnit) {

        static Key of(LineDraft draft) {
            return new Key(draft.offeringId(), draft.usageType(), draft.direction(), draft.amount().currency(),
                    draft.usage() == null ? null : draft.usage().unit());
        }
    }

    /**
     * The reference of each prior-period key of the period's late usage.
     *
     * @param origins    the late usage the period took, by own period ({@link UsageSums#lateOrigins})
     * @param periods    the partner's periods
     * @param statements the partner's statements (not discarded) of the periods the late usage belongs to
     */
    static Map<Key, String> of(List<UsageSums.LateOrigin> origins, List<SettlementPeriods.Period> periods,
                               List<Statement> statements) {
        Map<UUID, SettlementPeriods.Period> byId = periods.stream()
                .collect(Collectors.toMap(SettlementPeriods.Period::id, Function.identity()));
        Map<UUID, Statement> statementOf = statements.stream()
                .collect(Collectors.toMap(Statement::periodId, Function.identity(), (one, other) -> one));
        Map<Key, List<UsageSums.LateOrigin>> byKey = new LinkedHashMap<>();
        for (UsageSums.LateOrigin origin : origins) {
            byKey.computeIfAbsent(new Key(origin.offeringId(), origin.usageType(), origin.direction(),
                    origin.currency(), origin.billedUnit()), key -> new ArrayList<>()).add(origin);
        }
        Map<Key, String> references = new LinkedHashMap<>();
        byKey.forEach((key, ofKey) -> {
            List<String> parts = ofKey.stream()
                    .filter(origin -> byId.containsKey(origin.usagePeriodId()))
                    .sorted(Comparator.comparing(origin -> byId.get(origin.usagePeriodId()).startAt()))
                    .map(origin -> part(key, origin, byId.get(origin.usagePeriodId()),
                            statementOf.get(origin.usagePeriodId())))
                    .toList();
            if (!parts.isEmpty()) {
                references.put(key, String.join("; ", parts));
            }
        });
        return references;
    }

    /**
     * {@code period 2026-03-01 – 2026-04-01 (2 late records): statement ACC-2026-000001, line <statement id>-1}; the
     * statement by its id while not issued, without a line when it has none of the key, without a statement when the
     * period has none.
     */
    private static String part(Key key, UsageSums.LateOrigin origin, SettlementPeriods.Period period,
                               Statement statement) {
        String text = "period " + date(period.startAt()) + " – " + date(period.endAt()) + " ("
                + origin.recordCount() + (origin.recordCount() == 1 ? " late record)" : " late records)");
        if (statement == null) {
            return text;
        }
        text += ": statement " + (statement.documentNumber() != null ? statement.documentNumber()
                : statement.id().toString());
        int corrected = correctedLine(key, statement.lines());
        return corrected == 0 ? text : text + ", line " + StatementDocument.lineId(statement.id(), corrected);
    }

    /** The number (1, 2...) of the closed statement's usage line of the key, its unit first; 0 for none. */
    private static int correctedLine(Key key, List<StatementLine> lines) {
        String type = ("PAYABLE_TO_PARTNER".equals(key.direction()) ? LineKind.USAGE_REVENUE_SHARE
                : LineKind.WHOLESALE).name();
        int sameOffering = 0;
        for (int i = 0; i < lines.size(); i++) {
            StatementLine line = lines.get(i);
            if (type.equals(line.type()) && Objects.equals(key.offeringId(), line.offeringId())
                    && Objects.equals(key.usageType(), line.usageType())) {
                if (Objects.equals(key.billedUnit(), line.usage() == null ? null : line.usage().unit())) {
                    return i + 1;
                }
                if (sameOffering == 0) {
                    sameOffering = i + 1;
                }
            }
        }
        return sameOffering;
    }

    private static LocalDate date(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
