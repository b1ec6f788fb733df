package io.accord.rating.bench;

import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.bench.BenchInfrastructure;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code ./accord bench rating} run tiny (3,000 records, both pipes in their own JVMs against the test PostgreSQL
 * and broker): it ends, its counts balance (the bench checks them and fails otherwise) and its last line is the one
 * the issue asks for.
 */
class RatingPipelineBenchTests {

    @Test
    void aTinyRunEndsWithTheSummaryLine() throws Exception {
        BenchInfrastructure infrastructure = new BenchInfrastructure(
                TestInfrastructure.database("test_rating_bench"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword(), TestInfrastructure.kafkaBootstrap());

        RatingPipelineBench.Result result = RatingPipelineBench.run(
                RatingPipelineBench.Options.parse(new String[] {"--records=0.003", "--subscribers", "50",
                        "--stall-minutes=5"}),
                infrastructure, System.getProperty("java.class.path"));

        assertThat(result.records()).isEqualTo(3000);
        assertThat(result.ratingRate()).isPositive();
        assertThat(result.rawRate()).isPositive();
        assertThat(result.rssBytes()).isPositive();
        assertThat(result.p99Millis()).isGreaterThanOrEqualTo(result.p50Millis());
        assertThat(result.summary()).matches(
                "rating: \\d+ events/s, raw pipe: \\d+ events/s, ratio \\d+\\.\\d\\d, rss \\d+ MB");
        // every stage of the service's batches was timed (IngestMetrics.Stage)
        assertThat(result.stageMillis()).containsOnlyKeys(RatingPipelineBench.STAGES);
        assertThat(result.stageMillis().values()).allSatisfy(millis -> assertThat(millis).isPositive());
    }

    /**
     * The bench measures the JVM a deployment runs: exactly the flags and environment of the rating image (this
     * module's pom, profile {@code images}), so that neither changes without the other.
     */
    @Test
    void theServiceRunsWithTheImagesFlagsAndEnvironment() throws Exception {
        Element images = null;
        var profiles = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if ("images".equals(profile.getElementsByTagName("id").item(0).getTextContent().strip())) {
                images = profile;
            }
        }
        assertThat(images).as("profile images of rating-service/pom.xml").isNotNull();
        List<String> flags = new ArrayList<>();
        var jvmFlags = images.getElementsByTagName("jvmFlag");
        for (int i = 0; i < jvmFlags.getLength(); i++) {
            flags.add(jvmFlags.item(i).getTextContent().strip());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (Node variable = images.getElementsByTagName("environment").item(0).getFirstChild(); variable != null;
                variable = variable.getNextSibling()) {
            if (variable instanceof Element element) {
                environment.put(element.getTagName(), element.getTextContent().strip());
            }
        }

        assertThat(RatingPipelineBench.IMAGE_JVM).isEqualTo(flags);
        assertThat(RatingPipelineBench.PRODUCTION_JVM).startsWith(RatingPipelineBench.POD.toArray(String[]::new))
                .endsWith(flags.toArray(String[]::new)).hasSize(RatingPipelineBench.POD.size() + flags.size());
        assertThat(RatingPipelineBench.PRODUCTION_ENVIRONMENT).isEqualTo(environment);
    }

    @Test
    void summaryAndOptions() {
        assertThat(new RatingPipelineBench.Result(51_234.4, 60_000, 20, 80, 300L << 20, 1_000_000, Map.of())
                .summary()).isEqualTo("rating: 51234 events/s, raw pipe: 60000 events/s, ratio 0.85, rss 300 MB");
        // the stage timers' sums over their counts, in a batch's order, from the service's Prometheus text
        assertThat(RatingPipelineBench.stageMillis("""
                accord_rating_ingest_stage_seconds_count{application="rating",stage="write"} 4
                accord_rating_ingest_stage_seconds_sum{application="rating",stage="write"} 0.2
                accord_rating_ingest_stage_seconds_count{application="rating",stage="parse"} 2
                accord_rating_ingest_stage_seconds_sum{application="rating",stage="parse"} 0.003
                accord_rating_ingest_batch_seconds_count{application="rating"} 4
                """)).containsExactly(Map.entry("parse", 1.5), Map.entry("write", 50.0));
        RatingPipelineBench.Options defaults = RatingPipelineBench.Options.parse(new String[0]);
        assertThat(defaults.records()).isEqualTo(1_000_000);
        assertThat(defaults.stall()).isEqualTo(Duration.ofMinutes(20));
        RatingPipelineBench.Options options = RatingPipelineBench.Options.parse(new String[] {"--records", "2.5",
                "--jfr=/tmp/x.jfr", "--service-arg", "--accord.rating.ingest.batch-size=4000", "--stall-minutes=3",
                "--jvm-arg", "-XX:SurvivorRatio=4", "--raw-pipe-jvm-arg=-XX:+TieredCompilation"});
        assertThat(options.records()).isEqualTo(2_500_000);
        assertThat(options.jfr()).isEqualTo(Path.of("/tmp/x.jfr"));
        assertThat(options.stall()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.extraArgs()).isEqualTo(List.of("--accord.rating.ingest.batch-size=4000"));
        assertThat(options.jvmArgs()).isEqualTo(List.of("-XX:SurvivorRatio=4"));
        assertThat(options.rawJvmArgs()).isEqualTo(List.of("-XX:+TieredCompilation"));
        assertThat(defaults.rawJvmArgs()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> RatingPipelineBench.Options.parse(
                new String[] {"--records=0"}));
        assertThatIllegalArgumentException().isThrownBy(() -> RatingPipelineBench.Options.parse(
                new String[] {"--bogus"}));
        assertThatIllegalArgumentException().isThrownBy(() -> RatingPipelineBench.Options.parse(
                new String[] {"--stall-minutes=0"}));
        assertThat(RatingPipelineBench.quantile("""
                accord_rating_ingest_batch_seconds{application="rating",quantile="0.5"} 0.0125
                accord_rating_ingest_batch_seconds{application="rating",quantile="0.99"} 0.25
                """, "0.99")).isEqualTo(0.25);
    }
}
