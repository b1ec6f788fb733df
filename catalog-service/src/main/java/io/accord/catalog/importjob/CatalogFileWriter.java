package io.accord.catalog.importjob;

import io.accord.catalog.offering.OfferingDraft;
import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.specification.SpecificationDraft;
import io.accord.platform.csv.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes offerings in the import file format, one at a time: a CSV line per price (offering columns repeated), or
 * a JSON array of offering objects with lists as arrays. What it writes re-imports as {@code UNCHANGED}. In CSV a
 * text that a spreadsheet would take for a formula is written after a {@code '} ({@link CsvCells}).
 */
public abstract sealed class CatalogFileWriter implements AutoCloseable {

    /** A writer of {@code format} into {@code out}, which it closes at the end. */
    public static CatalogFileWriter of(FileFormat format, OutputStream out) {
        return format == FileFormat.CSV ? new Csv(out) : new Json(out);
    }

    public abstract void write(OfferingDraft draft);

    @Override
    public abstract void close();

    /** The offering's cells, lists as lists (CSV joins them, JSON writes arrays). */
    static Map<String, Object> offeringCells(OfferingDraft draft) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put(Columns.EXTERNAL_ID, draft.externalId());
        cells.put(Columns.NAME, draft.name());
        cells.put(Columns.DESCRIPTION, draft.description());
        cells.put(Columns.CATEGORY, draft.categoryCode());
        cells.put(Columns.KIND, draft.kind() == null ? null : draft.kind().name());
        cells.put(Columns.VALID_FROM, draft.validFrom() == null ? null : draft.validFrom().toString());
        cells.put(Columns.VALID_TO, draft.validTo() == null ? null : draft.validTo().toString());
        cells.put(Columns.SALES_CHANNELS, draft.salesChannels());
        SpecificationDraft spec = draft.specification();
        if (spec != null) {
            cells.put(Columns.SPECIFICATION, spec.externalId());
            cells.put(Columns.SPECIFICATION_NAME, spec.name());
            cells.put(Columns.SPECIFICATION_DESCRIPTION, spec.description());
            cells.put(Columns.CHARACTERISTICS, spec.characteristics().stream().map(CharacteristicSyntax::format)
                    .toList());
            cells.put(Columns.RESOURCE_TYPES, spec.fulfilment().resourceTypes());
            cells.put(Columns.PARTNER_ACTIVATION, spec.fulfilment().partnerActivation());
        }
        cells.put(Columns.BUNDLED_OFFERINGS, draft.bundledOfferingExternalIds());
        cells.put(Columns.BUNDLE_PRICING, draft.bundlePricing() == null ? null : draft.bundlePricing().name());
        cells.put(Columns.PARTICIPANTS, draft.participants().stream()
                .map(p -> p.partnerId() + ":" + plain(p.sharePercent())).toList());
        return cells;
    }

    static Map<String, Object> priceCells(PriceDraft price) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put(Columns.PRICE_EXTERNAL_ID, price.externalId());
        cells.put(Columns.PRICE_NAME, price.name());
        cells.put(Columns.PRICE_TYPE, name(price.type()));
        cells.put(Columns.AMOUNT, plain(price.amount()));
        cells.put(Columns.CURRENCY, price.currency());
        cells.put(Columns.TAX_CATEGORY, price.taxCategory());
        cells.put(Columns.RECURRING_PERIOD, name(price.period()));
        cells.put(Columns.PRORATION, name(price.proration()));
        cells.put(Columns.UNIT, name(price.unit()));
        cells.put(Columns.USAGE_TYPES, price.usageTypes());
        cells.put(Columns.ROUNDING, price.roundingFirst() == null && price.roundingNext() == null ? null
                : price.roundingFirst() + "/" + price.roundingNext());
        cells.put(Columns.MINIMUM_QUANTITY, plain(price.minimumQuantity()));
        cells.put(Columns.TIER_MODE, name(price.tierMode()));
        cells.put(Columns.TIERS, price.tiers().stream().map(tier -> plain(tier.from()) + "-"
                + (tier.to() == null ? "" : plain(tier.to())) + ":" + plain(tier.rate())).toList());
        cells.put(Columns.ACCUMULATION, name(price.accumulation()));
        cells.put(Columns.MINIMUM_CHARGE, plain(price.minimumCharge()));
        cells.put(Columns.PRICE_VALID_FROM, price.validFrom() == null ? null : price.validFrom().toString());
        return cells;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static final class Csv extends CatalogFileWriter {

        private final CSVPrinter printer;

        Csv(OutputStream out) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try {
                this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                        .setHeader(Columns.ALL.toArray(String[]::new)).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(OfferingDraft draft) {
            List<String> offering = values(offeringCells(draft), Columns.OFFERING);
            List<PriceDraft> prices = draft.prices().isEmpty() ? java.util.Collections.singletonList(null)
                    : draft.prices();
            for (PriceDraft price : prices) {
                List<String> line = new ArrayList<>(offering);
                line.addAll(price == null ? java.util.Collections.nCopies(Columns.PRICE.size(), "")
                        : values(priceCells(price), Columns.PRICE));
                try {
                    printer.printRecord(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static List<String> values(Map<String, Object> cells, List<String> columns) {
            List<String> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                Object value = cells.get(column);
                String cell = value instanceof List<?> list ? String.join(column.equals(Columns.CHARACTERISTICS)
                        ? Columns.CHARACTERISTIC_SEPARATOR : Columns.LIST_SEPARATOR, (List<String>) list)
                        : value == null ? "" : value.toString();
                // partners write these texts and staff open exports in spreadsheets: a text that starts like a
                // formula is written after a ' (CsvCells; the import takes it off); numbers as they are
                values.add(Columns.NUMBERS.contains(column) ? cell : CsvCells.guard(cell));
            }
            return values;
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Json extends CatalogFileWriter {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final JsonGenerator generator;

        Json(OutputStream out) {
            this.generator = JSON.createGenerator(out);
            generator.writeStartArray();
        }

        @Override
        public void write(OfferingDraft draft) {
            Map<String, Object> offering = withoutEmpty(offeringCells(draft));
            offering.put(Columns.PRICES, draft.prices().stream().map(CatalogFileWriter::priceCells)
                    .map(Json::withoutEmpty).toList());
            JSON.writeValue(generator, offering);
            generator.writeRaw('\n');
        }

        private static Map<String, Object> withoutEmpty(Map<String, Object> cells) {
            Map<String, Object> kept = new LinkedHashMap<>();
            cells.forEach((column, value) -> {
                if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                    kept.put(column, value);
                }
            });
            return kept;
        }

        @Override
        public void close() {
            generator.writeEndArray();
            generator.close();
        }
    }
}
