package io.accord.settlement.reconciliation;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.FailureKind;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.upload.FileNames;
import io.accord.platform.upload.SpooledBody;
import io.accord.platform.upload.UploadSpool;
import io.accord.platform.web.CorrelationId;
import io.accord.platform.web.PlainDecimal;
import io.accord.settlement.period.SettlementPeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The partner's CDR file of an invoice and its record-level match against our rated usage. The file is streamed into
 * PostgreSQL (all or nothing); a match runs in the background on this replica: it reads the stored CDRs and rating's
 * export (called with the requesting user's token, which it relays) and hands both streams to the
 * {@link UsageMatcher}. Its progress and totals are read back; the unmatched records are downloaded as CSV.
 */
@Service
class UsageMatching implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsageMatching.class);
    static final String USAGE_MATCH = "UsageMatch";

    private final Reconciliations reconciliations;
    private final InvoiceStore invoices;
    private final UsageMatchStore matches;
    private final PartnerUsageFiles files;
    private final UsageMatcher matcher;
    private final OurUsage ours;
    private final SettlementPeriods periods;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final ReconciliationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final UploadSpool spool;
    private final ExecutorService executor;

    UsageMatching(Reconciliations reconciliations, InvoiceStore invoices, UsageMatchStore matches,
                  PartnerUsageFiles files, UsageMatcher matcher, OurUsage ours, SettlementPeriods periods,
                  AuditTrail audit, Tenancy tenancy, ReconciliationProperties properties,
                  PlatformTransactionManager transactionManager, Clock clock, UploadSpool spool) {
        this.reconciliations = reconciliations;
        this.invoices = invoices;
        this.matches = matches;
        this.files = files;
        this.matcher = matcher;
        this.ours = ours;
        this.periods = periods;
        this.audit = audit;
        this.tenancy = tenancy;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.spool = spool;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "usage-match-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Receives a CDR file into a temporary file, before any database work (the client's pace then holds no
     * connection and no lock of the invoice); a file larger than the limit is refused (413) without reading further.
     */
    SpooledBody receive(InputStream body) {
        return spool.receive(body, properties.usage().maxFileSize().toBytes(), MaxUploadSizeExceededException::new);
    }

    /**
     * Stores (or replaces) the invoice's CDR file; with any problem nothing is stored.
     *
     * @param file the received file from its first byte, each call a new stream (a file with problems is read twice)
     */
    @Transactional
    InvoiceResources.InvoiceView uploadUsage(UUID invoiceId, Supplier<InputStream> file, String fileName) {
        InvoiceStore.Invoice invoice = reconciliations.visibleInvoice(invoiceId).flatMap(found ->
                invoices.lock(found.id())).orElseThrow(() -> new NotFoundException("Partner invoice", invoiceId));
        failInterrupted(invoiceId);
        if (matches.running(invoiceId)) {
            throw new ConflictException("A usage match of invoice " + invoiceId + " is running; upload the CDR "
                    + "file again once it has ended");
        }
        matches.deleteUsage(invoiceId);
        PartnerUsageFiles.Stored stored = files.store(invoiceId, file);
        String name = FileNames.clean(fileName);
        invoices.usageFile(invoiceId, stored.rows(), stored.sha256(), name);
        audit.record(new PartnerId(invoice.partnerId()), Reconciliations.INVOICE, invoiceId.toString(),
                "USAGE_FILE_UPLOADED", invoice.usageRows() == null ? null : Map.of("rows", invoice.usageRows(),
                        "sha256", invoice.usageSha256()), Map.of("rows", stored.rows(), "sha256", stored.sha256()));
        return reconciliations.invoice(invoiceId).orElseThrow();
    }

    /**
     * Starts matching the invoice's CDRs against the rated usage its period's statement billed ({@link OurUsage}); it
     * runs once this transaction has committed, relaying the caller's token to rating.
     */
    @Transactional
    InvoiceResources.UsageMatchView start(UUID invoiceId, InvoiceResources.UsageMatchRequest request) {
        InvoiceStore.Invoice invoice = reconciliations.visibleInvoice(invoiceId).flatMap(found ->
                invoices.lock(found.id())).orElseThrow(() -> new NotFoundException("Partner invoice", invoiceId));
        UsageMatcher.Rules rules = rules(request);
        if (invoice.usageRows() == null) {
            throw new ConflictException("Invoice " + invoiceId + " has no CDR file: upload it first (PUT "
                    + InvoiceResources.INVOICES + "/" + invoiceId + "/usage-file)");
        }
        failInterrupted(invoiceId);
        if (matches.running(invoiceId)) {
            throw new ConflictException("A usage match of invoice " + invoiceId + " is running already");
        }
        String token = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getTokenValue() : null;
        if (token == null) {
            throw new ConflictException("A usage match needs a signed-in user: rating is called with its token");
        }
        SettlementPeriods.Period period = periods.find(invoice.periodId()).orElseThrow();
        OurUsage.Source source = ours.source(invoice.partnerId(), period);
        UsageMatchStore.Match match = new UsageMatchStore.Match(UUID.randomUUID(), invoiceId, invoice.partnerId(),
                rules, source.basis().name(), "RUNNING", null, null, tenancy.actor(), clock.instant(), null);
        matches.insert(match);
        Map<String, Object> started = new LinkedHashMap<>(Map.of("partnerInvoiceId", invoiceId, "mode",
                rules.mode().name(), "timeToleranceSeconds", rules.timeToleranceSeconds(), "quantityTolerance",
                rules.quantityTolerance().toPlainString(), "amountTolerance",
                rules.amountTolerance().toPlainString(), "basis", source.basis().name()));
        if (source.toSequence() != null) {
            started.put("toSequence", source.toSequence());
        }
        audit.record(new PartnerId(invoice.partnerId()), USAGE_MATCH, match.id().toString(), "STARTED", null,
                started);
        String correlationId = CorrelationId.currentOrNull();
        Runnable run = () -> run(match, source, token, correlationId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(run);
            }
        });
        return view(match);
    }

    private void run(UsageMatchStore.Match match, OurUsage.Source source, String token, String correlationId) {
        if (correlationId != null) {
            MDC.put(CorrelationId.MDC_KEY, correlationId);
        }
        try {
            Map<UsageMatcher.Outcome, UsageMatcher.Totals> totals = transactions.execute(status -> {
                try (Stream<UsageMatcher.Record> theirs = matches.theirRecords(match.invoiceId(),
                        properties.usage().batchSize());
                     OurUsage.Side our = ours.open(source, token, correlationId, properties.usage().batchSize())) {
                    return matcher.match(match.id(), theirs.iterator(), our, match.rules(), our.statement());
                }
            });
            transactions.executeWithoutResult(status -> {
                matches.completed(match.id(), totals, clock.instant());
                audit.record(new PartnerId(match.partnerId()), USAGE_MATCH, match.id().toString(), "COMPLETED",
                        null, totals);
            });
            log.info("Usage match {} of invoice {} completed: {}", match.id(), match.invoiceId(), totals);
        } catch (RuntimeException failed) {
            log.warn("Usage match {} of invoice {} failed", match.id(), match.invoiceId(), failed);
            String error = failure(failed);
            transactions.executeWithoutResult(status -> {
                matches.failed(match.id(), error, clock.instant());
                audit.record(new PartnerId(match.partnerId()), USAGE_MATCH, match.id().toString(), "FAILED", null,
                        Map.of("error", error));
            });
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    /**
     * What the partner reads of a failed match: rating's export failing is said as it is (our own words); anything
     * else by its kind only, since an exception's text names our statements and tables (logged whole above).
     */
    static String failure(Throwable failed) {
        for (Throwable link = failed; link != null; link = link.getCause()) {
            if (link instanceof RatingExport.ExportFailed export) {
                return export.getMessage();
            }
        }
        return "the match stopped at an unexpected error: " + FailureKind.describe(failed, "settlement");
    }

    private void failInterrupted(UUID invoiceId) {
        java.time.Instant now = clock.instant();
        matches.failInterrupted(invoiceId, now.minus(properties.usage().maxDuration()), now);
    }

    @Transactional(readOnly = true)
    Optional<InvoiceResources.UsageMatchView> find(UUID id) {
        return tenancy.visible(matches.find(id), match -> new PartnerId(match.partnerId())).map(this::view);
    }

    /**
     * Writes the match's unmatched records as CSV, streamed from the database in pages: not in a transaction, so
     * that no connection waits for the client to read.
     */
    void unmatchedCsv(UUID id, Writer out) {
        UsageMatchStore.Match match = tenancy.visible(matches.find(id), found -> new PartnerId(found.partnerId()))
                .orElseThrow(() -> new NotFoundException("Usage match", id));
        if (!"COMPLETED".equals(match.state())) {
            throw new ConflictException("Usage match " + id + " is " + match.state() + ": its unmatched records "
                    + "are ready when it has COMPLETED");
        }
        UnmatchedCsv csv = new UnmatchedCsv(out);
        matcher.unmatched(id, csv::write);
        csv.flush();
    }

    private UsageMatcher.Rules rules(InvoiceResources.UsageMatchRequest request) {
        ReconciliationProperties.Usage defaults = properties.usage();
        if (request == null) {
            return new UsageMatcher.Rules(defaults.mode(), defaults.timeToleranceSeconds(),
                    defaults.quantityTolerance(), defaults.amountTolerance());
        }
        UsageMatcher.Mode mode = defaults.mode();
        if (request.mode() != null) {
            try {
                mode = UsageMatcher.Mode.valueOf(request.mode().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw InvoiceRejected.of("mode", "mode must be one of " + java.util.List.of(
                        UsageMatcher.Mode.values()) + ", not '" + request.mode() + "'");
            }
        }
        int seconds = request.timeToleranceSeconds() == null ? defaults.timeToleranceSeconds()
                : request.timeToleranceSeconds();
        if (seconds < 0 || seconds > 86_400) {
            throw InvoiceRejected.of("timeToleranceSeconds", "timeToleranceSeconds must be between 0 and 86400");
        }
        return new UsageMatcher.Rules(mode, seconds,
                tolerance("quantityTolerance", request.quantityTolerance(), defaults.quantityTolerance()),
                tolerance("amountTolerance", request.amountTolerance(), defaults.amountTolerance()));
    }

    private static BigDecimal tolerance(String field, String given, BigDecimal fallback) {
        if (given == null) {
            return fallback;
        }
        BigDecimal value = PlainDecimal.parse(given);
        if (value == null) {
            throw InvoiceRejected.of(field, field + " " + PlainDecimal.mustBe("0.5", 9) + ", not '" + given + "'");
        }
        if (value.signum() < 0 || value.scale() > 9 || value.compareTo(BigDecimal.TEN.pow(12)) > 0) {
            throw InvoiceRejected.of(field, field + " must be a non-negative decimal with at most 9 decimals");
        }
        return value;
    }

    private InvoiceResources.UsageMatchView view(UsageMatchStore.Match match) {
        String href = InvoiceResources.USAGE_MATCHES + "/" + match.id();
        return new InvoiceResources.UsageMatchView(match.id(), href, match.invoiceId(), match.partnerId(),
                match.rules().mode().name(), match.basis(), match.rules().timeToleranceSeconds(),
                // as written, never in scientific notation (a stored 0 tolerance was answered as 0E-9)
                new BigDecimal(match.rules().quantityTolerance().stripTrailingZeros().toPlainString()),
                new BigDecimal(match.rules().amountTolerance().stripTrailingZeros().toPlainString()), match.state(), match.error(), match.outcomes(),
                "COMPLETED".equals(match.state()) ? href + "/unmatched" : null, match.requestedBy(),
                match.requestedAt(), match.completedAt());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
