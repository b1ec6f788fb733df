package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Finance approved a drafted statement (four-eyes: {@code approvedBy} is not its preparer). Keyed by the statement
 * id on {@code settlement.events.v1}.
 */
public record StatementApproved(
        UUID eventId,
        Instant occurredAt,
        String statementId,
        String partnerId,
        String periodId,
        String preparedBy,
        String approvedBy,
        Instant approvedAt) implements DomainEvent {

    @Override
    public String key() {
        return statementId;
    }
}
