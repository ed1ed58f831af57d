package io.newsctl.deploy;

import static io.newsctl.deploy.Manifests.map;
import static io.newsctl.deploy.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml, checked statically (no Docker engine here): the images match the versions
 * the project is built and tested against, each service is built from its Dockerfile, reaches
 * Kafka and Elasticsearch by their service names and sets only configuration keys it reads, and
 * starts after what it needs is healthy.
 */
class ComposeFileTest {

    @Test
    void theLocalStackAgreesWithTheServicesAndTheBuild() throws IOException {
        Path compose = Manifests.DEPLOY.resolve("compose.yaml");
        Map<String, Object> file = new Yaml().load(Files.readString(compose));
        Map<String, Object> services = map(file, "services");
        assertEquals(List.of("kafka", "elasticsearch", "extract", "index", "alert", "ingest"),
                List.copyOf(services.keySet()));

        String pom = Files.readString(Manifests.REPOSITORY.resolve("pom.xml"));
        assertEquals("apache/kafka:" + property(pom, "kafka.version"), str(services, "kafka", "image"));
        assertEquals("elasticsearch:" + property(pom, "elasticsearch.version"), str(services, "elasticsearch", "image"));
        for (String server : List.of("kafka", "elasticsearch")) {
            assertTrue(map(services, server, "healthcheck").containsKey("test"), server + " has a health check");
        }
        String advertised = str(services, "kafka", "environment", "KAFKA_ADVERTISED_LISTENERS");

        for (String name : List.of("extract", "index", "alert", "ingest")) {
            Map<String, Object> service = map(services, name);
            Path context = compose.getParent().resolve(str(service, "build", "context")).normalize();
            assertEquals(Manifests.REPOSITORY, context, name + " builds from the repository root");
            assertEquals("deploy/docker/" + name + "/Dockerfile", str(service, "build", "dockerfile"));
            assertTrue(Files.exists(context.resolve(str(service, "build", "dockerfile"))));
            assertTrue(str(service, "image").startsWith("newsctl/" + name + ":"), str(service, "image"));
            assertEquals(Boolean.TRUE, service.get("read_only"), name + ": read-only root filesystem");
            assertTrue(String.valueOf(service.get("tmpfs")).contains("/tmp"), name + ": a writable /tmp");
            assertEquals("service_healthy", str(service, "depends_on", "kafka", "condition"));

            ServiceConfig config = KubernetesManifestsTest.service(name);
            Map<String, Object> env = map(service, "environment");
            for (String variable : env.keySet()) {
                assertTrue(config.keyOfEnv(variable).isPresent(), name + " sets " + variable + ", which it does not read");
            }
            String bootstrap = String.valueOf(env.get("NEWS_KAFKA_BOOTSTRAP_SERVERS"));
            assertTrue(advertised.contains("PLAINTEXT://" + bootstrap), name + " reaches Kafka as advertised: " + bootstrap);
            if (env.containsKey("NEWS_ELASTICSEARCH_URL")) {
                URI es = URI.create(String.valueOf(env.get("NEWS_ELASTICSEARCH_URL")));
                assertTrue(services.containsKey(es.getHost()), "Elasticsearch by its service name: " + es);
                assertEquals(9200, es.getPort());
                assertEquals("service_healthy", str(service, "depends_on", "elasticsearch", "condition"));
            }
        }
        Path samples = compose.getParent().resolve("../samples").normalize();
        assertTrue(Files.isDirectory(samples), "the ingested samples are in the repository");
        assertTrue(String.valueOf(map(services, "ingest").get("volumes")).contains("../samples:/samples:ro"));
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(matcher.find(), name + " in the root pom");
        return matcher.group(1);
    }
}
