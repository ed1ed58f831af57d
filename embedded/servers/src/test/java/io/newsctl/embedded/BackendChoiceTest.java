package io.newsctl.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.newsctl.embedded.ServerEndpoints.Backend;
import io.newsctl.embedded.ServerEndpoints.Mode;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier MUST_NOT_ASK = () -> {
        throw new AssertionError("Docker must not be probed when both servers are given");
    };

    @Test
    void bothFromTheEnvironmentWithoutProbingDocker() {
        BackendChoice choice = BackendChoice.decide(
                Map.of("NEWS_KAFKA_BOOTSTRAP", "k:9092", "NEWS_ES_URL", "http://es:9200"), MUST_NOT_ASK);

        assertEquals(Mode.both(Backend.EXTERNAL), choice.mode());
        assertEquals(Optional.of("k:9092"), choice.externalKafka());
        assertEquals(Optional.of("http://es:9200"), choice.externalElasticsearch());
    }

    @Test
    void eachServerIsChosenOnItsOwn() {
        assertEquals(new Mode(Backend.EXTERNAL, Backend.TESTCONTAINERS),
                BackendChoice.decide(Map.of("NEWS_KAFKA_BOOTSTRAP", "k:9092"), DOCKER).mode());
        assertEquals(new Mode(Backend.EMBEDDED, Backend.EXTERNAL),
                BackendChoice.decide(Map.of("NEWS_ES_URL", "http://es:9200"), NO_DOCKER).mode());
    }

    @Test
    void containersWhenDockerIsThereElseEmbedded() {
        assertEquals(Mode.both(Backend.TESTCONTAINERS), BackendChoice.decide(Map.of(), DOCKER).mode());
        assertEquals(Mode.both(Backend.EMBEDDED), BackendChoice.decide(Map.of(), NO_DOCKER).mode());
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertEquals(Mode.both(Backend.EMBEDDED),
                BackendChoice.decide(Map.of("NEWS_KAFKA_BOOTSTRAP", " ", "NEWS_ES_URL", ""), NO_DOCKER).mode());
    }

    @Test
    void mixedModeSaysWhichIsWhich() {
        assertEquals("kafka=EXTERNAL, elasticsearch=EMBEDDED", new Mode(Backend.EXTERNAL, Backend.EMBEDDED).toString());
        assertEquals("EMBEDDED", Mode.both(Backend.EMBEDDED).toString());
    }
}
