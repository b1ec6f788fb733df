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
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * Effective-dated exchange rates, loaded by finance and audited: a rate of a currency pair is in force from its
 * {@code validFrom} until the next rate of the pair. Statements convert at the rate in force at the period's end
 * ({@link #rateClosing}: its last instant, so a rate valid from the exclusive end belongs to the next period) and show
 * it. Rates are never changed or deleted; a correction is a new rate.
 */
@Service
public class FxRates {

    static final int MAX_SCALE = 10;
    private static final int MAX_INTEGER_DIGITS = 14;

    private final FxRateStore store;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    FxRates(FxRateStore store, AuditTrail audit, Tenancy tenancy, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * The rate of the pair in force at {@code at} (1 {@code base} = rate {@code quote}); empty when none was loaded
     * from on or before it. The same currency on both sides is always 1.
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
     * loaded with a {@code validFrom} before {@code end}. A rate valid from {@code end} itself is the next period's
     * first rate, so it never converts this period, whether it was loaded before the run or after.
     */
    @Transactional(readOnly = true)
    public Optional<FxRate> rateClosing(String baseCurrency, String quoteCurrency, Instant end) {
        if (baseCurrency.equals(quoteCurrency)) {
            return rateAt(baseCurrency, quoteCurrency, end);
        }
        return store.inForceBefore(baseCurrency, quoteCurrency, end);
    }

    @Transactional
    FxRate load(FxRateResources.LoadFxRate request) {
        String base = currency("baseCurrency", request.baseCurrency());
        String quote = currency("quoteCurrency", request.quoteCurrency());
        if (base.equals(quote)) {
            throw new InvalidInputException("quoteCurrency", "quoteCurrency must differ from baseCurrency (" + base
                    + ")");
        }
        BigDecimal rate = rate(request.rate());
        if (store.exists(base, quote, request.validFrom())) {
            throw new ConflictException("A " + base + "/" + quote + " rate valid from " + request.validFrom()
                    + " is already loaded; rates are never changed: load the correction with another validFrom");
        }
        FxRate loaded = new FxRate(UUID.randomUUID(), base, quote, rate, request.validFrom(), tenancy.actor(),
                clock.instant());
        store.insert(loaded);
        audit.record(null, "FxRate", loaded.id().toString(), "loaded", null, loaded);
        return loaded;
    }

    /** The rate in force of a pair named by a caller: 400 for a malformed currency, 404 when none is. */
    @Transactional(readOnly = true)
    FxRate inForce(String base, String quote, Instant at) {
        return rateAt(currency("base", base), currency("quote", quote), at)
                .orElseThrow(() -> new NotFoundException("FX rate " + base + "/" + quote + " in force at", at));
    }

    @Transactional(readOnly = true)
    FxRate get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("FX rate", id));
    }

    @Transactional(readOnly = true)
    Page<FxRate> list(String base, String quote, org.springframework.data.domain.Pageable page) {
        return store.list(base == null ? null : currency("base", base), quote == null ? null : currency("quote", quote),
                page);
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
