package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.baton.models.LearnedExamples.LearnedExample;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A standalone worker reads learned examples over HTTP, keeps them for a while, copes without. */
class RestLearnedExamplesTest {

  private static final String ONE =
      "[{\"id\":7,\"labelSet\":\"customer-intents\",\"label\":\"COMPLAINT\",\"text\":\"It is"
          + " illegal to sell this\",\"correctedBy\":\"supervisor\"}]";

  private HttpServer engine;
  private final AtomicInteger status = new AtomicInteger(200);
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private RestLearnedExamples examples;

  @BeforeEach
  void startEngine() throws IOException {
    engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    engine.createContext(
        "/api/learned-examples",
        exchange -> {
          asked.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = ONE.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    engine.start();
    EngineClient client =
        new EngineClient(
            "http://127.0.0.1:" + engine.getAddress().getPort() + "/engine-rest", "worker", "pw");
    examples = new RestLearnedExamples(client, Duration.ofSeconds(30), now::get);
  }

  @AfterEach
  void stopEngine() {
    engine.stop(0);
  }

  @Test
  void should_read_the_examples_of_a_label_set_and_keep_them_for_the_refresh_time() {
    assertThat(examples.of("customer-intents"))
        .containsExactly(new LearnedExample(7, "COMPLAINT", "It is illegal to sell this"));
    assertThat(asked)
        .singleElement()
        .asString()
        .startsWith("GET /api/learned-examples?labelSet=customer-intents Basic ");

    now.addAndGet(Duration.ofSeconds(29).toNanos());
    examples.of("customer-intents");
    assertThat(asked).as("kept for 30 s").hasSize(1);

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    examples.of("customer-intents");
    assertThat(asked).as("read again after 30 s").hasSize(2);
  }

  @Test
  void should_use_the_examples_read_last_while_the_engine_fails_and_fail_without_any() {
    status.set(503);
    assertThatThrownBy(() -> examples.of("customer-intents"))
        .hasMessageContaining("cannot read the learned examples of label set 'customer-intents'")
        .hasMessageContaining("HTTP 503");

    status.set(200);
    assertThat(examples.of("customer-intents")).hasSize(1);
    status.set(503);
    now.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(examples.of("customer-intents")).as("the last ones read").hasSize(1);
  }
}
