package io.accord.settlement.fx;

import io.accord.contracts.value.Money;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.PlainDecimal;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Effective-dated exchange rates, loaded by finance and audited: a rate of a currency pair is in force from its
 * {@code validFrom} until the next rate of the pair. Statements convert at the rate in force at the period's end
 * ({@link #rateClosing}: its last instant, so a rate valid from the exclusive end belongs to the next period) and show
 * it with its id. Four-eyes: a loaded or corrected rate is PROPOSED, and in force only once a second finance user
 * confirmed it ({@link RateVersion}); a proposed one may be rejected instead ({@link #reject}). Rates are never changed
 * or deleted: a correction is a new version of the pair and {@code validFrom} that supersedes the old one once
 * confirmed, refused once an issued statement used it. No backdating past issued figures: a new rate valid from
 * before the end of the latest period an issued statement converted the pair for is refused (422 at the load, 409 at
 * its confirmation), so the rate in force at every instant an issued statement converted at stays the one it used;
 * confirmations and issues of the same pair are serialised ({@link #holdPairs}). {@link #inForceKnownAt} answers which
 * rate was in force at an instant as the confirmed rates stood at another (what an auditor reproduces a past
 * conversion with).
 */
@Service
public class FxRates {

    static final int MAX_SCALE = 10;
    private static final int MAX_INTEGER_DIGITS = 14;

    private final FxRateStore store;
    private final FxRateUses uses;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    FxRates(FxRateStore store, FxRateUses uses, AuditTrail audit, Tenancy tenancy, Clock clock) {
        this.store = store;
        this.uses = uses;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * The rate of the pair in force at {@code at} (1 {@code base} = rate {@code quote}); empty when none was confirmed
     * from on or before it (a PROPOSED rate is not in force). The same currency on both sides is always 1.
     */
    @Transactional(readOnly = true)
    public Optional<FxRate> rateAt(String baseCurrency, String quoteCurrency, Instant at) {
        if (baseCurrency.equals(quoteCurrency)) {
            return Optional.of(new FxRate(null, baseCurrency, quoteCurrency, BigDecimal.ONE, Instant.EPOCH, null,
                    null));
        }
        return store.inForce(baseCurrency, quoteCurrency, at);
    }

    /**
     * The rate of the pair in force at the last instant of a period ending (exclusively) at {@code end}: the latest
     * confirmed with a {@code validFrom} before {@code end} (runs never convert at a PROPOSED rate). A rate valid from
     * {@code end} itself is the next period's first rate, so it never converts this period, whether it was loaded
     * before the run or after.
     */
    @Transactional(readOnly = true)
    public Optional<FxRate> rateClosing(String baseCurrency, String quoteCurrency, Instant end) {
        if (baseCurrency.equals(quoteCurrency)) {
            return rateAt(baseCurrency, quoteCurrency, end);
        }
        return store.inForceBefore(baseCurrency, quoteCurrency, end);
    }

    /** A first rate of the pair from {@code validFrom}: PROPOSED until a second finance user confirms it. */
    @Transactional
    RateVersion load(FxRateResources.LoadFxRate request) {
        String base = currency("baseCurrency", request.baseCurrency());
        String quote = currency("quoteCurrency", request.quoteCurrency());
        if (base.equals(quote)) {
            throw new InvalidInputException("quoteCurrency", "quoteCurrency must differ from baseCurrency (" + base
                    + ")");
        }
        BigDecimal rate = rate(request.rate());
        backdatedPastIssued(base, quote, request.validFrom()).ifPresent(issued -> {
            throw new FxRateBackdated(base, quote, request.validFrom(), issued);
        });
        store.loadedFrom(base, quote, request.validFrom()).ifPresent(existing -> {
            throw new ConflictException("A " + base + "/" + quote + " rate valid from " + request.validFrom()
                    + " is already loaded (" + existing + "): correct it with POST " + FxRateResources.PATH + "/"
                    + existing + "/correction (or the version in force, " + FxRateResources.PATH
                    + "?base=" + base + "&quote=" + quote + ")");
        });
        RateVersion loaded = RateVersion.loaded(new FxRate(UUID.randomUUID(), base, quote, rate,
                request.validFrom(), tenancy.actor(), clock.instant()));
        store.insert(loaded);
        audit.record(null, "FxRate", loaded.rate.id().toString(), "loaded", null,
                FxRateResources.FxRateView.of(loaded));
        return loaded;
    }

    /**
     * A corrected rate for the same pair and {@code validFrom}: a new PROPOSED version; the corrected one stays in
     * force until a second finance user confirms the correction, which supersedes it. Refused (409) while another
     * correction of it is pending, and once an issued statement converted at it (the fix is then a credit or debit
     * note; the problem names the statements). Draft and approved statements that used it keep its value until
     * they are discarded and drafted again; their {@code warnings} say so ({@code FX_RATE_SUPERSEDED}) and their issue
     * is refused meanwhile (409 {@code fx-rate-superseded}).
     */
    @Transactional
    RateVersion correct(UUID id, FxRateResources.CorrectFxRate request) {
        BigDecimal rate = rate(request.rate());
        RateVersion corrected = store.lock(id).orElseThrow(() -> new NotFoundException("FX rate", id));
        store.pendingCorrectionOf(id).ifPresent(pending -> {
            throw new ConflictException("FX rate " + id + " has a correction pending confirmation (" + pending
                    + "): confirm it, or correct that one");
        });
        refuseOnceIssued(corrected, "corrected");
        FxRate old = corrected.rate;
        RateVersion correction = RateVersion.correcting(corrected, new FxRate(UUID.randomUUID(), old.baseCurrency(),
                old.quoteCurrency(), rate, old.validFrom(), tenancy.actor(), clock.instant()),
                request.reason().strip());
        store.insert(correction);
        audit.record(null, "FxRate", correction.rate.id().toString(), "corrected",
                FxRateResources.FxRateView.of(corrected), FxRateResources.FxRateView.of(correction));
        return correction;
    }

    /**
     * A second finance user confirms a proposed rate (four-eyes: whoever loaded or corrected it may not, 409); from
     * then on runs convert at it. Confirming a correction supersedes the versions it replaces (audited each), unless
     * an issued statement converted at one of them meanwhile (409). Under the pair's lock ({@link #holdPairs}), taken
     * before the version's row: a statement converting the pair that is being issued meanwhile is committed first
     * and then refuses the confirmation, as an earlier issue would.
     */
    @Transactional
    RateVersion confirm(UUID id, String by) {
        FxRate proposed = store.version(id).orElseThrow(() -> new NotFoundException("FX rate", id)).rate;
        store.lockPairs(List.of(pair(proposed.baseCurrency(), proposed.quoteCurrency())));
        RateVersion version = store.lock(id).orElseThrow(() -> new NotFoundException("FX rate", id));
        FxRateResources.FxRateView before = FxRateResources.FxRateView.of(version);
        Instant now = clock.instant();
        version.confirm(by, now);
        if (version.corrects == null) {
            FxRate rate = version.rate;
            backdatedPastIssued(rate.baseCurrency(), rate.quoteCurrency(), rate.validFrom()).ifPresent(issued -> {
                throw new ConflictException("FX rate " + id + " is valid from " + rate.validFrom() + ", before "
                        + issued.periodEnd() + ": since it was loaded, statement " + issued.documentNumber() + " ("
                        + issued.statementId() + ") was issued converting " + rate.baseCurrency() + "→"
                        + rate.quoteCurrency() + " for the period ending then; load a rate valid from "
                        + issued.periodEnd() + " or later instead");
            });
        }
        List<RateVersion> replaced = store.othersInForceOrProposed(version);
        replaced.stream().filter(other -> id.equals(other.corrects)).findFirst().ifPresent(correction -> {
            throw new ConflictException("FX rate " + id + " was corrected by " + correction.rate.id()
                    + " before it was confirmed: confirm the correction instead");
        });
        for (RateVersion other : replaced) {
            refuseOnceIssued(other, "superseded by " + id);
            FxRateResources.FxRateView otherBefore = FxRateResources.FxRateView.of(other);
            other.supersede(version, now);
            store.update(other);
            audit.record(null, "FxRate", other.rate.id().toString(), "superseded", otherBefore,
                    FxRateResources.FxRateView.of(other));
        }
        store.update(version);
        audit.record(null, "FxRate", id.toString(), "confirmed", before, FxRateResources.FxRateView.of(version));
        return version;
    }

    /**
     * A proposed rate that is not to be confirmed, with the reason: rejected by a second finance user (finance), or
     * withdrawn by whoever loaded or corrected it; REJECTED, kept and never in force (a rejected first load frees its
     * pair and {@code validFrom} for a new load; a rejected correction leaves the corrected version in force). 409
     * unless PROPOSED. Audited as {@code rejected} or {@code withdrawn}.
     */
    @Transactional
    RateVersion reject(UUID id, String by, FxRateResources.RejectFxRate request) {
        RateVersion version = store.lock(id).orElseThrow(() -> new NotFoundException("FX rate", id));
        FxRateResources.FxRateView before = FxRateResources.FxRateView.of(version);
        boolean withdrawn = version.reject(by, clock.instant(), request.reason().strip());
        store.update(version);
        audit.record(null, "FxRate", id.toString(), withdrawn ? "withdrawn" : "rejected", before,
                FxRateResources.FxRateView.of(version));
        return version;
    }

    /**
     * Takes the locks of the pairs {@code base → quote} for each of {@code bases} until the calling transaction ends,
     * always in the same order. Issuing a statement holds the pairs it converted: the confirmation of a correction or
     * of a backdated first rate of such a pair ({@link #confirm}, which holds its pair) then waits until the issue
     * committed and refuses itself (409), and an issue waits for a confirmation under way. Without it, a confirmation
     * that read the statement as still APPROVED superseded the rate it was being issued with.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdPairs(Collection<String> bases, String quote) {
        List<String> pairs = bases.stream().filter(base -> !base.equals(quote)).map(base -> pair(base, quote))
                .distinct().sorted().toList();
        if (!pairs.isEmpty()) {
            store.lockPairs(pairs);
        }
    }

    private static String pair(String base, String quote) {
        return base + "/" + quote;
    }

    /** Whether the rate converted lines of statements not yet issued: their drafts still show its old value. */
    @Transactional(readOnly = true)
    public Optional<Supersession> supersession(UUID rateId) {
        return store.version(rateId).filter(version -> version.state() == RateVersion.State.SUPERSEDED)
                .map(version -> new Supersession(rateId, version.rate.rate(), version.supersededByRate(),
                        version.supersededBy(), version.supersededAt(), version.supersessionReason()));
    }

    /**
     * The latest issued conversion of the pair, when a first rate valid from {@code validFrom} would change the rate in
     * force before its period's end (corrections have their own rule: {@link #refuseOnceIssued}).
     */
    private Optional<FxRateUses.IssuedConversion> backdatedPastIssued(String base, String quote, Instant validFrom) {
        return uses.latestIssuedConversion(base, quote).filter(issued -> validFrom.isBefore(issued.periodEnd()));
    }

    private void refuseOnceIssued(RateVersion version, String action) {
        List<FxRateUses.StatementUse> issued = uses.statementsUsing(version.rate.id()).stream()
                .filter(FxRateUses.StatementUse::issued).toList();
        if (!issued.isEmpty()) {
            throw new ConflictException("FX rate " + version.rate.id() + " cannot be " + action + ": issued "
                    + "statements converted at it: " + issued.stream().map(use -> use.documentNumber() + " ("
                    + use.statementId() + ")").collect(Collectors.joining(", ")) + "; correct them with credit or "
                    + "debit notes instead");
        }
    }

    /** The rate in force of a pair named by a caller: 400 for a malformed currency, 404 when none is. */
    @Transactional(readOnly = true)
    FxRate inForce(String base, String quote, Instant at) {
        return rateAt(currency("base", base), currency("quote", quote), at)
                .orElseThrow(() -> new NotFoundException("FX rate " + base + "/" + quote + " in force at", at));
    }

    /**
     * The rate of the pair in force at {@code at} as the rates stood at {@code knownAt}: among the versions confirmed
     * by then and not superseded by then (a version's correction confirmed later still counts as not confirmed), the
     * latest valid from on or before {@code at}. 404 when none was.
     */
    @Transactional(readOnly = true)
    FxRate inForceKnownAt(String base, String quote, Instant at, Instant knownAt) {
        String baseCurrency = currency("base", base);
        String quoteCurrency = currency("quote", quote);
        Optional<FxRate> rate = baseCurrency.equals(quoteCurrency) ? rateAt(baseCurrency, quoteCurrency, at)
                : store.inForceKnownAt(baseCurrency, quoteCurrency, at, knownAt);
        return rate.orElseThrow(() -> new NotFoundException("FX rate " + base + "/" + quote + " in force at " + at
                + " as known at", knownAt));
    }

    @Transactional(readOnly = true)
    RateVersion get(UUID id) {
        return store.version(id).orElseThrow(() -> new NotFoundException("FX rate", id));
    }

    @Transactional(readOnly = true)
    Page<RateVersion> list(String base, String quote, String state, org.springframework.data.domain.Pageable page) {
        return store.list(base == null ? null : currency("base", base), quote == null ? null : currency("quote", quote),
                state == null ? null : state(state), page);
    }

    private static String state(String value) {
        try {
            return RateVersion.State.valueOf(value.strip()).name();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("state", "state must be one of PROPOSED, CONFIRMED, SUPERSEDED, "
                    + "REJECTED, was '" + value + "'");
        }
    }

    private static String currency(String field, String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidInputException(field, field + " must be an ISO 4217 code of three capital letters, was '"
                    + code + "'");
        }
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(field, field + " '" + code + "' is not an ISO 4217 currency");
        }
        return code;
    }

    private static BigDecimal rate(String text) {
        BigDecimal rate = PlainDecimal.parse(text);
        if (rate == null) {
            throw new InvalidInputException("rate", "rate " + PlainDecimal.mustBe("\"0.9215\"", MAX_SCALE)
                    + ", was '" + text + "'");
        }
        if (rate.signum() <= 0) {
            throw new InvalidInputException("rate", "rate must be positive, was " + text);
        }
        if (rate.stripTrailingZeros().scale() > MAX_SCALE
                || rate.precision() - rate.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidInputException("rate", "rate has at most " + MAX_INTEGER_DIGITS + " integer digits and "
                    + MAX_SCALE + " decimals, was " + text);
        }
        return rate.stripTrailingZeros();
    }

    /**
     * A rate that a confirmed correction replaced.
     *
     * @param rate       the value it had (what draft statements converted at it show)
     * @param correction the version in force instead
     * @param by         who corrected it
     * @param at         when the correction was confirmed
     * @param reason     the correction's reason
     */
    public record Supersession(UUID rateId, BigDecimal rate, UUID correction, String by, Instant at, String reason) {
    }

    /**
     * An exchange rate: 1 {@code baseCurrency} = {@code rate} {@code quoteCurrency}, from {@code validFrom} on.
     *
     * @param id {@code null} for the identity rate of a currency with itself
     */
    public record FxRate(UUID id, String baseCurrency, String quoteCurrency, BigDecimal rate, Instant validFrom,
                         String loadedBy, Instant loadedAt) {

        /** {@code amount} in the base currency converted to the quote currency, at 6 decimals (HALF_EVEN). */
        public Money convert(Money amount) {
            if (!amount.currency().equals(baseCurrency)) {
                throw new IllegalArgumentException("the rate converts " + baseCurrency + ", not "
                        + amount.currency());
            }
            return Money.of(amount.amount().multiply(rate), quoteCurrency);
        }
    }
}
