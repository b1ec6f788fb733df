package io.accord.rating.rerate;

import io.accord.rating.model.UsagePriceAnnounced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * A usage price version that takes effect in the past (a price correction) re-rates the usage already rated in its
 * range: for each usage type it prices, a re-rate job over [effective from, its effective end) of the offering,
 * scheduled in the transaction that stores the price (the catalog event's inbox transaction), so the trigger is never
 * lost nor scheduled twice (the request id is the price version and usage type). Only when rated usage with another
 * price version exists in that range.
 */
class PriceCorrectionTrigger {

    private static final Logger log = LoggerFactory.getLogger(PriceCorrectionTrigger.class);
    private static final Timestamp OPEN_END = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));

    private final JdbcClient jdbc;
    private final RerateJobs jobs;
    private final Clock clock;

    PriceCorrectionTrigger(JdbcClient jdbc, RerateJobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
    }

    @EventListener
    void on(UsagePriceAnnounced price) {
        if (price.validFrom() == null || !price.validFrom().isBefore(clock.instant())) {
            return;
        }
        boolean superseded = jdbc.sql("""
                        select exists (select 1 from rating_usage_price where offering_id = :offering
                            and price_id = :priceId and version > :version and valid_from <= :from)""")
                .param("offering", price.offeringId()).param("priceId", price.priceId())
                .param("version", price.version()).param("from", Timestamp.from(price.validFrom()))
                .query(Boolean.class).single();
        if (superseded) {
            return; // a higher version replaced it before it started: never in force
        }
        Instant end = effectiveEnd(price);
        if (end != null && !end.isAfter(price.validFrom())) {
            return; // superseded before it started: never in force
        }
        for (String usageType : price.usageTypes()) {
            boolean rated = jdbc.sql("""
                            select exists (select 1 from usage_rated r where r.offering_id = :offering
                                and r.usage_time >= :from and r.usage_time < :to and r.usage_type = :type
                                and r.price_version_id <> :price and r.kind <> 'REVERSAL')""")
                    .param("offering", price.offeringId()).param("from", Timestamp.from(price.validFrom()))
                    .param("to", end == null ? OPEN_END : Timestamp.from(end)).param("type", usageType)
                    .param("price", price.priceVersionId()).query(Boolean.class).single();
            if (!rated) {
                continue;
            }
            jobs.schedule("price:" + price.priceVersionId() + ":" + usageType,
                    new RerateJobs.Scope(null, price.offeringId(), usageType, price.validFrom(), end,
                            price.priceVersionId()),
                    "price " + price.priceId() + " version " + price.version() + " in force from "
                            + price.validFrom()).ifPresent(id -> log.info("Price {} of offering {} takes effect"
                    + " retroactively from {}: re-rate job {} for {}", price.priceVersionId(), price.offeringId(),
                    price.validFrom(), id, usageType));
        }
    }

    /** Where the version ends: its own end, or where the next higher version of the same price starts after it. */
    private Instant effectiveEnd(UsagePriceAnnounced price) {
        Timestamp next = jdbc.sql("""
                        select min(valid_from) from rating_usage_price where offering_id = :offering
                        and price_id = :priceId and version > :version and valid_from > :from""")
                .param("offering", price.offeringId()).param("priceId", price.priceId())
                .param("version", price.version()).param("from", Timestamp.from(price.validFrom()))
                .query(Timestamp.class).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Instant end = price.validTo();
        if (next != null && (end == null || next.toInstant().isBefore(end))) {
            end = next.toInstant();
        }
        Timestamp stored = jdbc.sql("select valid_to from rating_usage_price where price_version_id = :id")
                .param("id", price.priceVersionId()).query(Timestamp.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (stored != null && (end == null || stored.toInstant().isBefore(end))) {
            end = stored.toInstant();
        }
        return end;
    }
}
