import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends raw usage records to Kafka's {@code usage.raw.v1} as a mediation system does (docs/rating-pipeline.md): one
 * {@code UsageReported} JSON object per line of the file, keyed by its {@code subscriberId}, with CloudEvents
 * binary-mode headers. A single-file program for the JDK's source launcher, no build needed:
 *
 * <pre>
 * java -cp "$(cat embedded-infra/target/classes/io/accord/infra/kafka-broker.classpath)" \
 *   examples/rating/ProduceUsage.java examples/rating/usage-raw.ndjson [bootstrap, default localhost:19092] [topic]
 * </pre>
 *
 * The classpath file is written by the build ({@code ./accord up} builds it); any kafka-clients 4.x jar works too.
 */
public class ProduceUsage {

    private static final Pattern SUBSCRIBER = Pattern.compile("\"subscriberId\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ProduceUsage FILE.ndjson [BOOTSTRAP (localhost:19092)] [TOPIC (usage.raw.v1)]");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        String bootstrap = args.length > 1 ? args[1] : "localhost:19092";
        String topic = args.length > 2 ? args[2] : "usage.raw.v1";
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (String line : lines) {
                Matcher subscriber = SUBSCRIBER.matcher(line);
                if (!subscriber.find()) {
                    System.err.println("skipped (no subscriberId): " + line);
                    continue;
                }
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, subscriber.group(1), line);
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_source", "/examples/produce-usage");
                header(record, "ce_type", "UsageReported");
                header(record, "content-type", "application/json");
                RecordMetadata metadata = producer.send(record).get();
                System.out.printf("%s-%d@%d %s%n", metadata.topic(), metadata.partition(), metadata.offset(),
                        subscriber.group(1));
                sent++;
            }
        }
        System.out.printf("sent %d record(s) to %s on %s%n", sent, topic, bootstrap);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
