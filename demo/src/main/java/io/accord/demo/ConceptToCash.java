package io.accord.demo;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The concept-to-cash journey of ARCHITECTURE.md §3, as users do it: through the gateway with the development
 * realm's Keycloak tokens (new partners' admins log in after setting their password from the first-login e-mail),
 * usage over Kafka as a mediation system sends it. One method per step of issue 13; each checks its outcome and
 * throws {@link StepFailed} saying what went wrong. Every run uses new names and ids, so it runs again on the same
 * platform. {@code ./accord demo} ({@link Demo}) and {@code ConceptToCashSystemTests} run it.
 */
public final class ConceptToCash implements AutoCloseable {

    static final String CATALOG = "/tmf-api/productCatalogManagement/v4";
    static final String QUOTES = "/tmf-api/quoteManagement/v4/quote";
    static final String ORDERS = "/tmf-api/productOrderingManagement/v4/productOrder";
    static final String SETTLEMENT = "/api/settlement";
    static final String RAW_USAGE_TOPIC = "usage.raw.v1";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** Calls of the reseller's subscribers kept for its CDR file. */
    private static final int CDR_SAMPLE = 40;
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final BigDecimal ORIGINAL_VOICE = new BigDecimal("0.020000");
    private static final BigDecimal CORRECTED_VOICE = new BigDecimal("0.018000");

    private final DemoConfig config;
    private final Narrator narrator;
    private final Http gateway;
    private final String run;
    private final Random random = new Random();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private ActivationWebhook webhook;

    // what the steps learn, for the next steps and the summary
    final Partner ott = new Partner("OTT content partner (SELL_THROUGH)");
    final Partner reseller = new Partner("reseller (RESELL)");
    final Partner coCreator = new Partner("co-creation partner (CO_CREATE, reviewed)");
    String videoOffering;
    String videoExternalId;
    String mobileOffering;
    String mobileExternalId;
    String coCreatedOffering;
    String coCreatedExternalId;
    final List<String> videoCustomers = new ArrayList<>();
    final List<String> mobileCustomers = new ArrayList<>();
    final List<String> coCreatedCustomers = new ArrayList<>();
    final List<String> products = new ArrayList<>();
    String source;
    Instant usageFrom;
    long sent;
    long duplicatesSent;
    long unratableSent;
    double ratingRate;
    long correctedRecords;
    long recycled;
    Path documents;
    final List<Path> pdfs = new ArrayList<>();
    String disputeId;
    BigDecimal disputedAmount;
    BigDecimal creditAmount;
    String adjustmentStatement;
    Counts usageCounts;
    Counts counts;
    Amounts amounts;
    /** The reseller's own record of some of its subscribers' calls: its CDR file for the usage match. */
    final List<Cdr> resellerCdrs = new ArrayList<>();
    /** Unique calls of the reseller's subscribers sent: all rated, so on our side of the usage match. */
    long resellerCalls;
    Map<String, Long> usageMatchCounts = Map.of();

    /** One partner of the story and what became of it. */
    public static final class Partner {
        final String role;
        String id;
        String name;
        String applicationId;
        String adminEmail;
        String token;
        String firstPeriod;
        String secondPeriod;
        final List<String> statements = new ArrayList<>();
        BigDecimal rated = BigDecimal.ZERO;
        long ratedRecords;
        BigDecimal shared = BigDecimal.ZERO;
        BigDecimal settled = BigDecimal.ZERO;
        BigDecimal disputed = BigDecimal.ZERO;

        Partner(String role) {
            this.role = role;
        }

        public String id() {
            return id;
        }

        public List<String> statements() {
            return statements;
        }
    }

    /** Rating's count equation for the demo's source. */
    public record Counts(long received, long rated, long suspended, long duplicates, long writtenOff, long replaced,
                         long pending) {
        public boolean balanced() {
            return received == rated + suspended + duplicates + writtenOff + replaced && pending == 0;
        }
    }

    /** Settlement's amount equation over the demo partners' periods (6 decimals). */
    public record Amounts(BigDecimal rated, BigDecimal onStatements, BigDecimal notYetOnStatement,
                          BigDecimal difference) {
    }

    public ConceptToCash(DemoConfig config, Narrator narrator) {
        this.config = config;
        this.narrator = narrator;
        this.gateway = new Http(config.gateway());
        this.run = Long.toString(System.currentTimeMillis(), 36) + Integer.toString(random.nextInt(36 * 36), 36);
        this.source = "demo-" + run;
    }

    /** Every step in order; the first failure stops the journey. */
    public void runAll() {
        onboarding();
        catalog();
        orders();
        usage();
        periodClose();
        reconciliationAndDispute();
        summary();
    }

    // ---------------------------------------------------------------------------------------------------- step 1

    /** Two zero-touch applications and one that a partner manager reviews; the new admins log in. */
    public void onboarding() {
        narrator.step(1, "Partners apply: zero-touch approval, admin accounts, a reviewed co-creation partner");
        // each partner its own account: one already held by another partner sends an application to review
        apply(ott, "Streamly " + run + " Media GmbH", "OTT_CONTENT", "SELL_THROUGH", "DE", germanVatId(),
                germanIban());
        apply(reseller, "Relay " + run + " Mobile SARL", "RESELLER", "RESELL", "FR", frenchVatId(), frenchIban());
        apply(coCreator, "Gamecraft " + run + " Studios GmbH", "OTT_CONTENT", "CO_CREATE", "DE", germanVatId(),
                germanIban());
        for (Partner partner : List.of(ott, reseller)) {
            if (partner.id == null) {
                throw new StepFailed(partner.name + " was not approved zero-touch");
            }
            narrator.say(partner.name + ": APPROVED zero-touch, partner " + partner.id);
        }
        if (coCreator.id != null) {
            throw new StepFailed(coCreator.name + " (CO_CREATE) was approved without review");
        }
        narrator.say(coCreator.name + ": IN_REVIEW (CO_CREATE always goes to a partner manager)");
        JsonNode approved = gateway.post(token("partner-manager"), "/api/onboarding/admin/applications/"
                + coCreator.applicationId + "/approval", "{\"note\": \"co-creation terms agreed in the kick-off\"}")
                .expect(200).json();
        coCreator.id = text(approved, "partnerId");
        narrator.say(coCreator.name + ": approved by partner-manager, partner " + coCreator.id + " ("
                + text(approved, "status") + ")");
        for (Partner partner : List.of(ott, reseller)) {
            firstLogin(partner);
        }
    }

    private void apply(Partner partner, String legalName, String type, String model, String country, String taxId,
                       String iban) {
        partner.name = legalName;
        partner.adminEmail = "admin." + run + "." + type.toLowerCase(Locale.ROOT).replace('_', '-') + "."
                + model.toLowerCase(Locale.ROOT).replace('_', '-') + "@demo.example";
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("legalName", legalName);
        application.put("tradingName", legalName.split(" ")[0]);
        application.put("partnerType", type);
        application.put("businessModel", model);
        application.put("country", country);
        application.put("taxId", taxId);
        application.put("registeredAddress", Map.of("street1", "Demo Street 1", "city",
                country.equals("FR") ? "Paris" : "Berlin", "postCode", country.equals("FR") ? "75001" : "10117"));
        application.put("contacts", Map.of(
                "commercial", Map.of("name", "Demo Admin", "email", partner.adminEmail),
                "technical", Map.of("name", "Demo Ops", "email", "noc." + run + "@demo.example", "phone",
                        "+49 30 1234567"),
                "billing", Map.of("name", "Demo Billing", "email", "billing." + run + "@demo.example")));
        application.put("bankAccount", Map.of("iban", iban));
        application.put("settlementCurrency", "EUR");
        JsonNode created = gateway.post(null, "/api/onboarding/applications", Http.json(application))
                .expect(201).json();
        partner.applicationId = text(created, "id");
        String secret = text(created, "trackingSecret");
        String path = "/api/onboarding/applications/" + partner.applicationId;
        for (String document : List.of("TAX_FORM", "BANK_PROOF")) {
            gateway.postMultipart(null, path + "/documents", Map.of("X-Tracking-Secret", secret),
                    Map.of("documentType", document),
                    List.of(new Http.Part("file", document.toLowerCase(Locale.ROOT) + ".pdf", "application/pdf",
                            PDF))).expect(201);
        }
        JsonNode submitted = gateway.send(gateway.builder(null, path + "/submission")
                .header("X-Tracking-Secret", secret).POST(HttpRequest.BodyPublishers.noBody())).expect(200).json();
        String status = text(submitted, "status");
        if (status.equals("APPROVED")) {
            partner.id = text(submitted, "partnerId");
        } else if (!status.equals("IN_REVIEW")) {
            throw new StepFailed(legalName + ": application " + status + ": " + submitted);
        } else if (!model.equals("CO_CREATE")) {
            throw new StepFailed(legalName + ": went to review instead of zero-touch approval: "
                    + submitted.path("checks"));
        }
    }

    /** Keycloak's first-login e-mail from the mail sink, a password chosen on Keycloak's page, a token. */
    private void firstLogin(Partner partner) {
        String staff = token("partner-manager");
        Waits.until(partner.name + "'s admin account in Keycloak", EVENTUALLY, () -> {
            JsonNode identity = gateway.get(staff, "/api/onboarding/partners/" + partner.id + "/identity")
                    .expect(200).json();
            return "DONE".equals(text(identity, "state")) ? identity : null;
        });
        String mailbox = config.mailApi() + "/api/user/" + Http.encode(partner.adminEmail) + "/messages/";
        Http mail = new Http(config.mailApi());
        String message = Waits.until("the first-login e-mail to " + partner.adminEmail, EVENTUALLY, () -> {
            JsonNode messages = mail.get(null, mailbox).expect(200).json();
            return messages.size() > 0 ? text(messages.get(0), "mimeMessage") : null;
        });
        String password = "Demo-" + UUID.randomUUID() + "!";
        FirstLogin.setPassword(FirstLogin.actionLink(message), password);
        partner.token = login(partner.adminEmail, password);
        JsonNode claims = Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(partner.token.split("\\.")[1]));
        if (!partner.id.equals(text(claims, "partner_id"))) {
            throw new StepFailed(partner.adminEmail + "'s token names partner " + claims.path("partner_id")
                    + ", not " + partner.id);
        }
        narrator.say(partner.adminEmail + ": first-login e-mail read, password set, logged in (partner_id "
                + partner.id + ")");
    }

    // ---------------------------------------------------------------------------------------------------- step 2

    /** The OTT partner's catalog file, reviewed and launched; the CSP's mobile offering and a co-created offer. */
    public void catalog() {
        narrator.step(2, "Catalog: the OTT partner imports its file, a partner manager approves, offerings launch");
        videoExternalId = "streamly-video-" + run;
        String csv = IMPORT_HEADER
                + row(videoExternalId, "Streamly Video " + run, "VIDEO", "ONLINE", "LICENCE_KEY", "true", "",
                "monthly", "Monthly subscription", "RECURRING", "7.99", "", "", "2026-01-01")
                + row(videoExternalId, "Streamly Video " + run, "VIDEO", "ONLINE", "LICENCE_KEY", "true", "",
                "views", "Pay-per-view", "USAGE", "0.50", "EVENT", "CONTENT_VIEW", "2026-01-01");
        importCatalog(ott.token, "", csv, 1);
        videoOffering = offeringId(ott.token, videoExternalId, "");
        gateway.post(ott.token, "/api/catalog/offerings/" + videoOffering + "/submission", null).expect(200);
        narrator.say("imported and submitted " + videoExternalId + " (7.99 EUR a month, 0.50 EUR a view)");
        approve(videoOffering, videoExternalId);

        String staff = token("partner-manager");
        mobileExternalId = "csp-mobile-" + run;
        coCreatedExternalId = "co-gaming-" + run;
        String cspCsv = IMPORT_HEADER
                + row(mobileExternalId, "Mobile Flex " + run, "MOBILE", "ONLINE|PARTNER", "", "false", "",
                "monthly", "Monthly plan", "RECURRING", "15.00", "", "", "2026-01-01")
                + row(mobileExternalId, "Mobile Flex " + run, "MOBILE", "ONLINE|PARTNER", "", "false", "",
                "voice", "Voice minutes", "USAGE", "0.05", "MIN", "VOICE", "2026-01-01")
                + coCreatedRows(ORIGINAL_VOICE, null);
        importCatalog(staff, "&owner=CSP", cspCsv, 2);
        mobileOffering = offeringId(staff, mobileExternalId, "&owner=CSP");
        coCreatedOffering = offeringId(staff, coCreatedExternalId, "&owner=CSP");
        for (String[] offering : List.of(new String[] {mobileOffering, mobileExternalId},
                new String[] {coCreatedOffering, coCreatedExternalId})) {
            gateway.post(staff, "/api/catalog/offerings/" + offering[0] + "/submission", null).expect(200);
            approve(offering[0], offering[1]);
        }
        narrator.say(mobileExternalId + ": the CSP's mobile plan (0.05 EUR/min), resold by " + reseller.name);
        narrator.say(coCreatedExternalId + ": co-created by the CSP and " + ott.name + " (40 % share, voice "
                + ORIGINAL_VOICE.stripTrailingZeros().toPlainString() + " EUR/min, no data price yet)");
    }

    private static final String IMPORT_HEADER = "externalId,name,description,category,kind,salesChannels,"
            + "resourceTypes,partnerActivation,participants,priceExternalId,priceName,priceType,amount,currency,"
            + "taxCategory,recurringPeriod,proration,unit,usageTypes,priceValidFrom\n";

    private static String row(String externalId, String name, String category, String channels, String resources,
                              String activation, String participants, String priceId, String priceName,
                              String priceType, String amount, String unit, String usageTypes, String validFrom) {
        boolean recurring = priceType.equals("RECURRING");
        return String.join(",", externalId, name, "Created by ./accord demo", category, "SINGLE", channels,
                resources, activation, participants, priceId, priceName, priceType, amount, "EUR", "STANDARD",
                recurring ? "MONTH" : "", recurring ? "DAILY" : "", unit, usageTypes, validFrom) + "\n";
    }

    private String coCreatedRows(BigDecimal voice, String changesFrom) {
        String participants = ott.id + ":40";
        String from = changesFrom == null ? "2026-01-01" : changesFrom;
        String rows = row(coCreatedExternalId, "Cloud Gaming " + run, "GAMING", "ONLINE", "", "true", participants,
                "monthly", "Monthly subscription", "RECURRING", "9.99", "", "", "2026-01-01")
                + row(coCreatedExternalId, "Cloud Gaming " + run, "GAMING", "ONLINE", "", "true", participants,
                "voice", "Voice chat", "USAGE", voice.stripTrailingZeros().toPlainString(), "MIN", "VOICE", from);
        if (changesFrom != null) {
            rows += row(coCreatedExternalId, "Cloud Gaming " + run, "GAMING", "ONLINE", "", "true", participants,
                    "data", "Data boost", "USAGE", "0.01", "MB", "DATA", changesFrom);
        }
        return rows;
    }

    private void importCatalog(String token, String owner, String csv, int rows) {
        JsonNode job = gateway.post(token, CATALOG + "/importJob?mode=allOrNothing&fileName=demo-" + run + ".csv"
                + owner, "text/csv", csv).expect(201).json();
        String id = text(job, "id");
        JsonNode done = Waits.until("import job " + id, EVENTUALLY, () -> {
            JsonNode state = gateway.get(token, CATALOG + "/importJob/" + id).expect(200).json();
            String status = text(state, "status");
            return status.equals("Succeeded") || status.equals("Failed") ? state : null;
        });
        if (!text(done, "status").equals("Succeeded")) {
            throw new StepFailed("import job " + id + " failed: " + done + " rows: "
                    + gateway.get(token, CATALOG + "/importJob/" + id + "/rows").body());
        }
        narrator.say("import job " + id + ": " + text(done, "status") + " " + done.path("outcomes"));
    }

    private String offeringId(String token, String externalId, String owner) {
        JsonNode found = gateway.get(token, CATALOG + "/productOffering?externalId=" + Http.encode(externalId)
        ).expect(200).json();
        if (found.size() != 1) {
            throw new StepFailed("offering " + externalId + ": " + found.size() + " found");
        }
        return text(found.get(0), "id");
    }

    /**
     * A second partner manager approves: partner-manager imported and submitted the CSP's offerings, and four-eyes
     * keeps whoever created or submitted an offering from approving it.
     */
    private void approve(String offering, String externalId) {
        JsonNode decided = gateway.post(token("partner-manager-b"), "/api/catalog/offerings/" + offering
                + "/decision", "{\"decision\": \"APPROVE\"}").expect(200).json();
        String status = text(decided, "lifecycleStatus");
        if (!status.equals("Launched")) {
            throw new StepFailed(externalId + " is " + status + " after approval, not Launched");
        }
        narrator.say(externalId + ": approved by partner-manager-b: Launched");
    }

    // ---------------------------------------------------------------------------------------------------- step 3

    /** Quotes and orders; fulfilment activates at the OTT partner's webhook (served here) and allocates keys. */
    public void orders() {
        narrator.step(3, "Customers are quoted and order; fulfilment activates, allocates, creates products");
        try {
            webhook = ActivationWebhook.start();
        } catch (IOException e) {
            throw new StepFailed("cannot serve the activation webhook: " + e);
        }
        JsonNode endpoint = gateway.post(ott.token, "/api/orchestration/partner-endpoints",
                "{\"mode\": \"WEBHOOK\", \"url\": \"" + webhook.url() + "\"}").expect(201, 200).json();
        webhook.secret(text(endpoint, "secret"));
        narrator.say(ott.name + " registered its activation WEBHOOK " + webhook.url() + " (served by the demo)");
        narrator.say(reseller.name + " registered none: AUTO");

        int videoCount = 6;
        int coCreatedCount = 4;
        int mobileCount = 10;
        String ops = token("ops");
        JsonNode pool = gateway.post(ops, "/api/orchestration/inventory/pools", Http.json(Map.of(
                "name", "Streamly DRM keys " + run, "resourceType", "LICENCE_KEY", "partnerId", ott.id,
                "lowWatermark", 1))).expect(201).json();
        StringBuilder keys = new StringBuilder("value\n");
        for (int i = 1; i <= videoCount + 4; i++) {
            keys.append("STREAMLY-").append(run.toUpperCase(Locale.ROOT)).append('-').append(i).append('\n');
        }
        JsonNode loaded = gateway.postMultipart(ops, "/api/orchestration/inventory/pools/" + text(pool, "id")
                        + "/imports", Map.of(), Map.of(),
                List.of(new Http.Part("file", "keys.csv", "text/csv", keys.toString().getBytes(StandardCharsets.UTF_8))))
                .expect(200, 201).json();
        narrator.say("ops loaded " + loaded.path("loaded") + " DRM licence keys into pool " + text(pool, "id"));

        String manager = token("partner-manager");
        List<String> orders = new ArrayList<>();
        for (int i = 1; i <= videoCount; i++) {
            String customer = "demo-" + run + "-video-" + i;
            videoCustomers.add(customer);
            orders.add(quoteAndAccept(manager, customer, videoOffering));
        }
        narrator.say(videoCount + " customers quoted and accepted " + videoExternalId + " (ONLINE channel)");
        for (int i = 1; i <= coCreatedCount; i++) {
            String customer = "demo-" + run + "-gaming-" + i;
            coCreatedCustomers.add(customer);
            orders.add(order(manager, customer, coCreatedOffering, "{\"id\": \"ONLINE\", \"role\": \"SalesChannel\"}"));
        }
        narrator.say(coCreatedCount + " customers ordered " + coCreatedExternalId);
        for (int i = 1; i <= mobileCount; i++) {
            String customer = "demo-" + run + "-mobile-" + i;
            mobileCustomers.add(customer);
            orders.add(order(reseller.token, customer, mobileOffering, null));
        }
        narrator.say(reseller.name + " ordered " + mobileExternalId + " for " + mobileCount + " of its customers");

        long started = System.nanoTime();
        int done = 0;
        for (String order : orders) {
            JsonNode completed = Waits.until("order " + order + " to complete", EVENTUALLY, () -> {
                JsonNode state = gateway.get(manager, ORDERS + "/" + order).expect(200).json();
                String value = text(state, "state");
                if (List.of("failed", "partial", "cancelled").contains(value)) {
                    throw new IllegalStateException("order " + order + " ended " + value + ": " + state);
                }
                return value.equals("completed") ? state : null;
            });
            for (JsonNode item : completed.path("productOrderItem")) {
                products.add(text(item.path("product"), "id"));
            }
            narrator.progress("orders completed", ++done, orders.size());
        }
        narrator.say(String.format(Locale.ROOT, "%d orders completed in %.1f s; %d activations answered by the"
                + " webhook (signatures verified)", orders.size(), (System.nanoTime() - started) / 1e9,
                webhook.activations()));
        if (webhook.activations() < videoCount + coCreatedCount) {
            throw new StepFailed("the webhook was asked " + webhook.activations() + " times, expected "
                    + (videoCount + coCreatedCount) + (webhook.problem() == null ? "" : ": " + webhook.problem()));
        }
        JsonNode product = gateway.get(ott.token, "/tmf-api/productInventory/v4/product/" + products.get(0))
                .expect(200).json();
        if (!"active".equals(text(product, "status")) || product.path("realizingResource").isEmpty()) {
            throw new StepFailed("product " + products.get(0) + " is not active with its licence key: " + product);
        }
        narrator.say(products.size() + " product instances active; e.g. " + products.get(0) + " realised by "
                + product.path("realizingResource").get(0).path("value").asString(
                product.path("realizingResource").get(0).toString()));
    }

    private String quoteAndAccept(String token, String customer, String offering) {
        String quote = Http.json(Map.of("externalId", customer, "relatedParty", List.of(
                        Map.of("id", customer, "role", "Customer"), Map.of("id", "ONLINE", "role", "SalesChannel")),
                "quoteItem", List.of(Map.of("id", "1", "action", "add", "quantity", 1,
                        "productOffering", Map.of("id", offering)))));
        String id = text(gateway.post(token, QUOTES, quote).expect(201).json(), "id");
        gateway.patch(token, QUOTES + "/" + id, "{\"state\": \"approved\"}").expect(200);
        gateway.patch(token, QUOTES + "/" + id, "{\"state\": \"accepted\"}").expect(200);
        return Waits.until("the order of quote " + id, EVENTUALLY, () -> {
            for (JsonNode order : gateway.get(token, ORDERS + "?fields=quote,state&relatedParty.id="
                    + Http.encode(customer)).expect(200).json()) {
                if (id.equals(order.path("quote").path(0).path("id").asString(null))) {
                    return text(order, "id");
                }
            }
            return null;
        });
    }

    private String order(String token, String customer, String offering, String channel) {
        String body = "{\"externalId\": \"" + customer + "\", \"relatedParty\": [{\"id\": \"" + customer
                + "\", \"role\": \"Customer\"}" + (channel == null ? "" : ", " + channel) + "],"
                + "\"productOrderItem\": [{\"id\": \"1\", \"action\": \"add\", \"quantity\": 1,"
                + "\"productOffering\": {\"id\": \"" + offering + "\"}}]}";
        // orchestration learns a launch from catalog.events.v1: until it has, the offering is unknown (400)
        return Waits.until("ordering " + offering, EVENTUALLY, () -> {
            Http.Answer answer = gateway.post(token, ORDERS, body);
            if (answer.status() == 400 && answer.body().contains("productOffering")) {
                return null;
            }
            return text(answer.expect(201).json(), "id");
        });
    }

    // ---------------------------------------------------------------------------------------------------- step 4

    /** Usage over Kafka, duplicates and unratable records included; a price correction re-rates, suspense recycles. */
    public void usage() {
        narrator.step(4, "Usage flows over Kafka (" + String.format(Locale.ROOT, "%,d", config.records())
                + " records), is rated, corrected and recycled");
        String ops = token("ops");
        List<String> subscribers = new ArrayList<>();
        subscribers.addAll(videoCustomers);
        subscribers.addAll(mobileCustomers);
        subscribers.addAll(coCreatedCustomers);
        Instant latestStart = Instant.EPOCH;
        for (String subscriber : subscribers) {
            JsonNode known = Waits.until("rating to know subscriber " + subscriber, EVENTUALLY, () -> {
                JsonNode products = gateway.get(ops, "/api/rating/model/products?subscriber="
                        + Http.encode(subscriber)).expect(200).json();
                return products.size() > 0 ? products : null;
            });
            for (JsonNode product : known) {
                JsonNode validFrom = product.path("validFrom");
                if (!validFrom.isMissingNode() && !validFrom.isNull()
                        && Instant.parse(validFrom.asString()).isAfter(latestStart)) {
                    latestStart = Instant.parse(validFrom.asString());
                }
            }
        }
        // the snapshot rating rates with, not only its tables, holds them all
        long revision = gateway.get(ops, "/api/rating/model").expect(200).json().path("latestRevision").asLong();
        Waits.until("rating's snapshot to reflect revision " + revision, EVENTUALLY, () -> {
            JsonNode model = gateway.get(ops, "/api/rating/model").expect(200).json();
            return model.path("revision").asLong() >= revision ? model : null;
        });
        narrator.say("rating knows the " + subscribers.size() + " subscribers' product instances");
        // usage starts on a whole second after every product started: records before a product's start would
        // rightly go to suspense (NO_PRODUCT_INSTANCE)
        Instant checked = Instant.now();
        usageFrom = (latestStart.isAfter(checked) ? latestStart : checked).truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(1);
        Waits.sleep(Duration.between(Instant.now(), usageFrom).plusMillis(1100));

        long total = config.records();
        unratableSent = Math.max(5, total / 1000);
        duplicatesSent = Math.max(5, total / 200);
        long unique = total - unratableSent - duplicatesSent;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        Instant latest = Instant.now().minusMillis(100);
        long window = Math.max(1, Duration.between(usageFrom, latest).toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            ThreadLocalRandom dice = ThreadLocalRandom.current();
            for (long i = 0; i < total; i++) {
                String subscriber;
                String type;
                String quantity;
                String unit;
                String usageId;
                if (i < unique) {
                    usageId = source + "-" + i;
                    // 60 % resold mobile voice, 38 % views of the OTT video, 2 % voice chat of the co-created offer
                    int pick = (int) (i % 50);
                    if (pick < 30) {
                        subscriber = mobileCustomers.get((int) (i % mobileCustomers.size()));
                        type = "VOICE";
                        quantity = Integer.toString(1 + dice.nextInt(600));
                        unit = "S";
                        resellerCalls++;
                        if (resellerCdrs.size() < CDR_SAMPLE) {
                            resellerCdrs.add(new Cdr(usageId, subscriber, null, quantity));
                        }
                    } else if (pick < 49) {
                        subscriber = videoCustomers.get((int) (i % videoCustomers.size()));
                        type = "CONTENT_VIEW";
                        quantity = "1";
                        unit = "EVENT";
                    } else {
                        subscriber = coCreatedCustomers.get((int) (i % coCreatedCustomers.size()));
                        type = "VOICE";
                        quantity = Integer.toString(1 + dice.nextInt(600));
                        unit = "S";
                    }
                } else if (i < unique + unratableSent) {
                    // data usage of the co-created offer, which has no data price yet: suspended NO_PRICE
                    usageId = source + "-data-" + i;
                    subscriber = coCreatedCustomers.get((int) (i % coCreatedCustomers.size()));
                    type = "DATA";
                    quantity = Integer.toString(1 + dice.nextInt(50));
                    unit = "MB";
                } else {
                    // a mediation system sending records again: same usage id, counted once
                    long original = dice.nextLong(unique);
                    usageId = source + "-" + original;
                    int pick = (int) (original % 50);
                    subscriber = pick < 30 ? mobileCustomers.get((int) (original % mobileCustomers.size()))
                            : pick < 49 ? videoCustomers.get((int) (original % videoCustomers.size()))
                            : coCreatedCustomers.get((int) (original % coCreatedCustomers.size()));
                    type = pick < 30 || pick >= 49 ? "VOICE" : "CONTENT_VIEW";
                    quantity = pick >= 30 && pick < 49 ? "1" : "60";
                    unit = pick >= 30 && pick < 49 ? "EVENT" : "S";
                }
                Instant time = usageFrom.plusMillis(dice.nextLong(window));
                if (!resellerCdrs.isEmpty() && resellerCdrs.getLast().usageId().equals(usageId)
                        && resellerCdrs.getLast().startTime() == null) {
                    resellerCdrs.set(resellerCdrs.size() - 1, resellerCdrs.getLast().at(time));
                }
                String value = "{\"usageId\":\"" + usageId + "\",\"source\":\"" + source + "\",\"usageType\":\""
                        + type + "\",\"subscriberId\":\"" + subscriber + "\",\"startTime\":\"" + time
                        + "\",\"quantity\":\"" + quantity + "\",\"unit\":\"" + unit + "\"}";
                producer.send(new ProducerRecord<>(RAW_USAGE_TOPIC, subscriber, value), (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                });
                sent++;
                if (failure.get() != null) {
                    throw new StepFailed("sending usage to " + RAW_USAGE_TOPIC + " at " + config.kafka()
                            + " failed: " + failure.get());
                }
                if ((i + 1) % 20_000 == 0 || i + 1 == total) {
                    narrator.progress("usage records sent", i + 1, total);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new StepFailed("sending usage failed: " + failure.get());
        }
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        narrator.say(String.format(Locale.ROOT, "sent %,d records to %s in %.1f s (%,d duplicates, %,d data"
                + " records without a price)", sent, RAW_USAGE_TOPIC, sendSeconds, duplicatesSent, unratableSent));

        Counts processed = Waits.until("rating to process the " + sent + " records",
                Duration.ofSeconds(Math.max(300, total / 1000)), Duration.ofSeconds(1), () -> {
                    Counts now = counts();
                    narrator.progress("records rated, suspended or recognised as duplicates", now.received(), sent);
                    return now.received() >= sent && now.pending() == 0 ? now : null;
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        ratingRate = sent / seconds;
        narrator.say(String.format(Locale.ROOT, "rating rate: %,.0f records/s (%,d records from the first send to"
                        + " the last rated in %.1f s): rated %,d, suspended %,d, duplicates %,d", ratingRate, sent,
                seconds, processed.rated(), processed.suspended(), processed.duplicates()));
        if (processed.duplicates() != duplicatesSent || processed.suspended() != unratableSent) {
            throw new StepFailed("expected " + duplicatesSent + " duplicates and " + unratableSent
                    + " suspended, rating counts " + processed);
        }

        // the missing data price is added and the voice price corrected back to the first usage: one revision
        String staff = token("partner-manager");
        String from = usageFrom.toString();
        importCatalog(staff, "&owner=CSP", IMPORT_HEADER + coCreatedRows(CORRECTED_VOICE, from), 1);
        JsonNode offering = gateway.get(staff, CATALOG + "/productOffering/" + coCreatedOffering).expect(200).json();
        if (!"Launched".equals(text(offering, "lifecycleStatus")) || offering.has("pendingChange")
                && !offering.path("pendingChange").isNull()) {
            // partner-manager imported the revision: another partner manager approves it (four-eyes)
            Http.Answer decided = gateway.post(token("partner-manager-b"), "/api/catalog/offerings/"
                    + coCreatedOffering + "/decision", "{\"decision\": \"APPROVE\"}");
            narrator.say("partner-manager-b approved the price revision of " + coCreatedExternalId + " ("
                    + decided.status() + ")");
        }
        narrator.say("price correction: voice " + ORIGINAL_VOICE.stripTrailingZeros().toPlainString() + " -> "
                + CORRECTED_VOICE.stripTrailingZeros().toPlainString() + " EUR/min from " + from
                + "; new data price 0.01 EUR/MB from the same instant");
        Waits.until("rating to hold the corrected prices", EVENTUALLY, () -> {
            JsonNode prices = gateway.get(ops, "/api/rating/model/prices?offeringId=" + coCreatedOffering)
                    .expect(200).json();
            String text = prices.toString();
            return text.contains("DATA") && prices.size() >= 3 ? prices : null;
        });
        JsonNode job = Waits.until("the price correction's re-rate job",
                Duration.ofSeconds(Math.max(300, total / 200)), Duration.ofSeconds(1),
                () -> {
                    JsonNode jobs = gateway.get(ops, "/api/rating/rerate-jobs?offeringId=" + coCreatedOffering)
                            .expect(200).json();
                    for (JsonNode candidate : jobs) {
                        if ("PRICE_CORRECTION".equals(text(candidate, "cause"))) {
                            String state = text(candidate, "state");
                            if (state.equals("FAILED")) {
                                throw new IllegalStateException("re-rate job failed: " + candidate);
                            }
                            JsonNode progress = candidate.path("progress");
                            long toExamine = Math.max(1, progress.path("toExamine").asLong());
                            narrator.progress("records examined for re-rating",
                                    Math.min(toExamine, progress.path("examined").asLong()), toExamine);
                            return state.equals("COMPLETED") ? candidate : null;
                        }
                    }
                    return null;
                });
        correctedRecords = job.path("progress").path("rerated").asLong();
        narrator.say("re-rate job " + text(job, "id") + " COMPLETED: " + job.path("progress"));

        JsonNode recycledAnswer = gateway.post(ops, "/api/rating/suspense/recycle", Http.json(Map.of("filter",
                Map.of("reason", "NO_PRICE", "source", source)))).expect(200).json();
        recycled = recycledAnswer.path("recycled").asLong();
        narrator.say("ops recycled the suspended data records: " + recycledAnswer);
        Counts after = counts();
        usageCounts = after;
        if (after.suspended() != 0) {
            throw new StepFailed("after recycling, " + after.suspended() + " records are still suspended: "
                    + recycledAnswer);
        }
    }

    /** Rating's counts of the demo's source, summed over the days (received = rated + suspended + duplicates + ...). */
    Counts counts() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode answer = gateway.get(token("ops"), "/api/rating/reconciliation?from=" + today.minusDays(1) + "&to="
                + today + "&source=" + Http.encode(source)).expect(200).json();
        long received = 0;
        long rated = 0;
        long suspended = 0;
        long duplicates = 0;
        long writtenOff = 0;
        long replaced = 0;
        for (JsonNode day : answer.path("days")) {
            received += day.path("received").asLong();
            rated += day.path("rated").asLong();
            suspended += day.path("suspended").asLong();
            duplicates += day.path("duplicates").asLong();
            writtenOff += day.path("writtenOff").asLong();
            replaced += day.path("replaced").asLong();
        }
        return new Counts(received, rated, suspended, duplicates, writtenOff, replaced,
                answer.path("pending").path("total").asLong());
    }

    // ---------------------------------------------------------------------------------------------------- step 5

    /** Finance closes the period early, a run drafts statements, finance-b approves, finance issues; PDFs saved. */
    public void periodClose() {
        narrator.step(5, "Finance closes the period early; statements are approved (four eyes), issued, written as PDF");
        awaitSettlementCaughtUp();
        String finance = token("finance");
        for (Partner partner : List.of(ott, reseller)) {
            partner.firstPeriod = closeEarly(finance, partner, "demo " + run + ": month closed early to show it");
        }
        runAndIssue(List.of(ott, reseller), p -> p.firstPeriod);
    }

    private void awaitSettlementCaughtUp() {
        String finance = token("finance");
        for (Partner partner : List.of(ott, reseller)) {
            JsonNode rollups = gateway.get(token("ops"), "/api/rating/rollups?from=" + LocalDate.now(ZoneOffset.UTC)
                    .minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1) + "&groupBy=partner")
                    .expect(200).json();
            BigDecimal share = BigDecimal.ZERO;
            BigDecimal charge = BigDecimal.ZERO;
            long records = 0;
            for (JsonNode row : rollups.path("rows")) {
                if (partner.id.equals(row.path("partnerId").asString(null))) {
                    share = share.add(decimal(row, "partnerShare")).add(decimal(row, "wholesale"));
                    charge = charge.add(decimal(row, "charge"));
                    records += row.path("records").asLong();
                }
            }
            partner.rated = charge;
            partner.ratedRecords = records;
            BigDecimal expected = share.setScale(6, RoundingMode.UNNECESSARY);
            Waits.until("settlement to sum " + partner.name + "'s rated usage (" + expected + ")",
                    Duration.ofMinutes(10), Duration.ofSeconds(1), () -> {
                        BigDecimal summed = ratedInSettlement(finance, partner);
                        narrator.progress("EUR of " + partner.name + "'s partner amounts summed by settlement",
                                summed.abs().longValue(), expected.abs().longValue());
                        return summed.abs().compareTo(expected.abs()) == 0 ? summed : null;
                    });
            partner.shared = expected;
            narrator.say(String.format(Locale.ROOT, "settlement summed %s's %,d rated records: %s EUR of partner"
                    + " amounts", partner.name, records, expected.toPlainString()));
        }
    }

    private BigDecimal ratedInSettlement(String finance, Partner partner) {
        JsonNode conservation = gateway.get(finance, SETTLEMENT + "/conservation?from=" + LocalDate.now(ZoneOffset.UTC)
                .minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC) + "&partnerId=" + partner.id)
                .expect(200).json();
        BigDecimal rated = BigDecimal.ZERO;
        for (JsonNode row : conservation.path("amounts")) {
            rated = rated.add(decimal(row, "rated"));
        }
        return rated;
    }

    private String closeEarly(String finance, Partner partner, String reason) {
        JsonNode open = Waits.until(partner.name + "'s open settlement period", EVENTUALLY, () -> {
            JsonNode periods = gateway.get(finance, SETTLEMENT + "/periods?state=OPEN&at=now&partnerId=" + partner.id)
                    .expect(200).json();
            return periods.size() > 0 ? periods.get(0) : null;
        });
        String period = text(open, "id");
        JsonNode closed = gateway.post(finance, SETTLEMENT + "/periods/" + period + "/early-close",
                Http.json(Map.of("reason", reason))).expect(200).json();
        narrator.say(partner.name + ": period " + period + " [" + text(open, "startAt") + ", now) closed early by"
                + " finance; the next period starts " + closed.path(1).path("startAt").asString("now"));
        return period;
    }

    private void runAndIssue(List<Partner> partners, java.util.function.Function<Partner, String> period) {
        String finance = token("finance");
        String financeB = token("finance-b");
        List<String> ids = partners.stream().map(p -> p.id).toList();
        Http.Answer started = gateway.post(finance, SETTLEMENT + "/runs", Http.json(Map.of("partnerIds", ids)))
                .expect(202);
        String location = started.header("Location");
        JsonNode finished = Waits.until("settlement run " + location, Duration.ofMinutes(5), Duration.ofSeconds(1),
                () -> {
                    JsonNode state = gateway.get(finance, location).expect(200).json();
                    narrator.progress("periods settled", state.path("done").asLong(), state.path("total").asLong());
                    return "RUNNING".equals(text(state, "state")) ? null : state;
                });
        if (!"COMPLETED".equals(text(finished, "state"))) {
            throw new StepFailed("settlement run " + location + " ended " + finished);
        }
        if (documents == null) {
            documents = config.documents().resolve("demo-" + run);
            try {
                Files.createDirectories(documents);
            } catch (IOException e) {
                throw new StepFailed("cannot create " + documents + ": " + e);
            }
        }
        for (Partner partner : partners) {
            JsonNode statements = gateway.get(finance, SETTLEMENT + "/statements?partnerId=" + partner.id
                    + "&periodId=" + period.apply(partner)).expect(200).json();
            if (statements.size() != 1) {
                throw new StepFailed(partner.name + ": " + statements.size() + " statements for period "
                        + period.apply(partner));
            }
            String statement = text(statements.get(0), "id");
            Http.Answer own = gateway.post(finance, SETTLEMENT + "/statements/" + statement + "/approval", null);
            if (own.status() != 409) {
                throw new StepFailed("the preparer approved statement " + statement + " (" + own.status()
                        + "): four eyes not enforced");
            }
            gateway.post(financeB, SETTLEMENT + "/statements/" + statement + "/approval", null).expect(200);
            JsonNode issued = gateway.post(finance, SETTLEMENT + "/statements/" + statement + "/issue", null)
                    .expect(200).json();
            byte[] pdf = gateway.get(partner.token, SETTLEMENT + "/statements/" + statement + "/document",
                    "application/pdf").expect(200).bytes();
            Path file = documents.resolve(text(issued, "documentNumber").replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf");
            try {
                Files.write(file, pdf);
            } catch (IOException e) {
                throw new StepFailed("cannot write " + file + ": " + e);
            }
            pdfs.add(file);
            partner.statements.add(statement);
            partner.settled = partner.settled.add(decimal(issued, "totalAmount"));
            narrator.say(String.format(Locale.ROOT, "%s: statement %s %s (finance-b approved; the preparer was"
                            + " refused), total %s %s, %d lines -> %s", partner.name, text(issued, "documentNumber"),
                    text(issued, "state"), text(issued, "totalAmount"), text(issued, "currency"),
                    issued.path("lines").size(), file));
        }
    }

    // ---------------------------------------------------------------------------------------------------- step 6

    /** The reseller's invoice differs beyond tolerance; a dispute opens, is worked, credited, carried. */
    public void reconciliationAndDispute() {
        narrator.step(6, "The reseller's invoice differs; reconciliation finds it; a dispute is worked and credited");
        String statementId = reseller.statements.get(0);
        JsonNode statement = gateway.get(reseller.token, SETTLEMENT + "/statements/" + statementId).expect(200).json();
        List<Map<String, Object>> lines = new ArrayList<>();
        JsonNode wholesale = null;
        for (JsonNode line : statement.path("lines")) {
            if (wholesale == null && mobileOffering.equals(line.path("offeringId").asString(null))) {
                wholesale = line;
            }
        }
        if (wholesale == null) {
            throw new StepFailed("statement " + statementId + " has no line of " + mobileExternalId + ": "
                    + statement.path("lines"));
        }
        BigDecimal ours = decimal(wholesale, "rounded");
        // the reseller counts fewer minutes: it owes 5 % + 2.00 EUR less than our statement says
        BigDecimal theirs = ours.signum() < 0
                ? ours.add(ours.abs().multiply(new BigDecimal("0.05")).add(new BigDecimal("2.00")))
                .setScale(2, RoundingMode.HALF_EVEN)
                : ours.subtract(ours.multiply(new BigDecimal("0.05")).add(new BigDecimal("2.00")))
                .setScale(2, RoundingMode.HALF_EVEN);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("offeringId", mobileOffering);
        if (wholesale.hasNonNull("usageType")) {
            line.put("usageType", text(wholesale, "usageType"));
        }
        line.put("description", "Wholesale voice, our count");
        line.put("amount", theirs.toPlainString());
        lines.add(line);
        // the minimum commitment (the wholesale stayed below the monthly 500.00 EUR) the reseller invoices as we do
        for (JsonNode commitment : statement.path("lines")) {
            if ("MINIMUM_COMMITMENT".equals(commitment.path("type").asString(null))) {
                Map<String, Object> owed = new LinkedHashMap<>();
                owed.put("description", "Minimum commitment");
                owed.put("amount", decimal(commitment, "rounded").setScale(2, RoundingMode.HALF_EVEN)
                        .toPlainString());
                lines.add(owed);
            }
        }
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("periodId", reseller.firstPeriod);
        invoice.put("invoiceNumber", "RLY-" + run);
        invoice.put("invoiceDate", LocalDate.now(ZoneOffset.UTC).toString());
        invoice.put("currency", "EUR");
        invoice.put("lines", lines);
        JsonNode submitted = gateway.post(reseller.token, SETTLEMENT + "/partner-invoices", Http.json(invoice))
                .expect(201).json();
        JsonNode reconciliation = submitted.path("latestReconciliation");
        narrator.say(String.format(Locale.ROOT, "%s uploaded invoice RLY-%s: %s %s EUR where our statement says %s;"
                        + " reconciliation %s", reseller.name, run, mobileExternalId, theirs.toPlainString(),
                ours.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                shorten(reconciliation.path("outcomes").toString())));
        if (!reconciliation.path("discrepancies").asBoolean()) {
            throw new StepFailed("reconciliation found nothing beyond tolerance: " + reconciliation);
        }
        matchResellerCdrs(text(submitted, "id"));
        JsonNode dispute = Waits.until("the dispute opened from the reconciliation", EVENTUALLY, () -> {
            for (JsonNode ticket : gateway.get(reseller.token, "/tmf-api/troubleTicket/v4/troubleTicket?limit=100")
                    .expect(200).json()) {
                if (ticket.toString().contains(statementId)) {
                    return ticket;
                }
            }
            return null;
        });
        disputeId = text(dispute, "id");
        disputedAmount = new BigDecimal(dispute.path("disputedAmount").path("value").asString());
        narrator.say("dispute " + disputeId + " opened automatically (" + text(dispute, "status") + ", "
                + disputedAmount.toPlainString() + " EUR disputed)");
        String finance = token("finance");
        gateway.post(reseller.token, "/api/disputes/" + disputeId + "/comments",
                "{\"text\": \"Our switch counts fewer minutes; CDR extract attached in our portal.\"}").expect(201, 200);
        gateway.post(finance, "/api/disputes/" + disputeId + "/review", null).expect(200);
        creditAmount = disputedAmount.setScale(2, RoundingMode.DOWN);
        gateway.post(finance, "/api/disputes/" + disputeId + "/proposal", Http.json(Map.of("direction",
                "CREDIT_PARTNER", "amount", creditAmount.toPlainString(), "reason",
                "Demo " + run + ": the reseller's minutes are right"))).expect(200);
        JsonNode accepted = gateway.post(reseller.token, "/api/disputes/" + disputeId + "/acceptance", null)
                .expect(200).json();
        narrator.say("finance reviewed and proposed a credit of " + creditAmount.toPlainString() + " EUR; "
                + reseller.name + " accepted: " + text(accepted, "status"));
        reseller.disputed = disputedAmount;
        Waits.until("settlement to hold the dispute's adjustment", EVENTUALLY, () -> {
            for (JsonNode adjustment : gateway.get(finance, SETTLEMENT + "/adjustments?partnerId=" + reseller.id)
                    .expect(200).json()) {
                if (adjustment.toString().contains(disputeId)) {
                    return adjustment;
                }
            }
            return null;
        });
        reseller.secondPeriod = closeEarly(finance, reseller, "demo " + run + ": next statement carries the credit");
        runAndIssue(List.of(reseller), p -> p.secondPeriod);
        adjustmentStatement = reseller.statements.get(reseller.statements.size() - 1);
        JsonNode next = gateway.get(finance, SETTLEMENT + "/statements/" + adjustmentStatement).expect(200).json();
        JsonNode carried = null;
        for (JsonNode candidate : next.path("lines")) {
            if (candidate.toString().contains(disputeId)) {
                carried = candidate;
            }
        }
        if (carried == null) {
            throw new StepFailed("the next statement " + adjustmentStatement + " does not carry dispute " + disputeId
                    + ": " + next.path("lines"));
        }
        narrator.say("the next statement carries it: " + text(carried, "label") + " " + text(carried, "rounded")
                + " EUR");
    }

    /**
     * The reseller's CDR file, matched record by record against rating's export of its rated usage: its sample of
     * calls as sent, one counted 7 s longer and two calls we never received. Every outcome must come out exactly.
     */
    private void matchResellerCdrs(String invoiceId) {
        if (resellerCdrs.size() < 2) {
            throw new StepFailed("too few reseller calls sent for a CDR file: " + resellerCdrs.size());
        }
        StringBuilder csv = new StringBuilder("usageId,subscriberId,startTime,usageType,quantity\n");
        for (int n = 0; n < resellerCdrs.size(); n++) {
            Cdr cdr = resellerCdrs.get(n);
            String quantity = n == 0 ? Long.toString(Long.parseLong(cdr.seconds()) + 7) : cdr.seconds();
            csv.append(cdr.usageId()).append(',').append(cdr.subscriber()).append(',').append(cdr.startTime())
                    .append(",VOICE,").append(quantity).append('\n');
        }
        Cdr any = resellerCdrs.getFirst();
        for (int n = 1; n <= 2; n++) {
            csv.append(source).append("-theirs-").append(n).append(',').append(any.subscriber()).append(',')
                    .append(any.startTime()).append(",VOICE,42\n");
        }
        String invoice = SETTLEMENT + "/partner-invoices/" + invoiceId;
        gateway.put(reseller.token, invoice + "/usage-file?fileName=relay-cdrs-" + run + ".csv", "text/csv",
                csv.toString()).expect(200);
        String matchId = text(gateway.post(reseller.token, invoice + "/usage-matches", "{\"mode\": \"USAGE_ID\"}")
                .expect(202).json(), "id");
        JsonNode match = Waits.until("usage match " + matchId, EVENTUALLY, () -> {
            JsonNode now = gateway.get(reseller.token, SETTLEMENT + "/usage-matches/" + matchId).expect(200).json();
            return "RUNNING".equals(now.path("state").asString(null)) ? null : now;
        });
        Map<String, Long> found = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> outcome : match.path("outcomes").properties()) {
            found.put(outcome.getKey(), outcome.getValue().path("count").asLong());
        }
        usageMatchCounts = found;
        long calls = resellerCdrs.size();
        if (!"COMPLETED".equals(match.path("state").asString(null))
                || found.getOrDefault("MATCHED", 0L) != calls - 1 || found.getOrDefault("DIFFERENT_QUANTITY", 0L) != 1
                || found.getOrDefault("ONLY_THEIRS", 0L) != 2
                || found.getOrDefault("ONLY_OURS", 0L) != resellerCalls - calls) {
            throw new StepFailed("usage match " + matchId + ": expected MATCHED " + (calls - 1)
                    + ", DIFFERENT_QUANTITY 1, ONLY_THEIRS 2, ONLY_OURS " + (resellerCalls - calls) + ", got " + match.path("state").asString(null) + " "
                    + found + " " + match.path("error").asString(""));
        }
        String unmatched = gateway.get(reseller.token, SETTLEMENT + "/usage-matches/" + matchId + "/unmatched",
                "text/csv").expect(200).body();
        if (!unmatched.contains(any.usageId()) || !unmatched.contains(source + "-theirs-2")) {
            throw new StepFailed("the unmatched CSV lacks the longer call or an unknown one");
        }
        narrator.say(String.format(Locale.ROOT, "%s's CDR file (%d calls): usage match %s", reseller.name,
                calls + 2, found));
    }

    /** A call as the reseller's switch recorded it. */
    record Cdr(String usageId, String subscriber, Instant startTime, String seconds) {

        Cdr at(Instant time) {
            return new Cdr(usageId, subscriber, time, seconds);
        }
    }

    // ---------------------------------------------------------------------------------------------------- step 7

    /** Per partner what was rated, shared, settled and disputed; both conservation equations. */
    public void summary() {
        narrator.step(7, "Summary");
        counts = counts();
        String finance = token("finance");
        BigDecimal rated = BigDecimal.ZERO;
        BigDecimal onStatements = BigDecimal.ZERO;
        BigDecimal notYet = BigDecimal.ZERO;
        BigDecimal difference = BigDecimal.ZERO;
        for (Partner partner : List.of(ott, reseller)) {
            JsonNode conservation = gateway.get(finance, SETTLEMENT + "/conservation?from="
                    + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC)
                    + "&partnerId=" + partner.id).expect(200).json();
            for (JsonNode row : conservation.path("amounts")) {
                rated = rated.add(decimal(row, "rated").abs());
                onStatements = onStatements.add(decimal(row, "onStatements").abs());
                notYet = notYet.add(decimal(row, "notYetOnStatement").abs());
                difference = difference.add(decimal(row, "difference"));
            }
        }
        amounts = new Amounts(rated, onStatements, notYet, difference);
        narrator.say(String.format(Locale.ROOT, "%-38s %12s %14s %14s %14s %12s", "partner", "records",
                "rated EUR", "shared EUR", "settled EUR", "disputed EUR"));
        for (Partner partner : List.of(ott, reseller)) {
            narrator.say(String.format(Locale.ROOT, "%-38s %,12d %14s %14s %14s %12s", shorten(partner.name, 38),
                    partner.ratedRecords, partner.rated.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                    partner.shared.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                    partner.settled.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                    partner.disputed.setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
        }
        narrator.say(String.format(Locale.ROOT, "usage: %,d sent on %s, rating rate %,.0f records/s, %,d re-rated"
                + " by the price correction, %,d recycled from suspense", sent, RAW_USAGE_TOPIC, ratingRate,
                correctedRecords, recycled));
        narrator.say("documents: " + documents + " (" + pdfs.size() + " PDFs)");
        narrator.say("dispute " + disputeId + ": " + disputedAmount.setScale(2, RoundingMode.HALF_EVEN)
                + " EUR disputed, " + creditAmount
                + " EUR credited on statement " + adjustmentStatement);
        narrator.say("API docs: " + config.gateway() + "/swagger-ui.html (onboarding, catalog, orchestration, rating,"
                + " settlement, dispute); docs/settlement.md#conservation-money-is-conserved");
        if (!counts.balanced() || counts.received() != sent) {
            throw new StepFailed("rating's counts do not balance for source " + source + ": " + counts);
        }
        if (difference.signum() != 0) {
            throw new StepFailed("settlement's amounts do not balance: " + amounts);
        }
    }

    /** The issue's last line. */
    public String conservationLine() {
        return String.format(Locale.ROOT, "conservation: received %d = rated %d + suspense %d + duplicates %d;"
                        + " partner amounts %s = on statements %s + unsettled %s, difference %s",
                counts.received(), counts.rated(), counts.suspended(), counts.duplicates(),
                amounts.rated().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                amounts.onStatements().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                amounts.notYetOnStatement().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                amounts.difference().setScale(2, RoundingMode.HALF_EVEN).abs().toPlainString());
    }

    /** Rating's counts once usage was rated, corrected and recycled (step 4). */
    public Counts countsAtEndOfUsage() {
        return usageCounts;
    }

    public Counts countsAtEnd() {
        return counts;
    }

    public Amounts amountsAtEnd() {
        return amounts;
    }

    public long sent() {
        return sent;
    }

    public long duplicatesSent() {
        return duplicatesSent;
    }

    public long unratableSent() {
        return unratableSent;
    }

    public Partner ottPartner() {
        return ott;
    }

    public Partner resellerPartner() {
        return reseller;
    }

    public List<Path> pdfs() {
        return pdfs;
    }

    /** Per outcome, the count of the reseller's CDR usage match (step 6). */
    public Map<String, Long> usageMatchCounts() {
        return usageMatchCounts;
    }

    public int resellerCdrCount() {
        return resellerCdrs.size();
    }

    public long resellerCallsSent() {
        return resellerCalls;
    }

    @Override
    public void close() {
        if (webhook != null) {
            webhook.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** A token of a development realm user (password {@code <user>-dev}), cached for the run. */
    private String token(String user) {
        return tokens.computeIfAbsent(user, name -> login(name, name + "-dev"));
    }

    private String login(String user, String password) {
        String form = "grant_type=password&client_id=accord-cli&username=" + Http.encode(user) + "&password="
                + Http.encode(password);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(config.keycloak()
                            + "/realms/accord/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StepFailed("login as " + user + " at " + config.keycloak() + " failed: "
                        + response.statusCode() + " " + response.body());
            }
            return Http.JSON.readTree(response.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new StepFailed("Keycloak does not answer at " + config.keycloak() + " (is the platform up?): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new StepFailed("no '" + field + "' in " + shorten(node.toString()));
        }
        return value.asString();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return BigDecimal.ZERO;
        }
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
    }

    private static String shorten(String text) {
        return shorten(text, 400);
    }

    private static String shorten(String text, int length) {
        return text.length() > length ? text.substring(0, length - 1) + "…" : text;
    }

    /** A German VAT id with valid check digit (ISO 7064 MOD 11,10), new each time. */
    String germanVatId() {
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 0; i < 7; i++) {
            digits.append(random.nextInt(10));
        }
        int product = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        return "DE" + digits + (check == 10 ? 0 : check);
    }

    /** A German IBAN of this run: bank code 37040044, a random 10-digit account, its mod-97 check digits. */
    String germanIban() {
        return iban("DE", "37040044" + randomDigits(10));
    }

    /**
     * A French IBAN of this run: bank 20041, branch 01005, a random 11-digit account and its RIB key
     * (97 − (89 × bank + 15 × branch + 3 × account) mod 97), then the mod-97 check digits.
     */
    String frenchIban() {
        String account = randomDigits(11);
        long rib = 97 - (89L * 20041 + 15L * 1005 + 3 * (Long.parseLong(account) % 97)) % 97;
        return iban("FR", "20041" + "01005" + account + String.format("%02d", rib));
    }

    private String randomDigits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    /** {@code country} + ISO 13616 check digits (98 − (BBAN + country + "00") mod 97) + {@code bban}. */
    public static String iban(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new java.math.BigInteger(numeric.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    /** A French VAT id: a SIREN with a valid Luhn digit and its key (12 + 3 × (SIREN mod 97)) mod 97. */
    String frenchVatId() {
        StringBuilder siren = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 0; i < 7; i++) {
            siren.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int digit = siren.charAt(7 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        siren.append((10 - sum % 10) % 10);
        long number = Long.parseLong(siren.toString());
        long key = (12 + 3 * (number % 97)) % 97;
        return String.format(Locale.ROOT, "FR%02d%s", key, siren);
    }
}
