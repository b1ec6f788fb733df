package io.accord.portal.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The services' codes a page shows (states, types, categories, units …) and how they are labelled: the text
 * {@code code.<Kind>.<VALUE>} of the user's language ({@code ${@display.code('DisputeStatus', d.status())}} in
 * templates), else the code made readable ({@code PARTIALLY_ACCEPTED} → "Partially accepted", {@code inReview} → "In
 * review", {@code mandatory-data} → "Mandatory data") so that a value a service adds later still reads as words.
 * {@link #KNOWN} lists, in this one place, every value of every kind the portal knows of; each has a text in both
 * languages ({@code CodeLabelsTests}).
 */
public final class Codes {

    /** Kind → the values the services send for it (their enums, TMF states and check names). */
    public static final Map<String, List<String>> KNOWN = known();

    private Codes() {
    }

    private static Map<String, List<String>> known() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        // partner-onboarding-service
        kinds.put("PartnerType", List.of("OTT_CONTENT", "MVNO", "IOT", "ENTERPRISE_INTEGRATOR", "CSP_CARRIER",
                "RESELLER"));
        kinds.put("BusinessModel", List.of("SELL_THROUGH", "RESELL", "CO_CREATE"));
        kinds.put("PartnerStatus", List.of("ACTIVE", "SUSPENDED", "TERMINATED"));
        kinds.put("PartnerRole", List.of("partner-admin", "partner-user"));
        kinds.put("ApplicationStatus", List.of("DRAFT", "IN_REVIEW", "INFO_REQUESTED", "APPROVED", "REJECTED",
                "EXPIRED"));
        kinds.put("Check", List.of("mandatory-data", "tax-id", "bank-account", "duplicates", "screening",
                "documents", "agreement-terms"));
        kinds.put("CheckOutcome", List.of("PASSED", "FAILED"));
        // a check result's reasonCode (docs/onboarding-checks.md, "Reason codes"; staff's and the applicant's)
        kinds.put("CheckReason", List.of("MANDATORY_DATA_COMPLETE", "MANDATORY_DATA_MISSING",
                "MANDATORY_DATA_MALFORMED", "VAT_ID_VALID", "VAT_ID_FORMAT_VALID", "TAX_ID_PLAUSIBLE", "TAX_ID_MISSING",
                "TAX_ID_COUNTRY_MISSING", "VAT_ID_COUNTRY_MISMATCH", "VAT_ID_PREFIX_INVALID", "VAT_ID_FORMAT_INVALID",
                "VAT_ID_CHECK_DIGIT_INVALID", "TAX_ID_FORMAT_INVALID", "BANK_ACCOUNT_VALID", "BANK_ACCOUNT_INVALID",
                "NO_DUPLICATE", "DUPLICATE_TAX_ID", "DUPLICATE_LEGAL_NAME", "DUPLICATE_ADMIN_EMAIL",
                "DUPLICATE_BANK_ACCOUNT", "DUPLICATE_NOT_COMPARABLE", "POSSIBLE_DUPLICATE", "SCREENING_CLEAR",
                "SCREENING_MATCH", "SCREENING_REVIEW", "DOCUMENTS_COMPLETE", "DOCUMENTS_NONE_REQUIRED",
                "DOCUMENTS_MISSING", "AGREEMENT_TERMS_APPLY", "AGREEMENT_TERMS_OPEN_POINTS"));
        kinds.put("DocumentType", List.of("CONTRACT", "CERTIFICATE", "TAX_FORM", "IDENTITY", "BANK_PROOF", "OTHER"));
        kinds.put("AgreementStatus", List.of("DRAFT", "PENDING_APPROVAL", "APPROVED", "ACTIVE", "SUPERSEDED",
                "EXPIRED", "TERMINATED"));
        kinds.put("SettlementCycle", List.of("MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"));
        kinds.put("Signature", List.of("onboarding policy"));
        // settlement-service
        kinds.put("StatementState", List.of("DRAFT", "APPROVED", "ISSUED", "PAID", "DISCARDED"));
        kinds.put("StatementDirection", List.of("PAYABLE", "RECEIVABLE"));
        kinds.put("NoteState", List.of("DRAFT", "APPROVED", "ISSUED", "WITHDRAWN"));
        kinds.put("ReconciliationKey", List.of("OFFERING", "USAGE_TYPE", "PERIOD", "REFERENCE", "SIDE"));
        // a compared line's period (a prior-period adjustment or not) and side (whose supply it documents)
        kinds.put("ReconciliationPeriod", List.of("CURRENT", "PRIOR"));
        kinds.put("ReconciliationSide", List.of("REVENUE_SHARE", "WHOLESALE"));
        kinds.put("PartnerInvoiceState", List.of("SUBMITTED", "SUPERSEDED"));
        kinds.put("ReconciliationOutcome", List.of("MATCHED", "WITHIN_TOLERANCE", "MISMATCH", "MISSING_ON_INVOICE",
                "MISSING_ON_STATEMENT"));
        kinds.put("UsageMatchOutcome", List.of("MATCHED", "DIFFERENT_QUANTITY", "DIFFERENT_AMOUNT", "ONLY_THEIRS",
                "ONLY_OURS"));
        kinds.put("UsageMatchState", List.of("RUNNING", "COMPLETED", "FAILED"));
        kinds.put("UsageMatchMode", List.of("USAGE_ID", "KEYS"));
        kinds.put("StatementLineType", List.of("USAGE_REVENUE_SHARE", "WHOLESALE", "PRIOR_PERIOD_ADJUSTMENT",
                "RECURRING_SHARE", "ONE_TIME_SHARE", "RECURRING_WHOLESALE", "ONE_TIME_WHOLESALE", "VOLUME_TIER_BONUS",
                "MINIMUM_GUARANTEE_TOP_UP", "MINIMUM_COMMITMENT", "DISPUTE_ADJUSTMENT"));
        kinds.put("RunState", List.of("RUNNING", "COMPLETED", "FAILED"));
        kinds.put("RunItemStatus", List.of("PENDING", "DONE", "FAILED"));
        kinds.put("PeriodState", List.of("OPEN", "CLOSING", "CLOSED"));
        kinds.put("FxRateState", List.of("PROPOSED", "CONFIRMED", "SUPERSEDED", "REJECTED"));
        // catalog-service: TMF620 lifecycleStatus of offerings and prices, the review queue's own states
        kinds.put("OfferingStatus", List.of("In study", "In test", "Active", "Rejected", "Launched", "Retired",
                "Obsolete"));
        kinds.put("OfferingState", List.of("DRAFT", "IN_REVIEW", "APPROVED", "REJECTED", "LAUNCHED", "RETIRED"));
        kinds.put("PendingChange", List.of("NEW_VERSION", "NEW_PRICE_VERSION"));
        kinds.put("PriceType", List.of("oneTime", "recurring", "usage"));
        kinds.put("RateBasis", List.of("retail")); // orchestration's quote prices (docs/orchestration-quotes.md)
        kinds.put("ChargePeriod", List.of("month", "year"));
        kinds.put("ImportStatus", List.of("Not Started", "Running", "Succeeded", "Failed"));
        kinds.put("ImportPhase", List.of("COUNT", "VALIDATE", "WRITE", "DONE"));
        kinds.put("ImportResult", List.of("CREATED", "UPDATED", "NEW_VERSION", "NEW_PRICE_VERSION", "UNCHANGED",
                "INVALID", "SKIPPED"));
        // catalog and rating (shared-contracts UnitOfMeasure)
        kinds.put("Unit", List.of("B", "KB", "MB", "GB", "S", "MIN", "H", "EVENT", "MESSAGE", "API_CALL"));
        kinds.put("UsageType", List.of("VOICE", "SMS", "DATA", "API_CALL", "CONTENT_VIEW", "IOT_MESSAGE"));
        kinds.put("UsageFate", List.of("RATED", "SUSPENDED", "RECYCLED", "WRITTEN_OFF", "REPLACED"));
        kinds.put("RatingKind", List.of("RATED", "REVERSAL", "RERATED"));
        kinds.put("SuspenseReason", List.of("NO_PRODUCT_INSTANCE", "NO_PRICE", "NO_AGREEMENT", "AMBIGUOUS_PRODUCT",
                "INVALID", "TOO_OLD"));
        kinds.put("SuspenseStatus", List.of("OPEN", "RECYCLED", "WRITTEN_OFF", "REPLACED"));
        kinds.put("PartyDirection", List.of("PAYABLE_TO_PARTNER", "OWED_BY_PARTNER"));
        // orchestration-service (TMF622 orders, TMF648 quotes)
        kinds.put("OrderState", List.of("acknowledged", "inProgress", "pendingCancellation", "completed", "partial",
                "failed", "cancelled", "assessingCancellation", "held", "pending", "rejected"));
        kinds.put("ProductStatus", List.of("created", "pendingActive", "active", "suspended", "pendingTerminate",
                "terminated", "cancelled", "aborted"));
        kinds.put("SagaState", List.of("RUNNING", "COMPLETED", "COMPENSATING", "COMPENSATED", "FAILED"));
        kinds.put("StepState", List.of("PENDING", "RUNNING", "WAITING", "DONE", "FAILED", "COMPENSATING",
                "COMPENSATED", "SKIPPED"));
        kinds.put("StepType", List.of("START_FULFILMENT", "RESERVE_RESOURCE", "ALLOCATE", "ACTIVATE_AT_PARTNER",
                "DEACTIVATE_AT_PARTNER", "MODIFY_PRODUCT", "RELEASE_RESOURCES", "TERMINATE_PRODUCT", "COMPLETE"));
        kinds.put("QuoteState", List.of("inProgress", "approved", "accepted", "rejected", "expired", "cancelled"));
        // dispute-service (TMF621 trouble tickets)
        kinds.put("DisputeStatus", List.of("open", "inReview", "resolutionProposed", "accepted", "rejected",
                "resolved", "closed", "withdrawn", "escalated", "pendingInformation"));
        kinds.put("DisputeCategory", List.of("RATE", "USAGE_VOLUME", "MISSING_USAGE", "DUPLICATE_USAGE", "TAX",
                "MINIMUM_GUARANTEE", "OTHER"));
        // COUNTER_CHARGED: an accepted charge (DEBIT_PARTNER), which dispute-service used to call ACCEPTED
        kinds.put("DisputeOutcome", List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED", "COUNTER_CHARGED"));
        kinds.put("DisputeSource", List.of("PARTNER", "RECONCILIATION"));
        // what a dispute names besides its statement (a ticket's relatedEntity role)
        kinds.put("DisputedItem", List.of("StatementLine", "InvoiceLine", "ReconciliationItem",
                "ReconciliationDiscrepancy", "UsageRecord"));
        // who acted on a dispute (changedBy, a note's author, uploadedBy): a user's name as it is, but the label a
        // partner's view shows for our staff (docs/disputes.md, "Who a partner sees") and no user (system)
        kinds.put("DisputeActor", List.of("Accord", "system"));
        // every service's audit trail: the resource types its entries name
        kinds.put("AuditResource", List.of("application", "partner", "partner-user", "individual", "identity-provisioning",
                "denylist-entry", "document", "agreement", "agreement-template", "hub-subscription",
                "category", "productOffering", "productSpecification", "importJob", "exportJob", "productOrder",
                "cancelProductOrder", "saga", "quote", "product", "inventoryPool", "inventoryItem", "partnerEndpoint",
                "UsageSuspense", "UsageFileJob", "RerateJob", "SettlementPeriod", "SettlementRun", "SettlementStatement",
                "CorrectionNote", "DisputeAdjustment", "DisputeAdjustmentSetting", "FxRate", "PartnerInvoice",
                "Reconciliation", "UsageMatch", "troubleTicket", "troubleTicketInternalNote", "job-item",
                "outbox-event", "request"));
        // every service's audit trail: the actions its entries name (the literal ones; others read as words)
        kinds.put("AuditAction", List.of("CANCEL", "COMPLETE", "COMPLETED", "FAILED", "RECONCILED", "RECYCLE",
                "REQUEST", "REQUESTED", "RESUME", "SCHEDULE", "STARTED", "SUBMITTED", "SUPERSEDED", "USAGE_FILE_UPLOADED",
                "WRITE_OFF", "DONE",
                "GIVEN_UP", "access-revoked", "added", "approved", "changed", "closed", "closed-early", "closing",
                "created", "deleted", "drafted", "duplicate-dismissed", "expired", "hub-subscription-deleted",
                "hub-subscription-disabled", "hub-subscription-enabled", "hub-subscription-registered",
                "invitation-resend-requested", "invitation-sent", "issued", "itemsImported", "job-item-dismissed",
                "job-item-retried", "loaded", "lowWatermarkChanged", "opened", "outbox-event-discarded",
                "outbox-event-retried", "payment-recorded", "provisioning-requested", "provisioned",
                "provisioning-needs-attention", "provisioning-failed", "rangeGenerated", "registered", "released",
                "resumed", "retry-requested", "revocation-requested", "secret-rotated", "started",
                "transferred-to-partner", "uploaded", "version-added", "withdrawn", "submitted-and-approved",
                "submitted-for-review", "inProgress", "accepted", "rejected", "cancelled"));
        // orchestration-service: the roles of a quote's or product's related parties
        kinds.put("PartyRole", List.of("Customer", "Buyer", "SalesChannel", "Owner", "Participant"));
        return java.util.Collections.unmodifiableMap(kinds);
    }

    /** The message key of a kind's value (a space in the value as {@code _}: a properties key ends at a space). */
    public static String key(String kind, String value) {
        return "code." + kind + "." + value.strip().replace(' ', '_');
    }

    /**
     * A code as words when there is no text for it: {@code PARTIALLY_ACCEPTED}, {@code partially-accepted} and
     * {@code partiallyAccepted} all read "Partially accepted"; blank is empty.
     */
    public static String humanised(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String spaced = code.strip().replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ');
        String lower = spaced.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
