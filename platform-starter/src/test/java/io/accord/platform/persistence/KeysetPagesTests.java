package io.accord.platform.persistence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.accord.platform.StarterTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading by keyset pages against the real test database: every row once, in order, no transaction held between. */
@StarterTestApplication.Test
class KeysetPagesTests {

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private String group;

    KeysetPagesTests(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @BeforeEach
    void rowsOfTwoGroups() {
        jdbc.sql("create table if not exists starter_keyset (grp text not null, seq bigint not null, name text not null,"
                + " primary key (grp, seq))").update();
        group = UUID.randomUUID().toString();
        for (int i = 1; i <= 10; i++) {
            // gaps in the key: the pages follow the key, not a count
            insert(group, i * 7L, "n" + i);
        }
        insert(group + "-other", 1, "other");
    }

    @Test
    void everyRowOnceInKeyOrderAndNoTransactionOrConnectionHeldWhileThePagesAreHandedOn() throws IOException {
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();

        long rows = pages(group, 3).forEach(page -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
            assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
            pageSizes.add(page.size());
            page.forEach(row -> seen.add(row.name()));
        });

        assertThat(rows).isEqualTo(10);
        assertThat(pageSizes).containsExactly(3, 3, 3, 1);
        assertThat(seen).containsExactly("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10");
    }

    @Test
    void aLastFullPageEndsWithAnEmptyReadAndNoEmptyPageIsHandedOn() throws IOException {
        List<Integer> pageSizes = new ArrayList<>();

        long rows = pages(group, 5).forEach(page -> pageSizes.add(page.size()));

        assertThat(rows).isEqualTo(10);
        assertThat(pageSizes).containsExactly(5, 5);
    }

    @Test
    void aFailingSinkStopsTheReading() {
        List<Integer> pageSizes = new ArrayList<>();

        assertThatThrownBy(() -> pages(group, 3).forEach(page -> {
            pageSizes.add(page.size());
            throw new IOException("the client went away");
        })).isInstanceOf(IOException.class).hasMessage("the client went away");
        assertThat(pageSizes).containsExactly(3);
    }

    @Test
    void insideATransactionItRefusesToRun() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> transaction.execute(status -> {
            try {
                return pages(group, 3).forEach(page -> { });
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
    }

    @Test
    void aPageQueryThatIgnoresItsLimitIsRefused() {
        KeysetPages.Reader<Long, Row> ignoringLimit = KeysetPages.of(transactions, 2).read(0L,
                (after, limit) -> jdbc.sql("select seq, name from starter_keyset where grp = :grp and seq > :after"
                                + " order by seq")
                        .param("grp", group).param("after", after)
                        .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("name"))).list(), Row::seq);

        assertThatThrownBy(() -> ignoringLimit.forEach(page -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than its limit of 2");
    }

    private KeysetPages.Reader<Long, Row> pages(String grp, int size) {
        return KeysetPages.of(transactions, size).read(0L,
                (after, limit) -> {
                    assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly()).isTrue();
                    return jdbc.sql("select seq, name from starter_keyset where grp = :grp and seq > :after"
                                    + " order by seq limit :limit")
                            .param("grp", grp).param("after", after).param("limit", limit)
                            .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("name"))).list();
                }, Row::seq);
    }

    private void insert(String grp, long seq, String name) {
        jdbc.sql("insert into starter_keyset (grp, seq, name) values (:grp, :seq, :name)")
                .param("grp", grp).param("seq", seq).param("name", name).update();
    }

    private record Row(long seq, String name) {
    }
}
