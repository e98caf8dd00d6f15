package io.baton;

import io.baton.models.chat.ChatHttp;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Baton engine application: Camunda 7 with webapps and REST, plus the embedded workers. */
@SpringBootApplication
public class BatonApplication {

  public static void main(String[] args) {
    ChatHttp.reuseThreadsForAnswers();
    SpringApplication.run(BatonApplication.class, args);
  }
}
