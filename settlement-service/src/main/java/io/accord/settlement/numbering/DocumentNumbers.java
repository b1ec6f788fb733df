package io.accord.settlement.numbering;

import io.accord.settlement.issuer.IssuingEntities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Gap-free document numbers per issuing entity and year: {@code PREFIX-YEAR-NNNNNN}, 1, 2, 3, ... with no gap and
 * no duplicate. The number is taken inside the issuing transaction ({@link Propagation#MANDATORY}): the counter
 * row stays locked until that transaction ends, so concurrent issues of the same entity and year queue, and a
 * transaction that rolls back gives its number back (the next issue takes it), which is what makes the sequence
 * gap-free. The price is that issues of one entity and year are serialised: keep the issuing transaction short.
 */
@Service
public class DocumentNumbers {

    private final JdbcClient jdbc;
    private final IssuingEntities entities;
    private final Clock clock;

    DocumentNumbers(JdbcClient jdbc, IssuingEntities entities, Clock clock) {
        this.jdbc = jdbc;
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * The next number of the entity and year, registered for {@code documentRef} (e.g. the statement id) in the
     * caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DocumentNumber assign(String issuingEntityId, int year, String documentRef) {
        IssuingEntities.IssuingEntity entity = entities.get(issuingEntityId);
        long number = jdbc.sql("""
                        insert into document_number_counter (issuing_entity, year, last_number) values (:e, :y, 1)
                        on conflict (issuing_entity, year)
                        do update set last_number = document_number_counter.last_number + 1
                        returning last_number
                        """)
                .param("e", entity.id()).param("y", year).query(Long.class).single();
        String formatted = "%s-%d-%06d".formatted(entity.documentNumberPrefix(), year, number);
        jdbc.sql("""
                        insert into document_number (issuing_entity, year, number, formatted, document_ref, assigned_at)
                        values (:e, :y, :n, :formatted, :ref, :at)
                        """)
                .param("e", entity.id()).param("y", year).param("n", number).param("formatted", formatted)
                .param("ref", documentRef).param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return new DocumentNumber(entity.id(), year, number, formatted, documentRef);
    }

    /** Every number given to the entity in the year, in order: the register auditors check for gaps. */
    @Transactional(readOnly = true)
    public List<DocumentNumber> register(String issuingEntityId, int year) {
        return jdbc.sql("""
                        select * from document_number where issuing_entity = :e and year = :y order by number
                        """)
                .param("e", issuingEntityId).param("y", year)
                .query((rs, row) -> new DocumentNumber(rs.getString("issuing_entity"), rs.getInt("year"),
                        rs.getLong("number"), rs.getString("formatted"), rs.getString("document_ref")))
                .list();
    }

    /** A number given to a document. */
    public record DocumentNumber(String issuingEntityId, int year, long number, String formatted,
                                 String documentRef) {
    }
}
