package io.accord.catalog.category;

import io.accord.platform.hub.TmfEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the TMF events the service publishes, after their transaction commits (an event published outside a
 * transaction, or in one that rolls back, is never recorded): the hub's view of them, until the hub exists.
 */
@Component
class RecordedTmfEvents {

    private final List<TmfEvent> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void committed(TmfEvent event) {
        events.add(event);
    }

    /** The events about the category with this id, oldest first. */
    List<TmfEvent> about(String categoryId) {
        return events.stream().filter(event -> event.resource() instanceof CategoryResources.CategoryResource resource
                && resource.id().equals(categoryId)).toList();
    }
}
