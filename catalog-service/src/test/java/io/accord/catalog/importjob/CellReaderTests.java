package io.accord.catalog.importjob;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CellReaderTests {

    @Test
    void aFilesTimeIsReadToTheMicrosecondAsTheApiReadsIt() {
        List<RowProblem> problems = new ArrayList<>();
        CellReader cells = new CellReader(new Cells(2, "", Map.of(Columns.VALID_FROM, "2030-01-01T00:00:00.0000007Z",
                Columns.VALID_TO, "1899-12-31")), problems);

        assertThat(cells.instant(Columns.VALID_FROM)).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(cells.instant(Columns.VALID_TO)).isNull();
        assertThat(problems).singleElement().extracting(RowProblem::field).isEqualTo(Columns.VALID_TO);
    }
}
