package io.accord.settlement.statement;

import io.accord.settlement.fx.FxRateUses;
import io.accord.settlement.period.SettlementPeriods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The statements whose lines name an FX rate (since V85, and earlier lines whose rate V85 could tell). */
@Component
class StatementFxRateUses implements FxRateUses {

    private final JdbcClient jdbc;
    private final SettlementPeriods periods;

    StatementFxRateUses(JdbcClient jdbc, SettlementPeriods periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    @Override
    public List<StatementUse> statementsUsing(UUID rateId) {
        return jdbc.sql("""
                        select s.id, s.state, s.document_number from statement s
                        where s.state <> 'DISCARDED'
                          and exists (select 1 from statement_line l where l.statement_id = s.id
                                                                          and l.fx_rate_id = :rate)
                        order by s.created_at, s.id""")
                .param("rate", rateId)
                .query((rs, row) -> {
                    Statement.State state = Statement.State.valueOf(rs.getString("state"));
                    return new StatementUse(rs.getObject("id", UUID.class), state.name(),
                            rs.getString("document_number"), state.issued());
                }).list();
    }

    /**
     * By the converted lines' currencies (not their {@code fx_rate_id}, which lines drafted before V85 may lack), the
     * period ends read from the periods feature, one partner at a time.
     */
    @Override
    public Optional<IssuedConversion> latestIssuedConversion(String base, String quote) {
        record Issued(UUID id, UUID partnerId, UUID periodId, String documentNumber) {
        }
        List<Issued> issued = jdbc.sql("""
                        select s.id, s.partner_id, s.period_id, s.document_number from statement s
                        where s.state in ('ISSUED', 'PAID') and s.currency = :quote
                          and exists (select 1 from statement_line l where l.statement_id = s.id
                                        and l.source_currency = :base and l.fx_rate is not null)""")
                .param("base", base).param("quote", quote)
                .query((rs, row) -> new Issued(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                        rs.getObject("period_id", UUID.class), rs.getString("document_number"))).list();
        Map<UUID, SettlementPeriods.Period> ofTheirPartners = issued.stream().map(Issued::partnerId).distinct()
                .flatMap(partner -> periods.ofPartner(partner).stream())
                .collect(Collectors.toMap(SettlementPeriods.Period::id, Function.identity()));
        return issued.stream().filter(statement -> ofTheirPartners.containsKey(statement.periodId()))
                .map(statement -> new IssuedConversion(statement.id(), statement.documentNumber(),
                        ofTheirPartners.get(statement.periodId()).endAt()))
                .max(Comparator.comparing(IssuedConversion::periodEnd));
    }
}
