package io.accord.onboarding.application;

import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A prospective partner using the public application API. Every applicant gets its own name and a valid German
 * VAT number of its own, so duplicate detection only fires where a test wants it to.
 */
final class Applicants {

    static final String APPLICATIONS = "/api/onboarding/applications";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8);

    private static final AtomicInteger SEQUENCE = new AtomicInteger(new Random().nextInt(1_000_000));

    private Applicants() {
    }

    /** A complete, clean OTT/SELL_THROUGH application: every automated check passes. */
    static String cleanOtt(String legalName, String vatNumber) {
        return """
                {"legalName": "%s", "tradingName": "Brand of %s", "partnerType": "OTT_CONTENT",
                 "businessModel": "SELL_THROUGH", "country": "DE", "taxId": "%s",
                 "registeredAddress": {"street1": "Friedrichstraße 68", "city": "Berlin", "postCode": "10117"},
                 "contacts": {
                   "commercial": {"name": "Anna Schmidt", "email": "anna.%s@partner.example", "phone": "+49 30 1234567"},
                   "technical": {"name": "Jonas Weber", "email": "noc@partner.example"},
                   "billing": {"name": "Lea Fischer", "email": "billing@partner.example"}},
                 "bankAccount": {"iban": "%s", "bic": "COBADEFFXXX"},
                 "settlementCurrency": "EUR"}
                """.formatted(legalName, legalName, vatNumber, Math.abs(legalName.hashCode()), uniqueGermanIban());
    }

    /**
     * A valid German IBAN (Commerzbank Köln, BIC COBADEFFXXX) different for every call: duplicate detection compares
     * the bank accounts of partners too.
     */
    static String uniqueGermanIban() {
        String account = String.format("%010d", (SEQUENCE.incrementAndGet() * 7919L + 1_000_000L) % 10_000_000_000L);
        return new org.iban4j.Iban.Builder().countryCode(org.iban4j.CountryCode.DE).bankCode("37040044")
                .accountNumber(account).build().toString();
    }

    /** The IBAN of an application's JSON. */
    static String ibanOf(String json) {
        java.util.regex.Matcher iban = java.util.regex.Pattern.compile("\"iban\": \"([A-Z0-9]+)\"").matcher(json);
        if (!iban.find()) {
            throw new AssertionError("no IBAN in " + json);
        }
        return iban.group(1);
    }

    /** A unique company name: the duplicate check compares normalised names. */
    static String uniqueName(String base) {
        int n = SEQUENCE.incrementAndGet();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            letters.append((char) ('a' + (n >> (i * 4)) % 26));
        }
        return base + " " + letters + " GmbH";
    }

    /** A German VAT number with a valid ISO 7064 MOD 11,10 check digit, different for every call. */
    static String uniqueGermanVat() {
        String body = String.valueOf(10_000_000 + SEQUENCE.incrementAndGet() % 89_999_999);
        int product = 10;
        for (char c : body.toCharArray()) {
            int sum = (c - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        return "DE" + body + (check == 10 ? 0 : check);
    }

    /** Creates the draft and returns its id and tracking secret. */
    static Draft apply(TestHttp anonymous, String json) {
        TestHttp.Response created = anonymous.post(APPLICATIONS, json);
        if (created.status() != 201) {
            throw new AssertionError("application not created: " + created);
        }
        return new Draft(created.json().get("id").asString(), created.json().get("trackingSecret").asString());
    }

    record Draft(String id, String secret) {

        TestHttp as(TestHttp anonymous) {
            return anonymous.header("X-Tracking-Secret", secret);
        }

        TestHttp.Response attach(TestHttp anonymous, String documentType) {
            return as(anonymous).postMultipart(APPLICATIONS + "/" + id + "/documents", new TestMultipart()
                    .field("documentType", documentType)
                    .file("file", documentType.toLowerCase() + ".pdf", "application/pdf", PDF));
        }

        TestHttp.Response submit(TestHttp anonymous) {
            return as(anonymous).post(APPLICATIONS + "/" + id + "/submission", null);
        }

        TestHttp.Response get(TestHttp anonymous) {
            return as(anonymous).get(APPLICATIONS + "/" + id);
        }
    }
}
