package io.accord.platform.web;

import io.accord.platform.problem.PreconditionFailedException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entity tags of a representation built from an aggregate's version and what else it shows. */
class EntityTagsTests {

    private static final UUID PRICE = UUID.fromString("6f1c0000-0000-4000-8000-000000000001");

    @Test
    void aCompositeTagIsStableQuotedAndStartsWithTheVersion() {
        String tag = EntityTags.composite(7, List.of(PRICE, true));

        assertThat(tag).isEqualTo(EntityTags.composite(7, List.of(PRICE, true))).matches("\"7-[0-9a-f]{16}\"");
        // parsed back from If-Match as the one tag it is
        assertThat(IfMatch.of(tag).tags()).containsExactly(tag);
    }

    @Test
    void aCompositeTagChangesWithTheVersionAndWithEveryPart() {
        String tag = EntityTags.composite(7, List.of(PRICE, true));

        assertThat(List.of(EntityTags.composite(8, List.of(PRICE, true)),
                EntityTags.composite(7, List.of(PRICE, false)),
                EntityTags.composite(7, List.of(UUID.randomUUID(), true)),
                EntityTags.composite(7, List.of(true, PRICE)),
                EntityTags.composite(7, List.of(PRICE, true, "rejected change shown")))).doesNotContain(tag)
                .doesNotHaveDuplicates();
        // parts are kept apart: moving text from one part to the next is another tag
        assertThat(EntityTags.composite(1, List.of("ab", "c")))
                .isNotEqualTo(EntityTags.composite(1, List.of("a", "bc")));
    }

    @Test
    void withoutPartsACompositeTagIsTheVersionsTag() {
        assertThat(EntityTags.composite(3, List.of())).isEqualTo(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void answersCarryTheTagAsGiven() {
        String tag = EntityTags.composite(2, List.of(PRICE));

        assertThat(EntityTags.ok("body", tag).getHeaders().getETag()).isEqualTo(tag);
        assertThat(EntityTags.created(URI.create("/x/1"), "body", tag).getHeaders().getETag()).isEqualTo(tag);
        assertThat(EntityTags.ok("body", 4L).getHeaders().getETag()).isEqualTo("\"4\"");
    }

    @Test
    void ifMatchComparesACompositeTagStrongly() {
        String current = EntityTags.composite(5, List.of(PRICE, true));
        String before = EntityTags.composite(5, List.of(PRICE, false));

        assertThatNoException().isThrownBy(() -> IfMatch.of(current).check(current, "ProductOffering 1"));
        assertThatNoException().isThrownBy(() -> IfMatch.NONE.check(current, "ProductOffering 1"));
        assertThatThrownBy(() -> IfMatch.of(before).check(current, "ProductOffering 1"))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("ProductOffering 1 has changed").hasMessageContaining("ETag " + current)
                .extracting(e -> ((PreconditionFailedException) e).currentTag()).isEqualTo(current);
        assertThatThrownBy(() -> IfMatch.of("W/" + current).check(current, "ProductOffering 1"))
                .isInstanceOf(PreconditionFailedException.class);
    }
}
