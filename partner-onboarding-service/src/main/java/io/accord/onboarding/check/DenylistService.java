package io.accord.onboarding.check;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Staff-managed denylist entries: add, list, remove, each change audited; and the list screening reads. */
@Service
class DenylistService {

    private static final String RESOURCE = "denylist-entry";
    private static final int MAX_NORMALISED_LENGTH = 1000;
    /**
     * A listed name may be a person's: the entry holds it while it is listed (its removal deletes it), the append-only
     * trail only the fields' names (docs/personal-data.md).
     */
    private static final List<String> PERSONAL = List.of("name", "normalisedName");

    private final DenylistRepository entries;
    private final CheckProperties properties;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    DenylistService(DenylistRepository entries, CheckProperties properties, AuditTrail audit, Tenancy tenancy,
                    Clock clock) {
        this.clock = clock;
        this.entries = entries;
        this.properties = properties;
        this.audit = audit;
        this.tenancy = tenancy;
    }

    /** Configured and staff-managed entries, as screening compares them. */
    @Transactional(readOnly = true)
    List<DenylistEntry> current() {
        return Denylist.merged(properties.denylist(), entries.findAll());
    }

    @Transactional
    DenylistedName add(DenylistRequests.AddEntry request) {
        String name = request.name().strip();
        String normalised = Names.normalise(name);
        if (normalised.isEmpty() || normalised.length() > MAX_NORMALISED_LENGTH) {
            throw new InvalidInputException("name", "'" + name + "' has no letters or digits to compare");
        }
        entries.findByNormalisedName(normalised).ifPresent(existing -> {
            throw new ConflictException("'" + name + "' is already on the denylist as '" + existing.name() + "' ("
                    + existing.id() + ")");
        });
        DenylistedName entry = new DenylistedName(name, request.reason().strip(), tenancy.actor(), clock.instant());
        try {
            entries.saveAndFlush(entry);
        } catch (DataIntegrityViolationException concurrentlyAdded) {
            throw new ConflictException("'" + name + "' was just added to the denylist by someone else");
        }
        audit.recordWithoutPersonalData(null, RESOURCE, entry.id().toString(), "created", null,
                DenylistEntryView.of(entry), PERSONAL);
        return entry;
    }

    @Transactional(readOnly = true)
    Page<DenylistedName> list(Pageable page) {
        return entries.findAll(page);
    }

    @Transactional(readOnly = true)
    DenylistedName get(UUID id) {
        return entries.findById(id).orElseThrow(() -> new NotFoundException("Denylist entry", id));
    }

    @Transactional
    void remove(UUID id) {
        DenylistedName entry = get(id);
        entries.delete(entry);
        audit.recordWithoutPersonalData(null, RESOURCE, id.toString(), "deleted", DenylistEntryView.of(entry), null,
                PERSONAL);
    }
}
