package io.accord.catalog.exportjob;

import io.accord.catalog.importjob.FileFormat;
import io.accord.catalog.importjob.JobStatus;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Export jobs as their callers see them: a partner its own, staff every one. */
@Service
class ExportJobService {

    private final ExportJobStore store;
    private final Tenancy tenancy;
    private final AuditTrail audit;
    private final Clock clock;

    ExportJobService(ExportJobStore store, Tenancy tenancy, AuditTrail audit, Clock clock) {
        this.store = store;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ExportJob request(ExportJobView.Create request) {
        if (request != null) {
            request.requireClientAttributes();
        }
        FileFormat format = request == null || request.contentType() == null || request.contentType().isBlank()
                ? FileFormat.CSV : FileFormat.ofMediaType(request.contentType()).orElseThrow(() ->
                new InvalidInputException("contentType", "contentType is text/csv or application/json"));
        String owner = owner(request == null ? null : request.query());
        PartnerId partner;
        boolean all = false;
        if (tenancy.isStaff()) {
            all = owner == null;
            partner = owner == null || owner.equalsIgnoreCase("CSP") ? null : new PartnerId(uuid(owner));
        } else {
            partner = tenancy.partnerId().orElseThrow(() -> new InvalidInputException("query",
                    "your token is not bound to a partner"));
            if (owner != null && !owner.equalsIgnoreCase(partner.value().toString())) {
                throw new InvalidInputException("query", "a partner exports only its own offerings");
            }
        }
        ExportJob job = ExportJob.requested(UUID.randomUUID(), partner, all, format, tenancy.actor(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.insert(job);
        audit.record(partner, "exportJob", job.id().toString(), "created", null, ExportJobView.of(job));
        return job;
    }

    @Transactional(readOnly = true)
    ExportJob get(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("ExportJob", id);
        }
        return store.find(uuid).filter(job -> tenancy.isStaff() || (job.owner() != null
                        && tenancy.partnerId().map(job.owner()::equals).orElse(false)))
                .orElseThrow(() -> new NotFoundException("ExportJob", id));
    }

    @Transactional(readOnly = true)
    Page<ExportJob> list(Pageable page) {
        if (tenancy.isStaff()) {
            return store.list(null, true, page);
        }
        return store.list(tenancy.partnerId().orElseThrow(() -> new InvalidInputException("query",
                "your token is not bound to a partner")), false, page);
    }

    /**
     * Copies the finished file to {@code out}, chunk by chunk, outside any transaction: each chunk is one statement
     * (the file does not change once the job has succeeded), so a client reading slowly holds no connection between
     * chunks. It used to hold one transaction, and its connection, for the whole download.
     */
    void download(ExportJob job, OutputStream out) throws IOException {
        try (InputStream in = store.files().reader(job.id())) {
            in.transferTo(out);
        }
    }

    static void requireFile(ExportJob job) {
        if (job.status() != JobStatus.SUCCEEDED) {
            throw new ConflictException("Export job " + job.id() + " is " + job.status().label()
                    + ": its file is there once it has Succeeded");
        }
    }

    /** The only query an export takes: {@code owner=<partner id>} or {@code owner=CSP}. */
    private static String owner(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String trimmed = query.strip();
        // another filter is named, not reported as a bad owner (owner=<uuid>&externalId=x answered "owner is a
        // partner id (UUID) or CSP", found on 2026-12-07)
        String[] filters = trimmed.split("&", -1);
        for (String filter : filters) {
            String name = (filter.indexOf('=') < 0 ? filter : filter.substring(0, filter.indexOf('='))).strip();
            if (!name.isEmpty() && !name.equals("owner")) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                throw new InvalidInputException("query", "'" + shown + "' is not a filter of an export: the query"
                        + " takes only owner (owner=<partner id> or owner=CSP); an export holds all of that owner's"
                        + " offerings");
            }
        }
        if (filters.length > 1) {
            throw new InvalidInputException("query", "query is one filter: owner=<partner id> or owner=CSP");
        }
        if (!trimmed.startsWith("owner=") || trimmed.length() == "owner=".length()) {
            throw new InvalidInputException("query", "query is owner=<partner id> or owner=CSP");
        }
        return trimmed.substring("owner=".length()).strip();
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("query", "owner is a partner id (UUID) or CSP");
        }
    }
}
