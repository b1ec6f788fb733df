package io.accord.settlement.payment;

import io.accord.contracts.Topics;
import io.accord.contracts.events.PaymentRecorded;
import io.accord.contracts.value.Money;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.settlement.statement.Statements;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/**
 * Payments of issued statements (the feature's entry point): finance records what was paid against the statement's
 * balance (its total, plus its issued credit notes, less its issued debit notes, less what was paid), always in the
 * balance's direction (while we owe the partner we paid it, while it owes us it paid us: the statement's own
 * direction, until issued notes turn it), partial payments allowed; the statement becomes PAID when the balance is
 * exactly 0, and more than what remains is refused (422). Each payment is audited and published as {@code PaymentRecorded} through the outbox,
 * in the transaction that records it.
 */
@Service
public class Payments {

    private final PaymentStore store;
    private final Statements statements;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    Payments(PaymentStore store, Statements statements, Outbox outbox, AuditTrail audit, Tenancy tenancy,
             Clock clock) {
        this.store = store;
        this.statements = statements;
        this.outbox = outbox;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * Records a payment of the statement, in the direction of its balance: while we owe the partner (balance &gt; 0)
     * we paid it, while it owes us (balance &lt; 0) it paid us.
     *
     * @param amount    positive, at most the currency's minor unit, at most what is left to pay
     * @param currency  the statement's
     * @param paidOn    the value date: not in the future, nor before the statement's issue date (UTC)
     * @param reference the bank's reference, once per statement ignoring case (409 naming the payment that has it)
     * @param direction {@code PAYABLE} or {@code RECEIVABLE} as the caller understands the payment, {@code null}
     *                  for the balance's; another than the balance's is a 409, as is a statement totalling zero
     */
    @Transactional
    public Payment record(UUID statementId, BigDecimal amount, String currency, LocalDate paidOn, String reference,
                          String direction) {
        Statements.View before = statements.find(statementId)
                .orElseThrow(() -> new NotFoundException("Statement", statementId));
        String code = currency(currency);
        if (!code.equals(before.currency())) {
            // before the decimals, which are the statement currency's: XAU was answered "more decimals than XAU
            // has (-1)"
            throw new InvalidInputException("currency", "Statement " + (before.documentNumber() == null
                    ? statementId : before.documentNumber()) + " is in " + before.currency() + ", not " + code);
        }
        if (amount.signum() <= 0) {
            throw new InvalidInputException("amount", "amount must be positive");
        }
        if (amount.stripTrailingZeros().scale() > Currency.getInstance(code).getDefaultFractionDigits()) {
            throw new InvalidInputException("amount", "amount has more decimals than " + code + " has ("
                    + Currency.getInstance(code).getDefaultFractionDigits() + ")");
        }
        Instant now = clock.instant();
        if (paidOn.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw new InvalidInputException("paidOn", "paidOn " + paidOn + " is in the future");
        }
        // nothing is paid against a statement before it exists; one not issued yet is refused below (409)
        LocalDate issuedOn = before.issuedAt() == null ? null : LocalDate.ofInstant(before.issuedAt(), ZoneOffset.UTC);
        if (issuedOn != null && paidOn.isBefore(issuedOn)) {
            throw new InvalidInputException("paidOn", "paidOn " + paidOn + " is before statement "
                    + (before.documentNumber() == null ? statementId : before.documentNumber()) + " was issued: "
                    + "the earliest allowed is " + issuedOn + " (its issue date, UTC)");
        }
        Statements.PaymentApplied applied = statements.recordPayment(statementId, Money.of(amount, code), direction);
        // checked under the statement's row lock, so two requests with one reference cannot both pass; ignoring
        // case, as banks do: "S63-R1" and "s63-r1" are one bank movement (a unique index on lower(reference) too)
        store.withReference(statementId, reference).ifPresent(earlier -> {
            throw new ConflictException("A payment with reference '" + reference + "' is recorded for statement "
                    + (before.documentNumber() == null ? statementId : before.documentNumber()) + " already: payment "
                    + earlier.id() + " of " + earlier.amount().toPlainString() + " " + earlier.currency() + " paid on "
                    + earlier.paidOn() + ", reference '" + earlier.reference() + "' (references are compared "
                    + "ignoring case)");
        });
        Statements.View statement = applied.statement();
        Payment payment = new Payment(UUID.randomUUID(), statementId, statement.partnerId(),
                statement.documentNumber(), applied.direction(), atMinorUnit(amount, code), code, paidOn, reference,
                atMinorUnit(applied.remaining(), code), statement.state(), tenancy.actor(), now);
        store.insert(payment);
        audit.record(new PartnerId(statement.partnerId()), "SettlementStatement", statementId.toString(),
                "payment-recorded", new Paid(before.state(), before.paidAmount(), before.remainingAmount(),
                        before.remainingDirection()), payment);
        outbox.publish(Topics.SETTLEMENT_EVENTS, new PaymentRecorded(UUID.randomUUID(), now,
                payment.id().toString(), statementId.toString(), statement.partnerId().toString(),
                statement.documentNumber(), applied.direction(), atMinorUnit(amount, code).toPlainString(), code,
                atMinorUnit(applied.remaining(), code).toPlainString(), paidOn.atStartOfDay(ZoneOffset.UTC).toInstant(),
                reference));
        return payment;
    }

    /** The statement's payments, oldest first, when the caller may see the statement (else 404). */
    @Transactional(readOnly = true)
    public List<Payment> ofStatement(UUID statementId) {
        Statements.View statement = statements.find(statementId)
                .filter(found -> tenancy.canAccess(new PartnerId(found.partnerId())))
                .orElseThrow(() -> new NotFoundException("Statement", statementId));
        List<Payment> payments = store.ofStatement(statement.id());
        // a partner is not told which of our finance users recorded a payment
        return tenancy.isStaff() ? payments : payments.stream().map(Payment::withoutStaffNames).toList();
    }

    private static String currency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new InvalidInputException("currency", "'" + code + "' is not an ISO 4217 currency");
        }
    }


    private record Paid(String state, BigDecimal paidAmount, BigDecimal remainingAmount, String remainingDirection) {
    }

    /**
     * A recorded payment.
     *
     * @param direction       which way it went: {@code PAYABLE} (we paid the partner) or {@code RECEIVABLE} (the
     *                        partner paid us), the statement's balance's when it was recorded
     * @param remainingAmount what was left to pay after it (|balance|)
     * @param amount          at the currency's minor unit, as is remainingAmount
     * @param statementState  the statement's state after it ({@code ISSUED} or {@code PAID})
     * @param recordedBy      the finance user who recorded it; {@code null} to a partner
     */
    public record Payment(UUID id, UUID statementId, UUID partnerId, String documentNumber, String direction,
                          BigDecimal amount, String currency, LocalDate paidOn, String reference,
                          BigDecimal remainingAmount, String statementState, String recordedBy, Instant recordedAt) {

        Payment withoutStaffNames() {
            return new Payment(id, statementId, partnerId, documentNumber, direction, amount, currency, paidOn,
                    reference, remainingAmount, statementState, null, recordedAt);
        }
    }
}
