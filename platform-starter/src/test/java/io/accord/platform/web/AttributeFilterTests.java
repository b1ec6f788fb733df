package io.accord.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttributeFilterTests {

    record Item(String id, String name, int rank, Boolean active, List<String> tags, Period period,
                List<Period> periods, @JsonProperty("@type") String type) {
    }

    record Period(String start) {
    }

    private final AttributeFilter<Object> filter = AttributeFilter.of(Item.class)
            .column("name", value -> Specification.unrestricted())
            .alsoAccepts("owner.id");

    @Test
    void columnsGoToTheDatabaseAndOtherSimpleAttributesToTheResource() {
        AttributeFilter.Criteria<Object> criteria = filter.criteria(Map.of("name", new String[]{"a"},
                "rank", new String[]{"1", "2"}, "@type", new String[]{"Item"}, "tags", new String[]{"t"},
                "fields", new String[]{"name"}, "offset", new String[]{"3"}, "owner.id", new String[]{"x"}));

        assertThat(criteria.onResource()).containsOnlyKeys("rank", "@type", "tags");
        assertThat(criteria.onResource().get("rank")).containsExactly("1", "2");
    }

    @Test
    void unknownAndStructuredAttributesAreRefusedByName() {
        for (String name : List.of("colour", "period", "periods", "type", "sort")) {
            assertThatThrownBy(() -> filter.criteria(Map.of(name, new String[]{"x"})))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(name));
        }
        // the answer lists everything a caller may filter by, what the controller binds itself included
        assertThatThrownBy(() -> filter.criteria(Map.of("colour", new String[]{"x"})))
                .hasMessageEndingWith("filterable attributes: @type, active, id, name, owner.id, rank, tags");
    }

    @Test
    void aCommaSeparatesAlternativesAsInTmf630ForCodesAndFreeTextAlike() {
        List<String> columnValues = new java.util.ArrayList<>();
        AttributeFilter<Object> recording = AttributeFilter.of(Item.class).column("name", value -> {
            columnValues.add(value);
            return Specification.unrestricted();
        });

        AttributeFilter.Criteria<Object> criteria = recording.criteria(Map.of("name", new String[]{"a, b", "c"},
                "@type", new String[]{"Item,Other"}, "rank", new String[]{"1,2", "2"}));

        assertThat(columnValues).containsExactly("a", "b", "c");
        assertThat(criteria.onResource().get("@type")).containsExactly("Item", "Other");
        assertThat(criteria.onResource().get("rank")).containsExactly("1", "2");
    }

    @Test
    void aBackslashKeepsACommaInsideAValue() {
        assertThat(AttributeFilter.alternatives(new String[]{"Acme\\, Inc.,Beta"}))
                .containsExactly("Acme, Inc.", "Beta");
        assertThat(AttributeFilter.alternatives(new String[]{"C:\\dir"})).containsExactly("C:\\dir");
        assertThat(AttributeFilter.alternatives(null)).isEmpty();

        AttributeFilter.Criteria<Object> criteria = filter.criteria(Map.of("tags", new String[]{"x\\,y"}));
        assertThat(ResourceLists.matches(JsonMapper.builder().build().valueToTree(new Item("1", "n", 0, true,
                List.of("x,y"), null, List.of(), "Item")), criteria.onResource())).isTrue();
    }

    @Test
    void listsWhatMatchesAnyOfTheCommaSeparatedValues() {
        AttributeFilter.Criteria<Object> criteria = filter.criteria(Map.of("rank", new String[]{"0,2"},
                "tags", new String[]{"t1, t3"}));

        ResponseEntity<List<Item>> page = lists.list(criteria, OffsetLimit.of(0, 500, Sort.unsorted()),
                pageable -> query(pageable, items), item -> item);

        List<Item> expected = items.stream().filter(i -> i.rank() != 1
                && (i.tags().contains("t1") || i.tags().contains("t3"))).toList();
        assertThat(expected).isNotEmpty();
        assertThat(page.getHeaders().getFirst(PagedResponse.TOTAL_COUNT)).isEqualTo(String.valueOf(expected.size()));
        assertThat(page.getBody()).containsExactlyElementsOf(expected.subList(0, Math.min(500, expected.size())));
    }

    private final ResourceLists lists = new ResourceLists(JsonMapper.builder().build());
    private final List<Item> items = IntStream.range(0, 1200).mapToObj(i -> new Item(String.valueOf(i), "n" + i,
            i % 3, i % 2 == 0, List.of("t" + (i % 5)), null, List.of(), "Item")).toList();

    private Page<Item> query(org.springframework.data.domain.Pageable page, List<Item> all) {
        int from = (int) Math.min(page.getOffset(), all.size());
        return new PageImpl<>(all.subList(from, Math.min(from + page.getPageSize(), all.size())), page, all.size());
    }

    @Test
    void comparesOnTheResourceAcrossBatchesAndPagesTheMatches() {
        AttributeFilter.Criteria<Object> criteria = new AttributeFilter.Criteria<>(Specification.unrestricted(),
                Map.of("rank", Set.of("1"), "active", Set.of("true"), "tags", Set.of("t3")));

        ResponseEntity<List<Item>> page = lists.list(criteria, OffsetLimit.of(2, 3, Sort.unsorted()),
                pageable -> query(pageable, items), item -> item);

        List<Item> expected = items.stream().filter(i -> i.rank() == 1 && i.active() && i.tags().contains("t3"))
                .toList();
        assertThat(page.getHeaders().getFirst(PagedResponse.TOTAL_COUNT)).isEqualTo(String.valueOf(expected.size()));
        assertThat(page.getHeaders().getFirst(PagedResponse.RESULT_COUNT)).isEqualTo("3");
        assertThat(page.getBody()).containsExactlyElementsOf(expected.subList(2, 5));
    }

    @Test
    void refusesToCompareMoreCandidatesThanTheLimit() {
        List<Item> many = IntStream.range(0, ResourceLists.MAX_SCAN + 1).mapToObj(i -> items.get(0)).toList();
        AttributeFilter.Criteria<Object> criteria = new AttributeFilter.Criteria<>(Specification.unrestricted(),
                Map.of("rank", Set.of("1")));

        assertThatThrownBy(() -> lists.list(criteria, OffsetLimit.of(0, 10, Sort.unsorted()),
                pageable -> query(pageable, many), item -> item))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rank"));
    }
}
