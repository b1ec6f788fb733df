package io.accord.portal.layout;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * German has one word for a quote and for a (product) offering: the portal says "Angebot" for a quote only and
 * "Produktangebot" for an offering, so that "Angebote" in the menu and "Angebote" in the catalog are not two things.
 */
class GermanTermsTests {

    private static final Pattern OFFERING = Pattern.compile("\\bofferings?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE = Pattern.compile("\\bquot", Pattern.CASE_INSENSITIVE);
    /** "Angebot" standing alone or opening a compound, not the verb "angeboten", not inside "Produktangebot". */
    private static final Pattern ANGEBOT = Pattern.compile("(?<!produkt)angebot(?!en\\b)", Pattern.CASE_INSENSITIVE);

    @Test
    void anOfferingIsAProduktangebotAndOnlyAQuoteIsAnAngebot() throws IOException {
        Properties english = load("messages.properties");
        Properties german = load("messages_de.properties");
        List<String> offeringsNotSo = new ArrayList<>();
        List<String> angebotNotAQuote = new ArrayList<>();
        for (String key : german.stringPropertyNames()) {
            String en = english.getProperty(key, "");
            String de = german.getProperty(key);
            if (OFFERING.matcher(en).find() && !de.toLowerCase().contains("produktangebot")) {
                offeringsNotSo.add(key + "=" + de);
            }
            if (ANGEBOT.matcher(de).find() && !QUOTE.matcher(en).find()) {
                angebotNotAQuote.add(key + "=" + de);
            }
        }
        assertThat(offeringsNotSo).as("offerings not called Produktangebot").isEmpty();
        assertThat(angebotNotAQuote).as("Angebot for something not a quote").isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
