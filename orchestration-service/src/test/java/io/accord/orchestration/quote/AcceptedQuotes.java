package io.accord.orchestration.quote;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@link QuoteAccepted} events whose transaction committed, as the order feature will receive them. */
@Component
class AcceptedQuotes {

    private final List<QuoteAccepted> accepted = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void committed(QuoteAccepted event) {
        accepted.add(event);
    }

    Optional<QuoteAccepted> of(UUID quoteId) {
        return accepted.stream().filter(event -> event.quoteId().equals(quoteId)).findFirst();
    }
}
