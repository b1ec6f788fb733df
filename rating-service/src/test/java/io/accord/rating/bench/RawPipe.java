package io.accord.rating.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.accord.platform.kafka.BatchConsumerProperties;
import io.accord.platform.kafka.BatchConsumerSettings;
import io.accord.platform.kafka.BatchConsumers;
import io.accord.platform.kafka.BatchHandler;
import io.accord.platform.kafka.ConsumedBatch;
import io.accord.platform.kafka.DatabaseOffsetConsumer;
import io.accord.platform.kafka.DatabaseOffsets;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

/**
 * The raw pipe the rating bench compares with: the same I/O as the rating pipeline without rating. The platform's
 * batch consumer (same poll loop, offsets in PostgreSQL moved in the batch's transaction) consumes the raw topic,
 * each batch is copied into a table with {@code COPY} in that transaction, and after the commit every record is
 * produced to an output topic (idempotent producer, acks=all) and the acknowledgements awaited, as the rated
 * publisher does. Runs until killed. Arguments: jdbc-url user password bootstrap topic group out-topic batch-size.
 */
public final class RawPipe {

    private RawPipe() {
    }

    public static void main(String[] arguments) throws Exception {
        String url = arguments[0];
        String user = arguments[1];
        String password = arguments[2];
        String bootstrap = arguments[3];
        String topic = arguments[4];
        String group = arguments[5];
        String out = arguments[6];
        int batchSize = Integer.parseInt(arguments[7]);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(4);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                create table if not exists raw_offset (
                    consumer_group text not null, topic text not null, kafka_partition int not null,
                    next_offset bigint not null, updated_at timestamptz not null,
                    primary key (consumer_group, topic, kafka_partition))""").update();
        jdbc.sql("""
                create table if not exists raw_usage (
                    kafka_partition int not null, kafka_offset bigint not null, received_at timestamptz not null,
                    record_key text, payload text not null)""").update();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        BatchConsumers consumers = new BatchConsumers(
                () -> Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), jdbc, transactions,
                Clock.systemUTC(), new BatchConsumerProperties(Duration.ofSeconds(30), true, "read_committed"));
        DatabaseOffsets offsets = consumers.offsets("raw_offset");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer())) {
            DatabaseOffsetConsumer<?, ?> consumer = consumers.consumer(new BatchConsumerSettings("raw-pipe", topic,
                    group, batchSize, Duration.ofMillis(200), Duration.ofSeconds(1)), offsets,
                    new CopyAndProduce(dataSource, producer, out));
            consumer.start();
            new CountDownLatch(1).await();
        }
    }

    /** COPY in the transaction, produce after the commit. */
    private record CopyAndProduce(HikariDataSource dataSource, KafkaProducer<String, byte[]> producer, String out)
            implements BatchHandler<List<ConsumerRecord<String, byte[]>>, Integer> {

        @Override
        public List<ConsumerRecord<String, byte[]>> prepare(ConsumedBatch batch) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.count());
            batch.records().forEach(records::add);
            return records;
        }

        @Override
        public Integer apply(List<ConsumerRecord<String, byte[]>> records) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy raw_usage (kafka_partition, kafka_offset, received_at, record_key, payload)"
                                + " from stdin with (format text)");
                StringBuilder rows = new StringBuilder(records.size() * 300);
                for (ConsumerRecord<String, byte[]> record : records) {
                    rows.append(record.partition()).append('\t').append(record.offset()).append('\t')
                            .append(java.time.Instant.ofEpochMilli(record.timestamp())).append('\t')
                            .append(record.key()).append('\t');
                    escape(rows, new String(record.value(), StandardCharsets.UTF_8));
                    rows.append('\n');
                }
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
                return records.size();
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        @Override
        public void committed(List<ConsumerRecord<String, byte[]>> records, Integer result, long elapsedNanos) {
            List<Future<?>> sent = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                sent.add(producer.send(new ProducerRecord<>(out, record.key(), record.value())));
            }
            try {
                for (Future<?> acknowledgement : sent) {
                    acknowledgement.get();
                }
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }

        private static void escape(StringBuilder rows, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> rows.append("\\\\");
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\r' -> rows.append("\\r");
                    default -> rows.append(c);
                }
            }
        }
    }
}
