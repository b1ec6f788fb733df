package io.accord.settlement.reconciliation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Settings of partner invoice reconciliation ({@code accord.settlement.reconciliation}).
 *
 * @param lineKeys    the default line matching keys (OFFERING, USAGE_TYPE, PERIOD, REFERENCE, SIDE)
 * @param maxPdfSize  the largest invoice PDF accepted
 * @param usage       the defaults of record-level usage matching
 */
@Validated
@ConfigurationProperties("accord.settlement.reconciliation")
record ReconciliationProperties(
        @DefaultValue({"OFFERING", "USAGE_TYPE", "PERIOD", "SIDE"}) @NotEmpty List<LineMatching.Key> lineKeys,
        @DefaultValue("10MB") @NotNull DataSize maxPdfSize,
        @DefaultValue @NotNull Usage usage) {

    /**
     * @param mode                 USAGE_ID (pair by usage id) or KEYS (subscriber + start time ± N s + quantity)
     * @param timeToleranceSeconds N of the KEYS mode
     * @param quantityTolerance    the largest quantity difference that still pairs (KEYS) or matches (USAGE_ID)
     * @param amountTolerance      the largest amount difference that still matches
     * @param batchSize            rows per COPY batch into PostgreSQL
     * @param connectTimeout       connecting to rating's export
     * @param firstByteTimeout     waiting for the export's response headers
     * @param maxDuration          a match still RUNNING after this was interrupted (a restart): it is marked FAILED
     *                             when the invoice's CDRs are uploaded again or a new match starts
     * @param maxFileSize          the largest CDR file accepted (it is received into a temporary file first)
     */
    record Usage(@DefaultValue("USAGE_ID") @NotNull UsageMatcher.Mode mode,
                 @DefaultValue("60") @Min(0) int timeToleranceSeconds,
                 @DefaultValue("0") @NotNull BigDecimal quantityTolerance,
                 @DefaultValue("0") @NotNull BigDecimal amountTolerance,
                 @DefaultValue("5000") @Min(1) int batchSize,
                 @DefaultValue("5s") @NotNull Duration connectTimeout,
                 @DefaultValue("60s") @NotNull Duration firstByteTimeout,
                 @DefaultValue("2h") @NotNull Duration maxDuration,
                 @DefaultValue("1GB") @NotNull DataSize maxFileSize) {
    }
}
