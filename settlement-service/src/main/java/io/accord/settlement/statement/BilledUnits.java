package io.accord.settlement.statement;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.settlement.usage.UsageSums;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The volumes one rule × usage type counts (plain Java): its usage sums' quantities in one unit each. Sums billed in
 * units of one dimension ({@link UnitOfMeasure}: MB and GB, S and MIN) make one volume in the smallest of those units,
 * into which the others convert exactly (binary data multiples, whole seconds per minute and hour), so no rounding
 * happens; a single unit stays as billed. Neither the share rule nor its tiers name a unit, so that unit is what the
 * tiers count. Quantities of other dimensions, of a unit code the shared contracts do not know, or of no known unit
 * ({@code null}: summed before V73) are never added to them: each is a volume of its own.
 */
final class BilledUnits {

    private static final String NOT_KNOWN = "a unit not known";

    private BilledUnits() {
    }

    /** The volumes of the sums, in the order their units first appear. */
    static List<Volume> volumes(List<UsageSums.Sum> sums) {
        Map<Object, List<UsageSums.Sum>> groups = new LinkedHashMap<>();
        for (UsageSums.Sum sum : sums) {
            groups.computeIfAbsent(groupOf(sum.billedUnit()), ignored -> new ArrayList<>()).add(sum);
        }
        return groups.values().stream().map(BilledUnits::volume).toList();
    }

    /** A known unit groups by its dimension, any other code by itself, no unit with no unit. */
    private static Object groupOf(String unit) {
        if (unit == null) {
            return NOT_KNOWN;
        }
        return UnitOfMeasure.ofCode(unit).<Object>map(UnitOfMeasure::dimension).orElse("code " + unit);
    }

    private static Volume volume(List<UsageSums.Sum> sums) {
        String code = sums.getFirst().billedUnit();
        if (code == null || UnitOfMeasure.ofCode(code).isEmpty()) {
            return new Volume(code, List.of(), sums.stream().map(sum -> new Part(sum, sum.quantity())).toList());
        }
        List<UnitOfMeasure> units = sums.stream().map(sum -> UnitOfMeasure.ofCode(sum.billedUnit()).orElseThrow())
                .distinct().toList();
        UnitOfMeasure target = units.stream().min(Comparator.comparing(UnitOfMeasure::baseUnits)).orElseThrow();
        List<Part> parts = sums.stream().map(sum -> new Part(sum, UnitOfMeasure.ofCode(sum.billedUnit())
                .orElseThrow().convert(sum.quantity(), target))).toList();
        return new Volume(target.name(), units.stream().filter(unit -> unit != target).map(Enum::name).toList(),
                parts);
    }

    /**
     * One volume.
     *
     * @param unit      the unit its quantities are in, {@code null} when not known
     * @param converted the units converted into it (empty when all were billed in it)
     * @param parts     each sum with its quantity in {@code unit}
     */
    record Volume(String unit, List<String> converted, List<Part> parts) {

        /**
         * How a label names the unit: {@code in MB}, {@code in MB, GB converted}; {@code in a unit not known} when the
         * rule and usage type have other volumes too, {@code null} (nothing to say, as before V73) when not.
         */
        String describe(boolean others) {
            if (unit == null) {
                return others ? "in " + NOT_KNOWN : null;
            }
            return "in " + unit + (converted.isEmpty() ? "" : ", " + String.join(" and ", converted) + " converted");
        }
    }

    /** A sum and its quantity in its volume's unit. */
    record Part(UsageSums.Sum sum, BigDecimal quantity) {
    }
}
