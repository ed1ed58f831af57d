package io.newsctl.deploy;

import static io.newsctl.deploy.Manifests.list;
import static io.newsctl.deploy.Manifests.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the overlays with {@code kubectl kustomize} and checks them against the services as
 * built ({@link ManifestInvariants}); then breaks a rendered copy on purpose to show each kind of
 * check fails when it should.
 */
class KubernetesManifestsTest {
    private static final Map<String, ServiceConfig> SERVICES = new ConcurrentHashMap<>();
    private static String elasticsearchVersion;
    private static Manifests prod;

    @BeforeAll
    static void load() throws IOException {
        String pom = Files.readString(Manifests.REPOSITORY.resolve("pom.xml"));
        Matcher version = Pattern.compile("<elasticsearch.version>([^<]+)</elasticsearch.version>").matcher(pom);
        assertTrue(version.find(), "elasticsearch.version in the root pom");
        elasticsearchVersion = version.group(1);
        prod = Manifests.render(Manifests.DEPLOY.resolve("k8s/overlays/prod"));
    }

    static ServiceConfig service(String name) {
        return SERVICES.computeIfAbsent(name, ServiceConfig::load);
    }

    private static List<String> violations(Manifests manifests) {
        return new ManifestInvariants(manifests, KubernetesManifestsTest::service, elasticsearchVersion).check();
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"dev", "prod"})
    void theOverlaysAgreeWithTheServices(String overlay) {
        Manifests manifests = Manifests.render(Manifests.DEPLOY.resolve("k8s/overlays/" + overlay));
        assertEquals(List.of(), violations(manifests));
        assertEquals(5, manifests.ofKind("Deployment").size(), "ingest, extract, index, search, alert");
        assertEquals(3, manifests.ofKind("ScaledObject").size(), "extract, index, alert");
        manifests.all().stream().filter(o -> !List.of("Namespace").contains(o.get("kind")))
                .forEach(o -> assertEquals(overlay.equals("prod") ? "newsctl" : "newsctl-dev",
                        Manifests.str(o, "metadata", "namespace"), Manifests.name(o)));
    }

    @Test
    void theServicesServeWhatTheProbesAsk() {
        for (String name : List.of("ingest", "extract", "index", "alert")) {
            assertTrue(service(name).managementPaths().containsAll(
                    List.of("/health/liveness", "/health/readiness", "/prometheus")), name);
        }
        assertTrue(service("index").keyOfEnv("NEWS_CONSUMERS_ENABLED").isPresent(), "news.consumers.enabled");
        assertEquals("news.kafka.properties.*", service("extract").keyOfEnv("NEWS_KAFKA_PROPERTIES_SECURITY_PROTOCOL")
                .orElseThrow());
        assertTrue(service("extract").keyOfEnv("NEWS_EXTRACTOR_GROUPID").isEmpty(), "a misspelt key is no key");
    }

    // ---- each check fails when its invariant breaks --------------------------------------------

    @Test
    void aScaledObjectAllowedMoreReplicasThanPartitionsIsCaught() {
        assertViolation("maxReplicaCount 13 > 12 partitions of articles.raw",
                m -> object(m, "ScaledObject", "extract").get("spec").put("maxReplicaCount", 13));
    }

    @Test
    void aScaledObjectWatchingAnotherGroupOrTopicIsCaught() {
        assertViolation("watches group extractor; the extract service consumes as group extract",
                m -> map(list(object(m, "ScaledObject", "extract"), "spec", "triggers").get(0), "metadata")
                        .put("consumerGroup", "extractor"));
        assertViolation("watches topic articles.enriched; the extract service consumes articles.raw",
                m -> map(list(object(m, "ScaledObject", "extract"), "spec", "triggers").get(0), "metadata")
                        .put("topic", "articles.enriched"));
    }

    @Test
    void anEnvironmentVariableNoKeyReadsIsCaught() {
        assertViolation("sets NEWS_EXTRACTOR_THREAD, which no configuration key of the extract service reads",
                m -> container(m, "extract").put("env", List.of(Map.of("name", "NEWS_EXTRACTOR_THREAD", "value", "2"))));
    }

    @Test
    void aProbeOnAPathTheServiceDoesNotServeIsCaught() {
        assertViolation("readinessProbe path /ready is not served by the alert service",
                m -> map(container(m, "alert"), "readinessProbe", "httpGet").put("path", "/ready"));
        assertViolation("port http is 9000 but the index service listens on 8080",
                m -> list(container(m, "index"), "ports").get(0).put("containerPort", 9000));
    }

    @Test
    void aMissingOrStrayTopicIsCaught() {
        assertViolation("topic alerts.dlq is used by the services but has no KafkaTopic",
                m -> m.remove(object(m, "KafkaTopic", "alerts.dlq")));
        assertViolation("KafkaTopic articles.typo is not a topic the services use",
                m -> object(m, "KafkaTopic", "alerts").get("metadata").put("name", "articles.typo"));
    }

    @Test
    void aWritableRootFilesystemOrMissingLimitsAreCaught() {
        assertViolation("Deployment ingest: container needs a read-only root filesystem",
                m -> map(container(m, "ingest"), "securityContext").put("readOnlyRootFilesystem", false));
        assertViolation("Deployment alert: no memory limits",
                m -> map(container(m, "alert"), "resources", "limits").remove("memory"));
    }

    @Test
    void brokersOtherThanTheStrimziClusterOfTheTopicsAreCaught() {
        assertViolation("brokers kafka:9092 are not the bootstrap service of Strimzi cluster news-kafka",
                m -> m.stream().filter(o -> "ConfigMap".equals(String.valueOf(o.get("kind")))
                                && String.valueOf(o.get("metadata").get("name")).startsWith("newsctl-kafka-"))
                        .forEach(o -> o.get("data").put("NEWS_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")));
    }

    @Test
    void anotherElasticsearchVersionIsCaught() {
        assertViolation("runs version 8.19.0; the services are built against " + elasticsearchVersion,
                m -> object(m, "Elasticsearch", "news-es").get("spec").put("version", "8.19.0"));
    }

    /** Applies {@code breakage} to a fresh copy of the prod render and expects a matching violation. */
    private static void assertViolation(String expected, Consumer<List<Map<String, Map<String, Object>>>> breakage) {
        Yaml yaml = new Yaml();
        Manifests copy = Manifests.parse(yaml.dumpAll(prod.all().iterator()));
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Map<String, Map<String, Object>>> objects = (List) copy.all();
        breakage.accept(objects);
        List<String> violations = violations(new Manifests(new java.util.ArrayList<>(copy.all())));
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing \"" + expected + "\", got " + violations);
    }

    private static Map<String, Map<String, Object>> object(List<Map<String, Map<String, Object>>> objects,
                                                           String kind, String name) {
        return objects.stream().filter(o -> kind.equals(String.valueOf(o.get("kind")))
                && name.equals(String.valueOf(o.get("metadata").get("name")))).findFirst().orElseThrow();
    }

    private static Map<String, Object> container(List<Map<String, Map<String, Object>>> objects, String deployment) {
        return list(object(objects, "Deployment", deployment), "spec", "template", "spec", "containers").get(0);
    }

    static Path deploy() {
        return Manifests.DEPLOY;
    }
}
