package io.accord.catalog.specification;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product specification as a partner (or staff) defines it: what the product is made of and what fulfilment
 * needs. Upserted by {@code externalId} within its owner; the same specification may serve several offerings.
 *
 * @param externalId      the owner's own key (unique per owner); {@code null} only for specifications created
 *                        through the TMF API without one
 * @param characteristics what an order configures or the product fixes
 * @param fulfilment      what orchestration reserves and whether the partner activates
 */
public record SpecificationDraft(String externalId, String name, String description,
                                 List<Characteristic> characteristics, Fulfilment fulfilment) {

    public SpecificationDraft {
        characteristics = characteristics == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(characteristics));
        fulfilment = fulfilment == null ? Fulfilment.NONE : fulfilment;
    }

    /** The canonical form equal definitions share: texts stripped, decimals without trailing zeros. */
    public SpecificationDraft normalized() {
        return new SpecificationDraft(strip(externalId), strip(name), strip(description),
                characteristics.stream().map(c -> c == null ? null : new Characteristic(strip(c.name()), c.valueType(),
                        c.allowedValues().stream().map(SpecificationDraft::strip).toList(), strip(c.min()),
                        strip(c.max()), strip(c.unit()), c.mandatory(), c.configurable(),
                        c.numeric() ? plainNumber(strip(c.fixedValue())) : strip(c.fixedValue())))
                        .toList(),
                new Fulfilment(fulfilment.resourceTypes().stream().map(SpecificationDraft::strip).toList(),
                        fulfilment.partnerActivation()));
    }

    /** The most an exponent may shift the point for a number to be written out plainly (and not be refused). */
    static final int MAX_PLAIN_SCALE = 100;

    /**
     * A number written without an exponent, as {@link BigDecimal#toPlainString()} does ({@code 1E+2} is 100,
     * {@code 0E-6} is 0.000000), else as given: a text that is no number, or one whose exponent shifts the point by
     * more than {@value #MAX_PLAIN_SCALE} places (the rules refuse both), stays as it is.
     */
    public static String plainNumber(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            return Math.abs(number.scale()) > MAX_PLAIN_SCALE ? value : number.toPlainString();
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    /**
     * The value types a characteristic can have: {@code NUMBER} is a decimal (2.5 is a NUMBER), {@code INTEGER} a
     * whole number (of at most 18 digits).
     */
    public enum ValueType { STRING, NUMBER, INTEGER, BOOLEAN, ENUM }

    /**
     * One characteristic of the product.
     *
     * @param allowedValues for {@code ENUM} (required) and optionally {@code STRING}: the values an order may pick
     * @param min           for {@code NUMBER} and {@code INTEGER}: the smallest allowed value, inclusive
     *                      ({@code null}: unbounded)
     * @param max           for {@code NUMBER} and {@code INTEGER}: the largest allowed value, inclusive
     *                      ({@code null}: unbounded)
     * @param unit          optional unit code of a number (e.g. {@code GB})
     * @param mandatory     an order must give a value (unless the value is fixed)
     * @param configurable  the value is chosen at order time; when {@code false}, {@code fixedValue} applies
     * @param fixedValue    the value every product instance has, for a non-configurable characteristic
     */
    public record Characteristic(String name, ValueType valueType, List<String> allowedValues, BigDecimal min,
                                 BigDecimal max, String unit, boolean mandatory, boolean configurable,
                                 String fixedValue) {

        public Characteristic {
            allowedValues = allowedValues == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(allowedValues));
        }

        /** A {@code NUMBER} or an {@code INTEGER}: its values are numbers, with an optional range. */
        public boolean numeric() {
            return valueType == ValueType.NUMBER || valueType == ValueType.INTEGER;
        }
    }

    /**
     * What fulfilment needs.
     *
     * @param resourceTypes     resource types orchestration reserves, e.g. {@code ICCID}, {@code MSISDN},
     *                          {@code LICENCE_KEY}
     * @param partnerActivation the partner must activate the product (callback/event with acknowledgement)
     */
    public record Fulfilment(List<String> resourceTypes, boolean partnerActivation) {

        public static final Fulfilment NONE = new Fulfilment(List.of(), false);

        public Fulfilment {
            resourceTypes = resourceTypes == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(resourceTypes));
        }
    }
}
