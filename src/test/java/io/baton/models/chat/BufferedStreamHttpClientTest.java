package io.baton.models.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requests langchain4j sends without a stream: the same JDK client, waiting for the answer. */
class BufferedStreamHttpClientTest {

  private final OpenAiSimulator simulator = new OpenAiSimulator().start();
  private final HttpClient client =
      BufferedStreamHttpClient.builder(ForkJoinPool.commonPool())
          .connectTimeout(Duration.ofSeconds(5))
          .readTimeout(Duration.ofSeconds(5))
          .build();

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void should_answer_a_request_without_a_stream() {
    simulator.when(Match.anyRequest()).reply("hello");

    var response = client.execute(chat());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"content\":\"hello\"");
  }

  @Test
  void should_raise_the_status_and_body_of_a_failed_request() {
    simulator.when(Match.anyRequest()).failWith(500);

    assertThatThrownBy(() -> client.execute(chat()))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.statusCode()).isEqualTo(500))
        .hasMessageContaining("server_error");
  }

  private HttpRequest chat() {
    return HttpRequest.builder()
        .method(HttpMethod.POST)
        .url(simulator.baseUrl() + "/chat/completions")
        .addHeader("Content-Type", "application/json")
        .body("{\"model\": \"sim\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
        .build();
  }
}
