package io.accord.catalog.importjob;

import io.accord.catalog.offering.ImportOutcome;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.partner.PartnerStatus;
import io.accord.platform.partner.PartnerView;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.problem.Problems;
import io.accord.platform.security.Tenancy;
import io.accord.platform.upload.SpooledBody;
import io.accord.platform.upload.UploadSpool;
import io.accord.platform.web.AttributeFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Accepts uploads as import jobs and answers what a caller may see of them. The runner does the importing. */
@Service
class ImportJobService {

    static final String RESOURCE_TYPE = "importJob";

    private final ImportJobStore store;
    private final PartnerView partners;
    private final Tenancy tenancy;
    private final AuditTrail audit;
    private final ImportProperties properties;
    private final Clock clock;
    private final UploadSpool spool;

    ImportJobService(ImportJobStore store, PartnerView partners, Tenancy tenancy, AuditTrail audit,
                     ImportProperties properties, Clock clock, UploadSpool spool) {
        this.store = store;
        this.partners = partners;
        this.tenancy = tenancy;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.spool = spool;
    }

    /** A file upload the caller describes; its bytes are streamed into the database, never held whole. */
    record Upload(FileFormat format, String contentType, String fileName, long declaredSize, InputStream body) {
    }

    /**
     * Receives an upload's bytes into a temporary file, before any database work; a file declared or found larger
     * than the limit is refused (413) without reading it further.
     */
    SpooledBody receive(long declaredSize, InputStream body) {
        long max = properties.maxFileSize().toBytes();
        if (declaredSize > max) {
            throw tooLarge(max);
        }
        return spool.receive(body, max, ImportJobService::tooLarge);
    }

    /**
     * Stores the file and the job in one transaction; a file that is empty, too big or not of the documented
     * shape (CSV header, JSON array) is refused and nothing stays stored.
     */
    @Transactional
    ImportJob submit(String ownerOption, String modeOption, boolean dryRun, Upload upload) {
        PartnerId owner = ImportOwner.resolve(tenancy, ownerOption);
        ImportMode mode = ImportMode.parse(modeOption);
        if (owner != null && !dryRun) {
            checkActive(owner);
        }
        long max = properties.maxFileSize().toBytes();
        if (upload.declaredSize() > max) {
            throw tooLarge(max);
        }
        ImportJob job = ImportJob.submitted(UUID.randomUUID(), owner, upload.format(), mode, dryRun,
                upload.fileName(), upload.contentType(), tenancy.actor(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.insert(job);
        tenancy.subject().ifPresent(subject -> store.setCreatedById(job.id(), subject));
        long size = copy(upload.body(), store.files().writer(job.id()), max);
        store.setFileSize(job.id(), size);
        checkShape(job);
        ImportJob stored = store.find(job.id()).orElseThrow();
        audit.record(owner, RESOURCE_TYPE, job.id().toString(), "created", null, ImportJobView.of(stored, Map.of()));
        return stored;
    }

    @Transactional(readOnly = true)
    ImportJob get(String id) {
        UUID uuid = parse(id);
        return store.find(uuid).filter(this::visible).orElseThrow(() -> new NotFoundException("ImportJob", id));
    }

    /**
     * A job that failed after its attempts at an unexpected error goes on from its checkpoint (no row twice), once the
     * cause is fixed; audited.
     *
     * @throws ConflictException a job that did not fail so (running, succeeded, or failed at its file or its rows)
     */
    @Transactional
    ImportJob resume(String id) {
        UUID uuid = parse(id);
        ImportJob before = store.lock(uuid).filter(this::visible)
                .orElseThrow(() -> new NotFoundException("ImportJob", id));
        if (!before.resumable()) {
            throw new ConflictException("import job " + id + " is " + before.status().label() + (before.status()
                    == JobStatus.FAILED ? " at its file or its rows; send the corrected file again" : "")
                    + "; only a job that failed after its attempts at an unexpected error is resumed");
        }
        ImportJob after = before.resumed(clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.clearLease(uuid);
        store.update(after);
        audit.record(after.owner(), RESOURCE_TYPE, id, "resumed", ImportJobView.of(before, null),
                ImportJobView.of(after, null));
        return after;
    }

    @Transactional(readOnly = true)
    Map<String, Long> outcomes(ImportJob job) {
        return store.outcomes(job.id());
    }

    @Transactional(readOnly = true)
    Page<ImportJob> list(Pageable page, String status) {
        java.util.Set<JobStatus> statuses = statuses(status);
        if (tenancy.isStaff()) {
            return store.list(null, true, statuses, page);
        }
        PartnerId own = tenancy.partnerId().orElseThrow(() -> new InvalidInputException("owner",
                "your token is not bound to a partner"));
        return store.list(own, false, statuses, page);
    }

    /**
     * The statuses a list asks for: TMF labels ({@code Failed}, {@code Not Started}) or their names
     * ({@code NOT_STARTED}), any case; a comma separates alternatives (TMF630). An unknown one is a 400 naming the
     * parameter and its values.
     */
    private static java.util.Set<JobStatus> statuses(String status) {
        java.util.Set<JobStatus> statuses = java.util.EnumSet.noneOf(JobStatus.class);
        for (String wanted : AttributeFilter.alternatives(status == null ? null : new String[] {status})) {
            if (wanted.isEmpty()) {
                continue;
            }
            statuses.add(Arrays.stream(JobStatus.values()).filter(known -> known.label().equalsIgnoreCase(wanted)
                            || known.name().equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("status", "status must be one of "
                            + Arrays.stream(JobStatus.values()).map(JobStatus::label)
                            .collect(java.util.stream.Collectors.joining(", ")))));
        }
        return statuses;
    }

    @Transactional(readOnly = true)
    Page<RowResult> rows(String id, String outcome, Pageable page) {
        ImportJob job = get(id);
        return store.results(job.id(), outcome(outcome), page);
    }

    /**
     * The row outcome to filter by, {@code null} for all. An unknown one is a 400 naming the parameter and its values,
     * as every other enum filter answers: filtering by it would answer an empty page, which reads as "no such rows".
     */
    private static String outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        List<String> outcomes = java.util.stream.Stream.concat(Arrays.stream(ImportOutcome.Result.values())
                .map(Enum::name), java.util.stream.Stream.of(RowResult.SKIPPED)).toList();
        return outcomes.stream().filter(name -> name.equalsIgnoreCase(outcome.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("outcome", "outcome must be one of "
                        + String.join(", ", outcomes)));
    }

    /** Only ACTIVE partners submit offerings; a dry run only checks a file, so any known partner may. */
    private void checkActive(PartnerId owner) {
        Optional<PartnerStatus> partner = partners.find(owner.value());
        if (partner.isEmpty() || !partner.get().isActive()) {
            throw new ConflictException(PartnerView.notActive(owner.value(), partner, "submit offerings"));
        }
    }

    private boolean visible(ImportJob job) {
        return tenancy.isStaff() || (job.owner() != null && tenancy.partnerId().map(job.owner()::equals)
                .orElse(false));
    }

    /** Reads the start of the stored file as the runner will: a CSV header, or the opening of a JSON array. */
    private void checkShape(ImportJob job) {
        try {
            job.format().reader(store.files().reader(job.id())).close();
        } catch (FileFormatException unreadable) {
            throw new InvalidInputException("file", unreadable.getMessage());
        }
    }

    private static long copy(InputStream in, OutputStream out, long max) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        boolean content = false;
        try (out) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
                if (!content) {
                    content = hasContent(buffer, n);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("reading the uploaded file failed", failed);
        }
        if (!content) {
            throw new InvalidInputException("file", "the file is empty");
        }
        return total;
    }

    private static boolean hasContent(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(bytes[i]) && (bytes[i] & 0xff) != 0xEF && (bytes[i] & 0xff) != 0xBB
                    && (bytes[i] & 0xff) != 0xBF) {
                return true;
            }
        }
        return false;
    }

    static ErrorResponseException tooLarge(long max) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The file is larger"
                + " than the limit of " + max + " bytes (" + (max / (1024 * 1024)) + " MB) for catalog imports.");
        problem.setProperty("limit", max);
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("ImportJob", id);
        }
    }
}
