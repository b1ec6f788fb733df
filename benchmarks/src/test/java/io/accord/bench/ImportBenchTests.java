package io.accord.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ImportBenchTests {

    @Test
    void summaryIsTheLineTheIssueAsksFor() {
        assertThat(ImportBench.summary(100_000, 41.2)).isEqualTo("import: 100000 rows in 41.2 s, 2427 rows/s");
    }

    @Test
    void generatesAHeaderAndOneLinePerRowWithUniqueExternalIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.csv");

        ImportBench.generate(file, 3, "run1");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("externalId,name,");
        assertThat(lines.subList(1, 4)).extracting(line -> line.split(",")[0])
                .containsExactly("bench-run1-1", "bench-run1-2", "bench-run1-3");
    }

    @Test
    void optionsDefaultToAHundredThousandRowsAsThePartnerAdminAndFollowThePortOffset() {
        var defaults = ImportBenchOptions.parse(new String[0], Map.of());
        var shifted = ImportBenchOptions.parse(new String[] {"--rows=500", "--mode=allOrNothing"},
                Map.of("ACCORD_PORT_OFFSET", "2000"));

        assertThat(defaults.rows()).isEqualTo(100_000);
        assertThat(defaults.user()).isEqualTo("partner-admin");
        assertThat(shifted.gateway()).isEqualTo(URI.create("http://localhost:10080"));
        assertThat(shifted.rows()).isEqualTo(500);
        assertThat(shifted.mode()).isEqualTo("allOrNothing");
        assertThatIllegalArgumentException().isThrownBy(() -> ImportBenchOptions.parse(new String[] {"--rows=0"},
                Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> ImportBenchOptions.parse(new String[] {"--mode=x"},
                Map.of()));
    }
}
