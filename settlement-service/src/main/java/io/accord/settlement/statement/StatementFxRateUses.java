package io.accord.settlement.statement;

import io.accord.settlement.fx.FxRateUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** The statements whose lines name an FX rate (since V85, and earlier lines whose rate V85 could tell). */
@Component
class StatementFxRateUses implements FxRateUses {

    private final JdbcClient jdbc;

    StatementFxRateUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
