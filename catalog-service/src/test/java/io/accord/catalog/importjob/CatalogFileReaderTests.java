package io.accord.catalog.importjob;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFileReaderTests {

    @Test
    void groupsConsecutiveCsvLinesOfAnOfferingIntoOneRowWithItsPrices() {
        List<ImportItem> items = read(FileFormat.CSV, """
                externalId,name,category,priceExternalId,priceType,amount,currency,tiers
                iot-data,IoT Data,IOT_CONNECTIVITY,iot-data-usage,USAGE,,EUR,0-1000:0.05|1000-:0.04
                iot-data,,,iot-data-fee,RECURRING,2.00,EUR,
                ott,Streamo,VIDEO,ott-monthly,RECURRING,7.99,EUR,
                """);

        assertThat(items).hasSize(2);
        ImportItem iot = items.get(0);
        assertThat(iot.row()).isEqualTo(1);
        assertThat(iot.line()).isEqualTo(2);
        assertThat(iot.offering().get("name")).isEqualTo("IoT Data");
        assertThat(iot.prices()).extracting(price -> price.get("priceExternalId"))
                .containsExactly("iot-data-usage", "iot-data-fee");
        assertThat(iot.prices().get(0).get("tiers")).isEqualTo("0-1000:0.05|1000-:0.04");
        assertThat(iot.prices().get(1).line()).isEqualTo(3);
        assertThat(iot.prices().get(1).field("amount")).isEqualTo("amount");
        assertThat(iot.problems()).isEmpty();
        assertThat(items.get(1).row()).isEqualTo(2);
        assertThat(items.get(1).line()).isEqualTo(4);
    }

    @Test
    void aRepeatedOfferingCellThatDiffersNamesItsColumnAndLine() {
        List<ImportItem> items = read(FileFormat.CSV, """
                externalId,name,priceExternalId,amount
                a,Alpha,p1,1.00
                a,Beta,p2,2.00
                """);

        assertThat(items.get(0).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("name");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("differs from line 2");
        });
    }

    @Test
    void aCsvLineWithTooManyCellsIsAProblemOfItsRowOnly() {
        List<ImportItem> items = read(FileFormat.CSV, """
                externalId,name
                a,Alpha,surplus
                b,Beta
                """);

        assertThat(items.get(0).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("3 cells");
        });
        assertThat(items.get(1).problems()).isEmpty();
    }

    @Test
    void refusesAHeaderWithUnknownOrMissingColumns() {
        assertThatThrownBy(() -> read(FileFormat.CSV, "externalId,name,colour\na,b,c\n"))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> read(FileFormat.CSV, "externalId,description\na,b\n"))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("[name]");
    }

    @Test
    void aBrokenQuoteFailsTheFileNamingWhereItIs() {
        assertThatThrownBy(() -> read(FileFormat.CSV, "externalId,name\na,ok\nb,\"never closed\n"))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("malformed after line");
    }

    @Test
    void readsJsonOfferingsWithTheSameFieldNamesAndListsAsArrays() {
        List<ImportItem> items = read(FileFormat.JSON, """
                [
                  {"externalId": "iot-data", "name": "IoT Data", "salesChannels": ["WEB", "PARTNER"],
                   "prices": [{"priceExternalId": "iot-data-usage", "amount": 0.05,
                               "tiers": ["0-1000:0.05", "1000-:0.04"]}]},
                  {"externalId": "ott", "name": "Streamo"}
                ]
                """);

        assertThat(items).hasSize(2);
        assertThat(items.get(0).offering().get("salesChannels")).isEqualTo("WEB|PARTNER");
        assertThat(items.get(0).prices().get(0).get("tiers")).isEqualTo("0-1000:0.05|1000-:0.04");
        assertThat(items.get(0).prices().get(0).get("amount")).isEqualTo("0.05");
        assertThat(items.get(1).line()).isEqualTo(5);
        assertThat(items.get(1).prices()).isEmpty();
    }

    @Test
    void anUnknownJsonFieldOrAWrongTypeIsAProblemNamingTheFieldPath() {
        List<ImportItem> items = read(FileFormat.JSON, """
                [{"externalId": "a", "name": "A", "colour": "red",
                  "prices": [{"priceExternalId": "p", "amount": {"value": 1}}]}]
                """);

        assertThat(items.get(0).problems()).extracting(RowProblem::field)
                .containsExactly("colour", "prices[0].amount");
    }

    @Test
    void aJsonFileIsAnArrayAndSyntaxErrorsFailTheFile() {
        assertThatThrownBy(() -> read(FileFormat.JSON, "{\"url\": \"https://example.com/file.csv\"}"))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("array of offerings");
        assertThatThrownBy(() -> read(FileFormat.JSON, "[{\"externalId\": \"a\"},\n {\"externalId\" \"b\"}]"))
                .isInstanceOf(FileFormatException.class).hasMessageContaining("line 2");
    }

    private static List<ImportItem> read(FileFormat format, String text) {
        List<ImportItem> items = new ArrayList<>();
        try (ItemReader reader = format.reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (ImportItem item = reader.next(); item != null; item = reader.next()) {
                items.add(item);
            }
        }
        return items;
    }
}
