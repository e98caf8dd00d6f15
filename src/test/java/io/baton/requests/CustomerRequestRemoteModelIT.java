package io.baton.requests;

import static io.baton.support.ProcessInstances.awaitEnded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.baton.connectors.email.EmailFunction;
import io.baton.connectors.email.MailDelivery;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.support.DeliveredMail;
import io.baton.support.EngineIT;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * customer-request with a remote model, switched on by configuration only: the {@code smart} model
 * points at an OpenAI-compatible server (the simulator), which classifies and writes the reply.
 */
@EngineIT
class CustomerRequestRemoteModelIT {

  private static final OpenAiSimulator SIMULATOR = new OpenAiSimulator().requireApiKey("k").start();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired MailDelivery mail;

  @DynamicPropertySource
  static void remoteModel(DynamicPropertyRegistry registry) {
    registry.add("baton.models.smart.provider", () -> "openai");
    registry.add("baton.models.smart.model-name", () -> "sim-large");
    registry.add("baton.models.smart.endpoint", SIMULATOR::baseUrl);
    registry.add("baton.models.smart.api-key", () -> "k");
    registry.add("baton.models.smart.price-per-input-token", () -> "0.000002");
    registry.add("baton.models.smart.price-per-output-token", () -> "0.000008");
    registry.add("baton.models.smart.max-tokens", () -> "512");
  }

  @AfterAll
  static void stop() {
    SIMULATOR.close();
  }

  @Test
  void should_classify_and_draft_with_the_remote_model() throws Exception {
    init(engine);
    SIMULATOR
        .when(Match.userContains("Labels, each with example texts"))
        .replyJson(
            "{\"label\":\"ORDER_STATUS\",\"confidence\":0.96,\"rationale\":\"The customer asks where the parcel is.\"}");
    SIMULATOR
        .when(Match.userContains("Approved reply templates"))
        .reply("Hello C-7, your parcel left our warehouse yesterday and arrives within 3 days.");

    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "customer-request",
            Map.of(
                "message",
                "Where is my parcel? I ordered a week ago.",
                "customerId",
                "C-7",
                "customerEmail",
                "c7@customers.example"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("send-reply"));

    assertThat(runtime.getVariable(pi.getId(), "aiModel")).isEqualTo("smart");
    assertThat(runtime.getVariable(pi.getId(), "rationale"))
        .asString()
        .contains("The customer asks where the parcel is.");
    assertThat(runtime.getVariable(pi.getId(), "replyGenerated")).isEqualTo(true);
    execute(job(pi));
    awaitEnded(pi);

    // the model wrote the reply: it goes out marked as AI-generated (EU AI Act Art. 50)
    assertThat(DeliveredMail.texts(mail, pi))
        .singleElement()
        .asString()
        .isEqualToNormalizingNewlines(
            "Hello C-7, your parcel left our warehouse yesterday and arrives within 3 days."
                + "\n\n-- \nThis message was written with the help of AI.");
    assertThat(DeliveredMail.messages(mail, pi).get(0).getHeader(EmailFunction.AI_GENERATED_HEADER))
        .containsExactly("smart");
    assertThat(
            jdbc.queryForList(
                "SELECT prompt_id || ':' || outcome FROM baton_model_call"
                    + " WHERE process_instance_id = ? AND model = 'smart' ORDER BY id",
                String.class,
                pi.getId()))
        .containsExactly("baton-classify:OK", "baton-draft-reply:OK");
    assertThat(
            jdbc.queryForObject(
                "SELECT SUM(cost) FROM baton_model_call WHERE process_instance_id = ?",
                java.math.BigDecimal.class,
                pi.getId()))
        .isPositive();
  }
}
