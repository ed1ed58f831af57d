package io.newsctl.deploy;

import static io.newsctl.deploy.Manifests.at;
import static io.newsctl.deploy.Manifests.list;
import static io.newsctl.deploy.Manifests.map;
import static io.newsctl.deploy.Manifests.name;
import static io.newsctl.deploy.Manifests.str;

import io.newsctl.model.Topics;
import io.newsctl.stream.KafkaClientConfig;
import io.newsctl.stream.TopicAdmin;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What must hold between the rendered manifests and the services they run. Each check adds a
 * readable violation; an empty list means the manifests agree with the code.
 */
final class ManifestInvariants {
    /** Which topic each consuming service reads, and the key of its consumer group. */
    record Consumption(String groupKey, String topic) {
    }

    static final Map<String, Consumption> CONSUMERS = Map.of(
            "extract", new Consumption("news.extractor.group-id", Topics.RAW),
            "index", new Consumption("news.indexer.group-id", Topics.ENRICHED),
            "alert", new Consumption("news.alert.group-id", Topics.ENRICHED));

    /** Environment variables for the JVM itself, not configuration keys. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private final Manifests manifests;
    private final Function<String, ServiceConfig> services;
    private final String elasticsearchVersion;
    private final List<String> violations = new ArrayList<>();

    ManifestInvariants(Manifests manifests, Function<String, ServiceConfig> services, String elasticsearchVersion) {
        this.manifests = manifests;
        this.services = services;
        this.elasticsearchVersion = elasticsearchVersion;
    }

    List<String> check() {
        violations.clear();
        checkTopics();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            checkDeployment(deployment);
        }
        for (Map<String, Object> scaledObject : manifests.ofKind("ScaledObject")) {
            checkScaledObject(scaledObject);
        }
        for (Map<String, Object> hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            checkHpa(hpa);
        }
        checkElasticsearch();
        return List.copyOf(violations);
    }

    // ---- topics ------------------------------------------------------------------------------

    private void checkTopics() {
        Set<String> declared = new TreeSet<>();
        for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
            String name = topicName(topic);
            declared.add(name);
            Map<String, Object> config = map(topic, "spec", "config");
            if (!String.valueOf(KafkaClientConfig.MAX_RECORD_BYTES).equals(String.valueOf(config.get("max.message.bytes")))) {
                fail("KafkaTopic %s: max.message.bytes %s, but the clients write records up to %d bytes", name,
                        config.get("max.message.bytes"), KafkaClientConfig.MAX_RECORD_BYTES);
            }
            int replicas = intAt(topic, "spec", "replicas");
            Object minIsr = config.get("min.insync.replicas");
            if (minIsr != null && Integer.parseInt(minIsr.toString()) > replicas) {
                fail("KafkaTopic %s: min.insync.replicas %s > replicas %d: producers (acks=all) would be refused",
                        name, minIsr, replicas);
            }
            if (str(topic, "metadata", "labels", "strimzi.io/cluster") == null) {
                fail("KafkaTopic %s has no strimzi.io/cluster label: no Topic Operator would manage it", name);
            }
            if (intAt(topic, "spec", "partitions") < 1) {
                fail("KafkaTopic %s: no partitions", name);
            }
        }
        Set<String> used = new TreeSet<>();
        TopicAdmin.pipelineTopics(1).forEach(spec -> used.add(spec.name()));
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    used.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (String topic : used) {
            if (!declared.contains(topic)) {
                fail("topic %s is used by the services but has no KafkaTopic", topic);
            }
        }
        for (String topic : declared) {
            if (!used.contains(topic)) {
                fail("KafkaTopic %s is not a topic the services use (io.newsctl.model.Topics)", topic);
            }
        }
    }

    private Set<String> kafkaClusters() {
        Set<String> clusters = new TreeSet<>();
        for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
            String cluster = str(topic, "metadata", "labels", "strimzi.io/cluster");
            if (cluster != null) {
                clusters.add(cluster);
            }
        }
        return clusters;
    }

    private static String topicName(Map<String, Object> topic) {
        String explicit = str(topic, "spec", "topicName");
        return explicit != null ? explicit : name(topic);
    }

    private Optional<Map<String, Object>> kafkaTopic(String topicName) {
        return manifests.ofKind("KafkaTopic").stream().filter(t -> topicName.equals(topicName(t))).findFirst();
    }

    // ---- deployments -------------------------------------------------------------------------

    private void checkDeployment(Map<String, Object> deployment) {
        String name = name(deployment);
        Map<String, Object> pod = map(deployment, "spec", "template");
        Map<String, Object> podLabels = map(pod, "metadata", "labels");
        List<Map<String, Object>> containers = list(pod, "spec", "containers");
        if (containers.size() != 1) {
            fail("Deployment %s: expected one container, found %d", name, containers.size());
            return;
        }
        Map<String, Object> container = containers.get(0);
        String service = serviceOf(container);
        ServiceConfig config;
        try {
            config = services.apply(service);
        } catch (RuntimeException e) {
            fail("Deployment %s runs image %s, which is no newsctl service (%s)", name, str(container, "image"),
                    e.getMessage());
            return;
        }
        Map<String, String> env = environment(name, container);
        for (String variable : env.keySet()) {
            if (!JVM_VARIABLES.contains(variable) && config.keyOfEnv(variable).isEmpty()) {
                fail("Deployment %s sets %s, which no configuration key of the %s service reads", name, variable,
                        service);
            }
        }

        String bootstrap = env.get("NEWS_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null) {
            for (String cluster : kafkaClusters()) {
                for (String server : bootstrap.split(",")) {
                    String host = server.strip().substring(0, Math.max(0, server.strip().lastIndexOf(':')));
                    if (!host.equals(cluster + "-kafka-bootstrap") && !host.startsWith(cluster + "-kafka-bootstrap.")) {
                        fail("Deployment %s: brokers %s are not the bootstrap service of Strimzi cluster %s, which "
                                + "manages the topics", name, bootstrap, cluster);
                    }
                }
            }
        }

        int port = env.containsKey("MICRONAUT_SERVER_PORT") ? Integer.parseInt(env.get("MICRONAUT_SERVER_PORT"))
                : config.port();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> p : list(container, "ports")) {
            ports.put(str(p, "name"), intAt(p, "containerPort"));
        }
        if (!Integer.valueOf(port).equals(ports.get("http"))) {
            fail("Deployment %s: port http is %s but the %s service listens on %d", name, ports.get("http"), service,
                    port);
        }
        Set<String> paths = config.managementPaths();
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Map<String, Object> http = map(container, probe, "httpGet");
            if (http.isEmpty()) {
                if (!probe.equals("startupProbe")) {
                    fail("Deployment %s has no HTTP %s", name, probe);
                }
                continue;
            }
            if (!paths.contains(str(http, "path"))) {
                fail("Deployment %s: %s path %s is not served by the %s service (it serves %s)", name, probe,
                        str(http, "path"), service, paths);
            }
            Object probePort = http.get("port");
            Integer resolved = probePort instanceof Integer i ? i : ports.get(String.valueOf(probePort));
            if (!Integer.valueOf(port).equals(resolved)) {
                fail("Deployment %s: %s goes to port %s, the service listens on %d", name, probe, probePort, port);
            }
        }
        Map<String, Object> annotations = map(pod, "metadata", "annotations");
        if ("true".equals(annotations.get("prometheus.io/scrape"))) {
            if (!paths.contains(String.valueOf(annotations.get("prometheus.io/path")))) {
                fail("Deployment %s: metrics path %s is not served (it serves %s)", name,
                        annotations.get("prometheus.io/path"), paths);
            }
            if (!String.valueOf(port).equals(String.valueOf(annotations.get("prometheus.io/port")))) {
                fail("Deployment %s: metrics port %s, the service listens on %d", name,
                        annotations.get("prometheus.io/port"), port);
            }
        }

        if (!Boolean.TRUE.equals(at(pod, "spec", "securityContext", "runAsNonRoot"))) {
            fail("Deployment %s: pods do not enforce runAsNonRoot", name);
        }
        if (!Boolean.TRUE.equals(at(container, "securityContext", "readOnlyRootFilesystem"))
                || !Boolean.FALSE.equals(at(container, "securityContext", "allowPrivilegeEscalation"))) {
            fail("Deployment %s: container needs a read-only root filesystem and no privilege escalation", name);
        }
        if (list(container, "volumeMounts").stream().noneMatch(m -> "/tmp".equals(m.get("mountPath")))) {
            fail("Deployment %s: no writable /tmp for the JVM on the read-only root filesystem", name);
        }
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (at(container, "resources", kind, resource) == null) {
                    fail("Deployment %s: no %s %s", name, resource, kind);
                }
            }
        }
        Object grace = at(pod, "spec", "terminationGracePeriodSeconds");
        if (!(grace instanceof Integer seconds) || seconds < 30) {
            fail("Deployment %s: terminationGracePeriodSeconds %s leaves no time to drain on SIGTERM", name, grace);
        }

        if (manifests.ofKind("Service").stream().noneMatch(s -> selects(map(s, "spec", "selector"), podLabels))) {
            fail("Deployment %s: no Service selects its pods", name);
        }
        if (manifests.ofKind("PodDisruptionBudget").stream()
                .noneMatch(p -> selects(map(p, "spec", "selector", "matchLabels"), podLabels))) {
            fail("Deployment %s: no PodDisruptionBudget covers its pods", name);
        }
        boolean denied = manifests.ofKind("NetworkPolicy").stream().anyMatch(p ->
                list(p, "spec", "ingress").isEmpty() && list(p, "spec", "egress").isEmpty()
                        && ((List<?>) at(p, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress"))
                        && selects(map(p, "spec", "podSelector", "matchLabels"), podLabels));
        if (!denied) {
            fail("Deployment %s: no default-deny NetworkPolicy covers its pods", name);
        }

        boolean consumes = CONSUMERS.containsKey(service) && !"false".equals(env.get("NEWS_CONSUMERS_ENABLED"));
        boolean keda = manifests.ofKind("ScaledObject").stream()
                .anyMatch(s -> name.equals(str(s, "spec", "scaleTargetRef", "name")));
        boolean hpa = manifests.ofKind("HorizontalPodAutoscaler").stream()
                .anyMatch(h -> name.equals(str(h, "spec", "scaleTargetRef", "name")));
        if (consumes && !keda) {
            fail("Deployment %s consumes Kafka but no ScaledObject scales it on lag", name);
        }
        if (keda && hpa) {
            fail("Deployment %s is scaled by KEDA and by an HPA: they would fight", name);
        }
        if ((keda || hpa) && at(deployment, "spec", "replicas") != null) {
            fail("Deployment %s is autoscaled but sets replicas: every apply would reset the scale", name);
        }
    }

    /** newsctl/extract:1.2 → extract. */
    private static String serviceOf(Map<String, Object> container) {
        String image = str(container, "image");
        String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            repository = repository.substring(0, colon);
        }
        if (!repository.startsWith("newsctl/")) {
            throw new IllegalStateException("image " + image + " is not newsctl/<service>");
        }
        return repository.substring("newsctl/".length());
    }

    /** Variables the container gets: envFrom ConfigMaps (resolved in the render) and env. */
    private Map<String, String> environment(String deployment, Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : list(container, "envFrom")) {
            String configMap = str(from, "configMapRef", "name");
            if (configMap == null) {
                fail("Deployment %s: envFrom other than a ConfigMap (%s)", deployment, from);
                continue;
            }
            Optional<Map<String, Object>> found = manifests.find("ConfigMap", configMap);
            if (found.isEmpty()) {
                fail("Deployment %s: envFrom ConfigMap %s is not in the manifests", deployment, configMap);
                continue;
            }
            map(found.get(), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Map<String, Object> variable : list(container, "env")) {
            Object value = variable.get("value");
            String secret = str(variable, "valueFrom", "secretKeyRef", "name");
            env.put(str(variable, "name"), value != null ? value.toString() : secret != null ? "secret:" + secret : "");
        }
        return env;
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }

    // ---- autoscaling -------------------------------------------------------------------------

    private void checkScaledObject(Map<String, Object> scaledObject) {
        String name = name(scaledObject);
        String target = str(scaledObject, "spec", "scaleTargetRef", "name");
        Optional<Map<String, Object>> deployment = manifests.find("Deployment", target);
        if (deployment.isEmpty()) {
            fail("ScaledObject %s scales %s, which is not a Deployment here", name, target);
            return;
        }
        Map<String, Object> container = list(deployment.get(), "spec", "template", "spec", "containers").get(0);
        String service = serviceOf(container);
        Consumption consumption = CONSUMERS.get(service);
        if (consumption == null) {
            fail("ScaledObject %s scales %s, whose service %s consumes nothing", name, target, service);
            return;
        }
        Map<String, String> env = environment(target, container);
        ServiceConfig config = services.apply(service);
        String group = Optional.ofNullable(env.get(ServiceConfig.normalise(consumption.groupKey())))
                .or(() -> config.value(consumption.groupKey()))
                .orElse(null);
        int max = intAt(scaledObject, "spec", "maxReplicaCount");
        int min = intAt(scaledObject, "spec", "minReplicaCount");
        if (min > max) {
            fail("ScaledObject %s: minReplicaCount %d > maxReplicaCount %d", name, min, max);
        }
        if (at(scaledObject, "spec", "cooldownPeriod") == null) {
            fail("ScaledObject %s: no cooldownPeriod", name);
        }
        List<Map<String, Object>> triggers = list(scaledObject, "spec", "triggers");
        if (triggers.isEmpty()) {
            fail("ScaledObject %s has no trigger", name);
        }
        for (Map<String, Object> trigger : triggers) {
            if (!"kafka".equals(trigger.get("type"))) {
                fail("ScaledObject %s: trigger %s is not a Kafka lag trigger", name, trigger.get("type"));
                continue;
            }
            Map<String, Object> metadata = map(trigger, "metadata");
            String topic = String.valueOf(metadata.get("topic"));
            if (!consumption.topic().equals(topic)) {
                fail("ScaledObject %s watches topic %s; the %s service consumes %s", name, topic, service,
                        consumption.topic());
            }
            if (!String.valueOf(metadata.get("consumerGroup")).equals(group)) {
                fail("ScaledObject %s watches group %s; the %s service consumes as group %s", name,
                        metadata.get("consumerGroup"), service, group);
            }
            if (!String.valueOf(metadata.get("bootstrapServers")).equals(env.get("NEWS_KAFKA_BOOTSTRAP_SERVERS"))) {
                fail("ScaledObject %s asks brokers %s; the service uses %s", name, metadata.get("bootstrapServers"),
                        env.get("NEWS_KAFKA_BOOTSTRAP_SERVERS"));
            }
            for (String required : List.of("lagThreshold", "activationLagThreshold")) {
                if (metadata.get(required) == null) {
                    fail("ScaledObject %s: no %s", name, required);
                }
            }
            if ("true".equals(String.valueOf(metadata.get("allowIdleConsumers")))) {
                fail("ScaledObject %s allows more consumers than partitions", name);
            }
            Optional<Map<String, Object>> kafkaTopic = kafkaTopic(topic);
            if (kafkaTopic.isEmpty()) {
                fail("ScaledObject %s watches topic %s, which has no KafkaTopic", name, topic);
            } else {
                int partitions = intAt(kafkaTopic.get(), "spec", "partitions");
                if (max > partitions) {
                    fail("ScaledObject %s: maxReplicaCount %d > %d partitions of %s (the extra consumers would idle)",
                            name, max, partitions, topic);
                }
            }
        }
    }

    private void checkHpa(Map<String, Object> hpa) {
        String name = name(hpa);
        String target = str(hpa, "spec", "scaleTargetRef", "name");
        if (manifests.find("Deployment", target).isEmpty()) {
            fail("HorizontalPodAutoscaler %s scales %s, which is not a Deployment here", name, target);
        }
        boolean cpu = list(hpa, "spec", "metrics").stream().anyMatch(m -> "cpu".equals(str(m, "resource", "name")));
        if (!cpu) {
            fail("HorizontalPodAutoscaler %s does not scale on CPU", name);
        }
        if (intAt(hpa, "spec", "minReplicas") > intAt(hpa, "spec", "maxReplicas")) {
            fail("HorizontalPodAutoscaler %s: minReplicas > maxReplicas", name);
        }
    }

    // ---- Elasticsearch -----------------------------------------------------------------------

    private void checkElasticsearch() {
        List<Map<String, Object>> clusters = manifests.ofKind("Elasticsearch");
        if (clusters.size() != 1) {
            fail("expected one Elasticsearch resource, found %d", clusters.size());
            return;
        }
        Map<String, Object> es = clusters.get(0);
        String esName = name(es);
        if (!elasticsearchVersion.equals(str(es, "spec", "version"))) {
            fail("Elasticsearch %s runs version %s; the services are built against %s", esName,
                    str(es, "spec", "version"), elasticsearchVersion);
        }
        Set<String> realmSecrets = new TreeSet<>();
        list(es, "spec", "auth", "fileRealm").forEach(r -> realmSecrets.add(str(r, "secretName")));
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            Map<String, Object> container = list(deployment, "spec", "template", "spec", "containers").get(0);
            Map<String, String> env = environment(name(deployment), container);
            String url = env.get("NEWS_ELASTICSEARCH_URL");
            if (url == null) {
                continue;
            }
            String host = URI.create(url).getHost();
            if (!(esName + "-es-http").equals(host)) {
                fail("Deployment %s: Elasticsearch at %s, but the ECK cluster's service is %s-es-http",
                        name(deployment), url, esName);
            }
            String user = env.get("NEWS_ELASTICSEARCH_USERNAME");
            if (user == null || !user.startsWith("secret:") || !realmSecrets.contains(user.substring(7))) {
                fail("Deployment %s: the Elasticsearch user should come from a file-realm Secret of %s %s, not %s",
                        name(deployment), esName, realmSecrets, user);
            }
        }
    }

    private static int intAt(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? 0 : Integer.parseInt(value.toString());
    }

    private void fail(String format, Object... args) {
        violations.add(String.format(format, args));
    }
}
