package io.newsctl.alert.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.alert.TestArticles;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.Alert;
import io.newsctl.model.ArticleIds;
import io.newsctl.model.DeadLetter;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.Topics;
import io.newsctl.stream.DeadLetterPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** New articles in, alerts out: on the alerts topic once, to a verifying webhook, to the DLQ when it fails. */
@ExtendWith(NewsServersExtension.class)
class AlertFlowIT {
    private static final String SECRET = "receiver-shared-secret-0123";

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void createRule(AlertService alert, String id, String hookUrl) {
        var response = alert.post("/api/alert-rules", """
                {"id": "%s", "name": "Export policy: H20 / MI308",
                 "filters": {"tags": ["export-policy"], "chips": ["H20", "MI308"]},
                 "channels": [{"type": "webhook", "url": "%s", "secret": "%s"}]}
                """.formatted(id, hookUrl, SECRET), AlertService.ANALYST_KEY);
        assertEquals(201, response.statusCode(), response.body());
    }

    private static List<Alert> alertsOf(KafkaConsumer<byte[], byte[]> reader, List<Alert> seen, String ruleId)
            throws Exception {
        for (ConsumerRecord<byte[], byte[]> record : AlertService.drain(reader)) {
            Alert alert = ModelJson.decodeAlert(record.value());
            assertEquals(alert.ruleId(), new String(record.key(), StandardCharsets.UTF_8), "alerts are keyed by rule");
            if (alert.ruleId().equals(ruleId)) {
                seen.add(alert);
            }
        }
        return seen;
    }

    @Test
    void aNewExportArticleFiresOnceToTheTopicAndASignedWebhookAndNeverAgain(ServerEndpoints servers)
            throws Exception {
        String run = unique();
        String ruleId = "it-flow-" + run;
        EnrichedArticle reference = TestArticles.withUrl(TestArticles.reference(), "https://36kr.com/p/it-" + run);
        // the receiver is down for the first attempt, then accepts
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, n -> n == 1 ? 503 : 204);
             AlertService alert = AlertService.start(servers, Map.of());
             KafkaConsumer<byte[], byte[]> reader = AlertService.reader(servers, Topics.ALERTS)) {
            createRule(alert, ruleId, receiver.url());
            Instant published = Instant.now();
            alert.publish(TestArticles.withUrl(TestArticles.phoneLaunch(), "https://www.ithome.com/it-" + run),
                    reference,
                    TestArticles.withUrl(TestArticles.funding(), "https://36kr.com/p/it-funding-" + run));

            List<Alert> alerts = new ArrayList<>();
            await().atMost(AlertService.WAIT).until(() -> !alertsOf(reader, alerts, ruleId).isEmpty());
            Alert fired = alerts.get(0);
            assertEquals(ArticleIds.alertId(ruleId, reference.id()), fired.id());
            assertEquals(reference.id(), fired.articleId());
            assertEquals(reference.article().url(), fired.url());
            assertEquals(reference.article().title(), fired.title());
            assertEquals(reference.article().publishedAt().toInstant(), fired.publishedAt().toInstant());
            assertEquals(TestArticles.REFERENCE_SENTENCE, fired.evidence());
            assertEquals(List.of("tag:export-policy", "chip:H20", "chip:MI308"), fired.matchedTerms());
            assertFalse(fired.firedAt().isBefore(published.minusSeconds(1)));

            await().atMost(AlertService.WAIT).until(() -> receiver.received().size() >= 2);
            List<WebhookReceiver.Received> posts = receiver.received();
            assertTrue(posts.stream().allMatch(WebhookReceiver.Received::signatureValid));
            assertEquals(List.of(1, 2), posts.stream().map(WebhookReceiver.Received::attempt).toList());
            assertTrue(posts.stream().allMatch(p -> p.alertId().equals(fired.id())));
            assertEquals(fired, ModelJson.decodeAlert(posts.get(1).body()));

            await().atMost(AlertService.WAIT).until(() -> ModelJson.mapper().readTree(
                    alert.get("/api/alerts?rule=" + ruleId, AlertService.VIEWER_KEY).body()).get("count").asInt() == 1);

            // an update of the article, then a full redelivery of the topic to a fresh consumer group
            alert.publish(reference);
            // (the second instance shares the webhook group, as a second replica would)
            try (AlertService second = AlertService.start(servers,
                    Map.of("news.alert.webhook-group-id", alert.webhookGroupId))) {
                await().atMost(AlertService.WAIT).until(second::matchedEverything);
                await().atMost(AlertService.WAIT).until(alert::matchedEverything);
            }
            assertEquals(1, alertsOf(reader, alerts, ruleId).size(), "no refire: " + alerts);
            assertEquals(2, receiver.received().size(), "no second delivery");
            JsonNode history = ModelJson.mapper().readTree(alert.get("/api/alerts?rule=" + ruleId,
                    AlertService.VIEWER_KEY).body());
            assertEquals(fired.id(), history.get("alerts").get(0).get("id").asText());
            assertEquals(TestArticles.REFERENCE_SENTENCE, history.get("alerts").get(0).get("evidence").asText());
        }
    }

    @Test
    void aReceiverThatKeepsFailingEndsInTheDeadLetterTopicWithTheReason(ServerEndpoints servers) throws Exception {
        String run = unique();
        String ruleId = "it-dlq-" + run;
        EnrichedArticle article = TestArticles.withUrl(TestArticles.reference(), "https://36kr.com/p/it-dlq-" + run);
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, n -> 500);
             AlertService alert = AlertService.start(servers, Map.of());
             KafkaConsumer<byte[], byte[]> dlq = AlertService.reader(servers, Topics.ALERT_WEBHOOK_DEAD_LETTER)) {
            createRule(alert, ruleId, receiver.url());
            alert.publish(article);

            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            await().atMost(AlertService.WAIT).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : AlertService.drain(dlq)) {
                    if (ruleId.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        letters.add(r);
                    }
                }
                return !letters.isEmpty();
            });
            ConsumerRecord<byte[], byte[]> letter = letters.get(0);
            Alert alertInLetter = ModelJson.decodeAlert(letter.value());
            assertEquals(ArticleIds.alertId(ruleId, article.id()), alertInLetter.id(), "the alert, replayable as is");
            DeadLetter why = DeadLetterPublisher.describe(letter);
            assertEquals("alert-webhook", why.stage());
            assertEquals("webhook-exhausted", why.errorType());
            assertEquals(Topics.ALERTS, why.topic());
            assertTrue(why.reason().contains("HTTP 500"), why.reason());
            assertEquals("3", new String(letter.headers().lastHeader("newsctl.webhook.attempts").value(),
                    StandardCharsets.UTF_8));
            assertEquals(3, receiver.received().size(), "three attempts, all signed");
            assertTrue(receiver.received().stream().allMatch(WebhookReceiver.Received::signatureValid));
        }
    }
}
