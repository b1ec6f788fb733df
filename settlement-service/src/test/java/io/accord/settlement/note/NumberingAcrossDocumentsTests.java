package io.accord.settlement.note;

import io.accord.settlement.StatementFixtures;
import io.accord.settlement.numbering.DocumentNumbers;
import io.accord.settlement.statement.Statements;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements and credit notes issued at the same time draw from one sequence of the issuing entity and year: every
 * document gets its own number and the year's register has no gap.
 */
@AccordServiceTest
class NumberingAcrossDocumentsTests {

    private static final int STATEMENTS = 6;
    private static final int NOTES = 6;

    private final StatementFixtures statements;
    private final Statements statementService;
    private final CorrectionNotes notes;
    private final DocumentNumbers numbers;
    private final Clock clock;

    NumberingAcrossDocumentsTests(StatementFixtures statementFixtures, Statements statements, CorrectionNotes notes,
                                  DocumentNumbers numbers, Clock clock) {
        this.statements = statementFixtures;
        this.statementService = statements;
        this.notes = notes;
        this.numbers = numbers;
        this.clock = clock;
    }

    @Test
    void statementsAndNotesIssuedConcurrentlyGetDistinctGapFreeNumbers() throws Exception {
        List<Callable<String>> issues = new ArrayList<>();
        for (int i = 0; i < STATEMENTS; i++) {
            Statements.View approved = statements.approved(statements.partner(), "10.00");
            issues.add(() -> statementService.issue(approved.id()).documentNumber());
        }
        Statements.View corrected = statements.issued(statements.partner(), "40.00");
        for (int i = 0; i < NOTES; i++) {
            CorrectionNotes.View note = notes.draft(corrected.id(), i % 2 == 0 ? "CREDIT_NOTE" : "DEBIT_NOTE",
                    "correction " + i, List.of(new CorrectionNotes.DraftLine("line " + i, new BigDecimal("1.00"),
                            null)), "finance");
            notes.approve(note.id(), "finance-b");
            issues.add(() -> notes.issue(note.id()).documentNumber());
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(issues.size());
        List<Future<String>> issued = new ArrayList<>();
        for (Callable<String> issue : issues) {
            issued.add(pool.submit(() -> {
                start.await();
                return issue.call();
            }));
        }
        start.countDown();
        List<String> assigned = new ArrayList<>();
        for (Future<String> future : issued) {
            assigned.add(future.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(assigned).hasSize(STATEMENTS + NOTES).doesNotHaveDuplicates()
                .allMatch(number -> number.startsWith("ACD-"));
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        List<DocumentNumbers.DocumentNumber> register = numbers.register("accord-de", year);
        assertThat(register).extracting(DocumentNumbers.DocumentNumber::number)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, register.size()).boxed().toList());
        assertThat(register).extracting(DocumentNumbers.DocumentNumber::formatted).containsAll(assigned);
    }
}
