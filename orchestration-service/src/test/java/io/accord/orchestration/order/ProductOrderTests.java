package io.accord.orchestration.order;

import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order's guarded transitions, how its state follows from its items, and its append-only notes. */
class ProductOrderTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void fulfilmentStartMovesAcknowledgedToInProgressAndAllItemsDoneCompletes() {
        ProductOrder order = order("1", "2");
        assertThat(order.state).isEqualTo(OrderState.ACKNOWLEDGED);

        order.fulfilmentStarted("1", NOW);
        assertThat(order.state).isEqualTo(OrderState.IN_PROGRESS);
        assertThat(order.item("1").state()).isEqualTo(ItemState.IN_PROGRESS);
        assertThat(order.itemEnded("1", true, false, null, null, NOW)).isFalse();
        assertThat(order.state).isEqualTo(OrderState.IN_PROGRESS);
        assertThat(order.itemEnded("2", true, false, null, null, NOW.plusSeconds(1))).isTrue();

        assertThat(order.state).isEqualTo(OrderState.COMPLETED);
        assertThat(order.completionDate).isEqualTo(NOW.plusSeconds(1));
        assertThat(order.itemEnded("2", false, false, "late", null, NOW)).as("a final item stays final").isFalse();
    }

    @Test
    void mixedOutcomesArePartialAndNoneDoneIsFailedNamingTheReason() {
        ProductOrder partial = order("1", "2");
        partial.itemEnded("1", true, false, null, null, NOW);
        partial.itemEnded("2", false, false, "No MSISDN is available", "RESERVE_RESOURCE", NOW);
        assertThat(partial.state).isEqualTo(OrderState.PARTIAL);
        assertThat(partial.item("2").failedStep()).isEqualTo("RESERVE_RESOURCE");

        ProductOrder failed = order("1");
        failed.itemEnded("1", false, false, "No MSISDN is available", "RESERVE_RESOURCE", NOW);
        assertThat(failed.state).isEqualTo(OrderState.FAILED);
        assertThat(failed.stateReason).contains("item 1", "No MSISDN");
        assertThat(failed.completionDate).isNull();
    }

    @Test
    void aCancelledOrderWaitsForCompensationAndEndsCancelled() {
        ProductOrder order = order("1", "2");
        order.fulfilmentStarted("1", NOW);

        order.cancel("customer changed their mind", NOW);
        assertThat(order.state).isEqualTo(OrderState.PENDING_CANCELLATION);
        assertThatThrownBy(() -> order.cancel("again", NOW)).isInstanceOf(ConflictException.class);
        order.itemEnded("1", false, false, "cancelled: x", "START_FULFILMENT", NOW);
        order.itemEnded("2", false, false, "cancelled: x", null, NOW);

        assertThat(order.state).isEqualTo(OrderState.CANCELLED);
        assertThat(order.items).allMatch(item -> item.state() == ItemState.CANCELLED);
        assertThatThrownBy(() -> order.cancel("too late", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cancelled");
        assertThatThrownBy(() -> order.describe("x", null, null, List.of(), "tester", NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anItemWhoseCompensationIsStuckStaysOpenUntilItsSagaIsCompensated() {
        ProductOrder order = order("1");
        order.compensationStuck("1", "partner down", "ACTIVATE_AT_PARTNER", NOW);
        assertThat(order.state.isFinal()).isFalse();
        assertThat(order.item("1").reason()).contains("partner down");

        order.itemEnded("1", false, true, "cancelled: by ops", "ACTIVATE_AT_PARTNER", NOW);
        assertThat(order.state).as("every item cancelled by ops").isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void notesAreAnAppendOnlyLogWrittenByTheCallerAtTheTime() {
        ProductOrder order = order("1");
        order.describe(null, null, null, List.of(wanted(null, null, null, "hello")), "alice", NOW);
        ProductOrder.Note hello = new ProductOrder.Note("1", "alice", NOW, "hello");
        assertThat(order.notes).containsExactly(hello);

        order.describe("by pm", null, null, null, "bob", NOW.plusSeconds(8));
        assertThat(order.notes).as("a change without notes keeps them as written").containsExactly(hello);

        order.describe("by pm", null, null, List.of(wanted("1", null, null, "hello"), wanted(null, "bob", null,
                "second")), "bob", NOW.plusSeconds(9));
        assertThat(order.notes).containsExactly(hello, new ProductOrder.Note("2", "bob", NOW.plusSeconds(9),
                "second"));
        order.describe("by pm", null, null, List.of(hello, order.notes.get(1)), "carol", NOW.plusSeconds(10));
        assertThat(order.notes).as("repeated as GET shows them").hasSize(2);
    }

    @Test
    void aNoteIsNeitherForgedChangedNorRemoved() {
        ProductOrder order = order("1");
        order.describe(null, null, null, List.of(wanted(null, null, null, "hello")), "alice", NOW);
        List<ProductOrder.Note> written = order.notes;

        assertRefused(order, "note[0].text", wanted("1", "someone-else", null, "forged"));
        assertRefused(order, "note[0].author", wanted("1", "someone-else", null, "hello"));
        assertRefused(order, "note[0].date", wanted("1", null, NOW.plusSeconds(1), "hello"));
        assertRefused(order, "note", wanted(null, null, null, "instead"));
        assertRefused(order, "note");
        assertRefused(order, "note[1].id", wanted("1", null, null, "hello"), wanted("2", null, null, "mine"));
        assertRefused(order, "note[1].id", wanted("1", null, null, "hello"), wanted("1", null, null, "hello"));
        assertRefused(order, "note[1].author", wanted("1", null, null, "hello"), wanted(null, "alice", null, "x"));
        assertRefused(order, "note[1].date", wanted("1", null, null, "hello"), wanted(null, null, NOW, "x"));
        assertThat(order.notes).isEqualTo(written);
        assertThat(order.description).as("a refused change changes nothing").isNull();
    }

    @Test
    void aRequestedCompletionDateInThePastIsRefusedButOneKeptFromBeforeMayHavePassed() {
        ProductOrder order = order("1");
        assertThatThrownBy(() -> order.describe("rush", null, Instant.parse("1900-01-01T00:00:00Z"), null, "alice",
                NOW)).isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.field())
                .isEqualTo("requestedCompletionDate")).hasMessageContaining("1900-01-01T00:00:00Z is in the past");
        assertThatThrownBy(() -> order.describe(null, null, NOW.minusSeconds(61), null, "alice", NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThat(order.description).as("a refused change changes nothing").isNull();

        order.describe(null, null, NOW.minusSeconds(59), null, "alice", NOW);
        assertThat(order.requestedCompletionDate).as("a minute's clock skew").isEqualTo(NOW.minusSeconds(59));
        order.describe(null, null, NOW.plusSeconds(3600), null, "alice", NOW);

        order.describe("later", null, NOW.plusSeconds(3600), null, "bob", NOW.plusSeconds(7200));
        assertThat(order.description).as("the date kept, passed since, is sent back unchanged").isEqualTo("later");
        assertThatThrownBy(() -> order.describe("later", null, NOW.plusSeconds(3601), null, "bob",
                NOW.plusSeconds(7200))).isInstanceOf(InvalidInputException.class);
    }

    private static void assertRefused(ProductOrder order, String field, ProductOrder.Note... wanted) {
        assertThatThrownBy(() -> order.describe("changed", null, null, List.of(wanted), "bob", NOW.plusSeconds(5)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.field())
                        .isEqualTo(field)).hasMessageContaining("note");
    }

    private static ProductOrder.Note wanted(String id, String author, Instant date, String text) {
        return new ProductOrder.Note(id, author, date, text);
    }

    private static ProductOrder order(String... itemIds) {
        List<OrderItem> items = java.util.Arrays.stream(itemIds).map(id -> new OrderItem(id, OrderAction.ADD, 1,
                "offering", UUID.randomUUID(), List.of(), null, null, ItemState.ACKNOWLEDGED, UUID.randomUUID(), null,
                null)).toList();
        return new ProductOrder(UUID.randomUUID(), UUID.randomUUID(), null, "customer", null, null, NOW, "tester",
                items);
    }
}
