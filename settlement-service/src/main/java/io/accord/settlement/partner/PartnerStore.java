package io.accord.settlement.partner;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.PartnerActivated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The partner read model's two tables, in plain SQL; the order rules live in {@link PartnerEventsListener}. */
@Repository
class PartnerStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PartnerStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The activation's columns; an end that arrived first keeps its own. */
    void activated(AgreementActivated event) {
        jdbc.sql("""
                        insert into agreement_view (agreement_id, partner_id, version, business_model, in_force_from,
                                                    valid_until, currency, settlement_cycle, terms, updated_at)
                        values (:id, :partner, :version, :model, :from, :until, :currency, :cycle,
                                cast(:terms as jsonb), :at)
                        on conflict (agreement_id) do update set version = excluded.version,
                            business_model = excluded.business_model, in_force_from = excluded.in_force_from,
                            valid_until = excluded.valid_until, currency = excluded.currency,
                            settlement_cycle = excluded.settlement_cycle, terms = excluded.terms,
                            updated_at = excluded.updated_at
                        """)
                .param("id", event.agreementId()).param("partner", UUID.fromString(event.partnerId()))
                .param("version", event.version()).param("model", event.businessModel())
                .param("from", timestamp(event.inForceFrom())).param("until", timestamp(event.validUntil()))
                .param("currency", event.terms().currency()).param("cycle", event.terms().settlementCycle())
                .param("terms", json.writeValueAsString(event.terms())).param("at", timestamp(event.occurredAt()))
                .update();
    }

    /**
     * The end's columns; the earliest end wins, so a redelivered or late end never moves it later. A version that
     * never came into force ({@code inForceUntil} null) is marked so.
     */
    void ended(String agreementId, UUID partnerId, Instant inForceUntil, String reason, Instant at) {
        jdbc.sql("""
                        insert into agreement_view (agreement_id, partner_id, ended_at, end_reason, never_in_force,
                                                    updated_at)
                        values (:id, :partner, :until, :reason, :never, :at)
                        on conflict (agreement_id) do update set
                            ended_at = case when agreement_view.ended_at is null then excluded.ended_at
                                            when excluded.ended_at is null then agreement_view.ended_at
                                            else least(agreement_view.ended_at, excluded.ended_at) end,
                            end_reason = coalesce(agreement_view.end_reason, excluded.end_reason),
                            never_in_force = agreement_view.never_in_force or excluded.never_in_force,
                            updated_at = excluded.updated_at
                        """)
                .param("id", agreementId).param("partner", partnerId).param("until", timestamp(inForceUntil))
                .param("reason", reason).param("never", inForceUntil == null).param("at", timestamp(at))
                .update();
    }

    List<PartnerTerms.Agreement> agreements(UUID partnerId) {
        return jdbc.sql("""
                        select * from agreement_view
                        where partner_id = :partner and terms is not null and not never_in_force
                        order by in_force_from, version
                        """)
                .param("partner", partnerId).query(this::agreement).list();
    }

    List<UUID> partnersInForce(Instant at) {
        return jdbc.sql("""
                        select distinct partner_id from agreement_view
                        where terms is not null and not never_in_force and in_force_from <= :at
                          and (valid_until is null or valid_until > :at) and (ended_at is null or ended_at > :at)
                        order by partner_id
                        """)
                .param("at", timestamp(at)).query(UUID.class).list();
    }

    /** Those of the partners with an agreement that came into force, or legal data. */
    java.util.Set<UUID> known(java.util.Collection<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("""
                        select partner_id from agreement_view
                        where partner_id = any(:partners) and terms is not null and not never_in_force
                        union
                        select partner_id from partner_legal_view where partner_id = any(:partners)
                        """)
                .param("partners", partnerIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** The sequence each part holds, to apply only newer facts. */
    record Held(Long legalSequence, boolean legalSeen, Long bankSequence, Long taxSequence) {
    }

    Optional<Held> held(UUID partnerId) {
        return jdbc.sql("""
                        select legal_sequence, legal_seen, bank_sequence, tax_sequence from partner_legal_view
                        where partner_id = :p
                        """)
                .param("p", partnerId)
                .query((rs, row) -> new Held(rs.getObject("legal_sequence", Long.class), rs.getBoolean("legal_seen"),
                        rs.getObject("bank_sequence", Long.class), rs.getObject("tax_sequence", Long.class)))
                .optional();
    }

    /** The legal data; its tax id only when {@code taxNewer} (a later PartnerTaxIdChanged keeps its own). */
    void legal(PartnerActivated event, Long sequence, boolean taxNewer) {
        PartnerActivated.Address address = event.address();
        jdbc.sql("""
                        insert into partner_legal_view (partner_id, legal_name, country, business_model,
                                settlement_currency, tax_id, tax_sequence, street1, street2, city, post_code,
                                legal_sequence, legal_seen, updated_at)
                        values (:p, :name, :country, :model, :currency, :taxId, :sequence, :street1, :street2, :city,
                                :postCode, :sequence, true, :at)
                        on conflict (partner_id) do update set legal_name = excluded.legal_name,
                            country = excluded.country, business_model = excluded.business_model,
                            settlement_currency = excluded.settlement_currency,
                            tax_id = case when :taxNewer then excluded.tax_id else partner_legal_view.tax_id end,
                            tax_sequence = case when :taxNewer then excluded.tax_sequence
                                                else partner_legal_view.tax_sequence end,
                            street1 = excluded.street1, street2 = excluded.street2, city = excluded.city,
                            post_code = excluded.post_code, legal_sequence = excluded.legal_sequence,
                            legal_seen = true, updated_at = excluded.updated_at
                        """)
                .param("p", UUID.fromString(event.partnerId())).param("name", event.legalName())
                .param("country", event.country()).param("model", event.businessModel())
                .param("currency", event.settlementCurrency()).param("taxId", event.taxId())
                .param("street1", address == null ? null : address.street1())
                .param("street2", address == null ? null : address.street2())
                .param("city", address == null ? null : address.city())
                .param("postCode", address == null ? null : address.postCode())
                .param("sequence", sequence).param("taxNewer", taxNewer).param("at", timestamp(event.occurredAt()))
                .update();
    }

    /** A tax id set or changed after the activation (PartnerTaxIdChanged); the rest of the legal data stays. */
    void taxId(UUID partnerId, String taxId, Instant changedAt, Long sequence) {
        jdbc.sql("""
                        insert into partner_legal_view (partner_id, tax_id, tax_sequence, updated_at)
                        values (:p, :taxId, :sequence, :at)
                        on conflict (partner_id) do update set tax_id = excluded.tax_id,
                            tax_sequence = excluded.tax_sequence, updated_at = excluded.updated_at
                        """)
                .param("p", partnerId).param("taxId", taxId).param("sequence", sequence)
                .param("at", timestamp(changedAt)).update();
    }

    /**
     * The confirmed account, replacing the one held: an IBAN account or one without IBAN (account number and bank
     * code), so the columns of the other form are cleared.
     */
    void bank(UUID partnerId, Account account, Instant confirmedAt, Long sequence) {
        jdbc.sql("""
                        insert into partner_legal_view (partner_id, iban, bic, account_number, bank_code,
                                                        bank_confirmed_at, bank_sequence, updated_at)
                        values (:p, :iban, :bic, :accountNumber, :bankCode, :confirmedAt, :sequence, :confirmedAt)
                        on conflict (partner_id) do update set iban = excluded.iban, bic = excluded.bic,
                            account_number = excluded.account_number, bank_code = excluded.bank_code,
                            bank_confirmed_at = excluded.bank_confirmed_at, bank_sequence = excluded.bank_sequence,
                            updated_at = excluded.updated_at
                        """)
                .param("p", partnerId).param("iban", account.iban()).param("bic", account.bic())
                .param("accountNumber", account.accountNumber()).param("bankCode", account.bankCode())
                .param("confirmedAt", timestamp(confirmedAt)).param("sequence", sequence).update();
    }

    /** A bank account as the partner events carry it: IBAN (and BIC), or account number, bank code and BIC. */
    record Account(String iban, String bic, String accountNumber, String bankCode) {
    }

    Optional<PartnerTerms.LegalData> legalData(UUID partnerId) {
        return jdbc.sql("select * from partner_legal_view where partner_id = :p").param("p", partnerId)
                .query(this::legalRow).optional();
    }

    private PartnerTerms.Agreement agreement(ResultSet rs, int row) throws SQLException {
        Instant validUntil = instant(rs, "valid_until");
        Instant endedAt = instant(rs, "ended_at");
        Instant until = validUntil == null ? endedAt
                : endedAt == null ? validUntil : endedAt.isBefore(validUntil) ? endedAt : validUntil;
        return new PartnerTerms.Agreement(rs.getString("agreement_id"), rs.getObject("partner_id", UUID.class),
                rs.getInt("version"), rs.getString("business_model"), instant(rs, "in_force_from"), until,
                rs.getString("end_reason"), json.readValue(rs.getString("terms"), AgreementActivated.Terms.class));
    }

    private PartnerTerms.LegalData legalRow(ResultSet rs, int row) throws SQLException {
        String country = rs.getString("country");
        PartnerTerms.Address address = rs.getString("street1") == null && rs.getString("city") == null ? null
                : new PartnerTerms.Address(rs.getString("street1"), rs.getString("street2"), rs.getString("city"),
                rs.getString("post_code"), country);
        PartnerTerms.BankAccount bank = rs.getString("iban") == null && rs.getString("account_number") == null ? null
                : new PartnerTerms.BankAccount(rs.getString("iban"), rs.getString("bic"),
                rs.getString("account_number"), rs.getString("bank_code"), instant(rs, "bank_confirmed_at"));
        return new PartnerTerms.LegalData(rs.getObject("partner_id", UUID.class), rs.getString("legal_name"), country,
                rs.getString("business_model"), rs.getString("settlement_currency"), rs.getString("tax_id"), address,
                bank);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
