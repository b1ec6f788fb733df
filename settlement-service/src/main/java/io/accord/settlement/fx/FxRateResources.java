package io.accord.settlement.fx;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** The FX rate API's requests and views. */
final class FxRateResources {

    static final String PATH = "/api/settlement/fx-rates";

    private FxRateResources() {
    }

    /**
     * @param rate      1 base = rate quote, a positive decimal string (at most 10 decimals)
     * @param validFrom the instant it is in force from (until the pair's next rate)
     */
    record LoadFxRate(@NotBlank @Size(max = 3) String baseCurrency, @NotBlank @Size(max = 3) String quoteCurrency,
                      @NotBlank @Size(max = 40) @Schema(example = "0.9215") String rate, @NotNull Instant validFrom) {
    }

    /**
     * @param rate   the corrected value, as {@link LoadFxRate#rate}
     * @param reason why the rate in force was wrong (audited, kept on the version it supersedes)
     */
    record CorrectFxRate(@NotBlank @Size(max = 40) @Schema(example = "1.085") String rate,
                         @NotBlank @Size(max = 500) @Schema(example = "typo: 10.85 loaded instead of 1.085")
                         String reason) {
    }

    /** @param reason why the proposed rate is not to be confirmed (audited, kept on the version) */
    record RejectFxRate(@NotBlank @Size(max = 500)
                        @Schema(example = "the bank's fixing of that day was 0.9251, not 0.9215") String reason) {
    }

    /**
     * A version of a pair's rate from {@code validFrom}; {@code rate} is a decimal string. {@code state}: PROPOSED
     * (loaded or corrected, not in force until a second finance user confirms it), CONFIRMED (in force; rates loaded
     * before four-eyes have no {@code confirmedBy}), SUPERSEDED (replaced by the confirmed correction
     * {@code supersededByRate}, which {@code supersededBy} proposed with {@code supersessionReason}), REJECTED (a
     * proposal {@code rejectedBy} a second finance user, or withdrawn by its loader or corrector, with
     * {@code rejectionReason}; never in force). {@code corrects} and {@code correctionReason}: the version a correction
     * replaces and why.
     */
    @Schema(name = "FxRate")
    record FxRateView(UUID id, String href, String baseCurrency, String quoteCurrency, String rate, Instant validFrom,
                      String loadedBy, Instant loadedAt, String state, String confirmedBy, Instant confirmedAt,
                      UUID corrects, String correctionReason, UUID supersededByRate, String supersededBy,
                      Instant supersededAt, String supersessionReason, String rejectedBy, Instant rejectedAt,
                      String rejectionReason) {

        static FxRateView of(RateVersion version) {
            FxRates.FxRate rate = version.rate;
            return new FxRateView(rate.id(), PATH + "/" + rate.id(), rate.baseCurrency(), rate.quoteCurrency(),
                    rate.rate().toPlainString(), rate.validFrom(), rate.loadedBy(), rate.loadedAt(),
                    version.state().name(), version.confirmedBy(), version.confirmedAt(), version.corrects,
                    version.correctionReason, version.supersededByRate(), version.supersededBy(),
                    version.supersededAt(), version.supersessionReason(), version.rejectedBy(), version.rejectedAt(),
                    version.rejectionReason());
        }
    }

    /**
     * The confirmed rate in force for a pair at an instant; {@code knownAt}, when asked: as the rates stood then
     * ({@code null}: as they stand now).
     */
    record RateInForce(String baseCurrency, String quoteCurrency, Instant at, Instant knownAt, String rate,
                       Instant validFrom, UUID rateId) {
    }
}
