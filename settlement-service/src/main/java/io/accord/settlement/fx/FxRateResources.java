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

    /** A loaded rate; {@code rate} is a decimal string. */
    record FxRateView(UUID id, String href, String baseCurrency, String quoteCurrency, String rate, Instant validFrom,
                      String loadedBy, Instant loadedAt) {

        static FxRateView of(FxRates.FxRate rate) {
            return new FxRateView(rate.id(), PATH + "/" + rate.id(), rate.baseCurrency(), rate.quoteCurrency(),
                    rate.rate().toPlainString(), rate.validFrom(), rate.loadedBy(), rate.loadedAt());
        }
    }

    /** The rate in force for a pair at an instant. */
    record RateInForce(String baseCurrency, String quoteCurrency, Instant at, String rate, Instant validFrom,
                       UUID rateId) {
    }
}
