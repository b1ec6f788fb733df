package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Finance approved a drafted credit or debit note (four-eyes: {@code approvedBy} is not its preparer). Keyed by the
 * note id on {@code settlement.events.v1}.
 */
public record CorrectionNoteApproved(
        UUID eventId,
        Instant occurredAt,
        String noteId,
        String noteType,
        String correctsStatementId,
        String partnerId,
        String preparedBy,
        String approvedBy,
        Instant approvedAt) implements DomainEvent {

    @Override
    public String key() {
        return noteId;
    }
}
