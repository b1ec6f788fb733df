package io.accord.catalog.reference;

import io.accord.catalog.reference.ReferenceViews.ConversionView;
import io.accord.catalog.reference.ReferenceViews.CountryView;
import io.accord.catalog.reference.ReferenceViews.CurrencyView;
import io.accord.catalog.reference.ReferenceViews.TaxCategoryView;
import io.accord.catalog.reference.ReferenceViews.UnitView;
import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.platform.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Read-only reference data every caller with a token may read: ISO 4217 currencies, ISO 3166-1 countries, units of
 * measure with their conversions, tax categories. The lists are short, so each answers whole (sorted by code);
 * {@code ?code=} (repeatable, any case) narrows it.
 */
@RestController
@RequestMapping(ReferenceController.PATH)
@Tag(name = "Reference data")
class ReferenceController {

    static final String PATH = "/api/catalog/reference";
    /** Decimals of a conversion that has no finite exact result (1 s in minutes). */
    static final int ROUNDED_SCALE = 12;
    /** Plain decimals only: an exponent such as 1e999999999 would make the exact result enormous. */
    private static final Pattern QUANTITY = Pattern.compile("[-+]?\\d{1,30}(\\.\\d{1,30})?");

    private final ReferenceLists lists;

    ReferenceController(ReferenceLists lists) {
        this.lists = lists;
    }

    @GetMapping("/currencies")
    @Operation(operationId = "listCurrencies",
            summary = "ISO 4217 currencies: code, numeric code, English name, minor units")
    List<CurrencyView> currencies(@Parameter(description = "only these codes, e.g. EUR")
                                  @RequestParam(required = false) List<String> code) {
        return select(lists.currencies(), code, currency -> Set.of(currency.code()));
    }

    @GetMapping("/countries")
    @Operation(operationId = "listCountries", summary = "ISO 3166-1 countries: alpha-2, alpha-3 and English name")
    List<CountryView> countries(@Parameter(description = "only these alpha-2 or alpha-3 codes, e.g. DE or DEU")
                                @RequestParam(required = false) List<String> code) {
        return select(lists.countries(), code, country -> Set.of(country.alpha2(), country.alpha3()));
    }

    @GetMapping("/units")
    @Operation(operationId = "listUnitsOfMeasure",
            summary = "Units of measure usage is priced in, with their dimension and size in the dimension's base unit")
    List<UnitView> units(@Parameter(description = "only these codes, e.g. MB")
                         @RequestParam(required = false) List<String> code) {
        return select(lists.units(), code, unit -> Set.of(unit.code()));
    }

    @GetMapping("/units/convert")
    @Operation(operationId = "convertUnitOfMeasure",
            summary = "Convert a quantity between units of one dimension, exactly (e.g. 1.5 GB = 1536 MB)")
    ConversionView convert(@Parameter(description = "a plain decimal, e.g. 1.5") @RequestParam(required = false)
                           String quantity,
                           @Parameter(description = "the unit of the quantity, e.g. GB") @RequestParam(required = false)
                           String from,
                           @Parameter(description = "the unit wanted, e.g. MB") @RequestParam(required = false)
                           String to) {
        BigDecimal amount = quantity(quantity);
        UnitOfMeasure source = unit("from", from);
        UnitOfMeasure target = unit("to", to);
        if (!source.convertsTo(target)) {
            throw new InvalidInputException("to", source + " measures " + source.dimension() + " and does not convert"
                    + " to " + target + ", which measures " + target.dimension());
        }
        return source.convertExactly(amount, target)
                .map(exact -> new ConversionView(quantity.strip(), source.name(), target.name(), exact.toPlainString(),
                        true))
                .orElseGet(() -> new ConversionView(quantity.strip(), source.name(), target.name(),
                        source.convert(amount, target, ROUNDED_SCALE, RoundingMode.HALF_EVEN).toPlainString(), false));
    }

    @GetMapping("/tax-categories")
    @Operation(operationId = "listTaxCategories", summary = "Tax categories a price may name")
    List<TaxCategoryView> taxCategories(@Parameter(description = "only these codes, e.g. STANDARD")
                                        @RequestParam(required = false) List<String> code) {
        return select(lists.taxCategories(), code, category -> Set.of(category.code()));
    }

    private static <T> List<T> select(List<T> all, List<String> codes, Function<T, Set<String>> codesOf) {
        if (codes == null || codes.isEmpty()) {
            return all;
        }
        Set<String> wanted = codes.stream().map(code -> code.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return all.stream().filter(item -> codesOf.apply(item).stream().anyMatch(wanted::contains)).toList();
    }

    private static BigDecimal quantity(String quantity) {
        if (quantity == null || !QUANTITY.matcher(quantity.strip()).matches()) {
            throw new InvalidInputException("quantity", "quantity must be a plain decimal number such as 1.5 (at "
                    + "most 30 digits before and after the point)");
        }
        return new BigDecimal(quantity.strip());
    }

    private static UnitOfMeasure unit(String parameter, String code) {
        return UnitOfMeasure.ofCode(code).orElseThrow(() -> new InvalidInputException(parameter, parameter
                + " must be one of " + Arrays.stream(UnitOfMeasure.values()).map(Enum::name)
                .collect(Collectors.joining(", "))));
    }
}
