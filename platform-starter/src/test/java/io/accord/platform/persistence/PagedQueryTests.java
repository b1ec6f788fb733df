package io.accord.platform.persistence;

import io.accord.platform.StarterTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paging a filtered table against the real test database: the count and the rows agree, pages cover every row once. */
@StarterTestApplication.Test
class PagedQueryTests {

    private static final RowMapper<String> NAME = (rs, row) -> rs.getString("name");

    private final JdbcClient jdbc;
    private String group;

    PagedQueryTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void tenRowsOfOneGroupAndThreeOfAnother() {
        jdbc.sql("create table if not exists starter_paged (id uuid primary key, grp text not null, name text not null,"
                + " rank int not null)").update();
        group = UUID.randomUUID().toString();
        for (int i = 0; i < 10; i++) {
            // ranks repeat (0, 0, 1, 1, ...): only the id makes the order total
            insert(group, "n" + i, i / 2);
        }
        for (int i = 0; i < 3; i++) {
            insert(group + "-other", "o" + i, i);
        }
    }

    @Test
    void pagesCoverEveryMatchingRowOnceInTheGivenOrderWithTheTotal() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Page<String> names = query().page(PageRequest.of(page, 3), NAME);
            assertThat(names.getTotalElements()).isEqualTo(10);
            seen.addAll(names.getContent());
        }

        assertThat(seen).hasSize(10).doesNotHaveDuplicates().allMatch(name -> name.startsWith("n"));
        List<Integer> ranks = seen.stream().map(name -> Integer.parseInt(name.substring(1)) / 2).toList();
        assertThat(ranks).isSorted();
    }

    @Test
    void aPagePastTheEndIsEmptyAndReadsNoRows() {
        AtomicInteger mapped = new AtomicInteger();

        Page<String> past = query().page(PageRequest.of(5, 2), (rs, row) -> {
            mapped.incrementAndGet();
            return rs.getString("name");
        });

        assertThat(past.getContent()).isEmpty();
        assertThat(past.getTotalElements()).isEqualTo(10);
        assertThat(mapped).hasValue(0);
    }

    @Test
    void sliceByOffsetAndLimitWithSelectedColumnsAndABinder() {
        PagedQuery.Slice<String> slice = PagedQuery.from(jdbc, "starter_paged where grp = :grp and rank >= :min")
                .bind(spec -> spec.param("grp", group).param("min", 3))
                .select("name").orderBy("rank desc, name")
                .slice(1, 2, NAME);

        assertThat(slice.total()).isEqualTo(4);
        assertThat(slice.items()).containsExactly("n9", "n6");
        assertThat(PagedQuery.from(jdbc, "starter_paged where grp = :grp").param("grp", group + "-none").count())
                .isZero();
    }

    @Test
    void aNullParameterIsBoundAsSqlNull() {
        long all = PagedQuery.from(jdbc, "starter_paged where (cast(:grp as text) is null or grp = :grp)")
                .param("grp", null).count();

        assertThat(all).isGreaterThanOrEqualTo(13);
    }

    @Test
    void rowsNeedAnOrder() {
        assertThatThrownBy(() -> PagedQuery.from(jdbc, "starter_paged").list(0, 5, NAME))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("orderBy");
        assertThat(query().list(0, 0, NAME)).isEmpty();
    }

    private PagedQuery query() {
        return PagedQuery.from(jdbc, "starter_paged where grp = :grp").param("grp", group).orderBy("rank, id");
    }

    private void insert(String grp, String name, int rank) {
        jdbc.sql("insert into starter_paged (id, grp, name, rank) values (:id, :grp, :name, :rank)")
                .param("id", UUID.randomUUID()).param("grp", grp).param("name", name).param("rank", rank).update();
    }
}
