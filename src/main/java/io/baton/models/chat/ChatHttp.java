package io.baton.models.chat;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;

/** The HTTP client every chat provider sends with: langchain4j's JDK client, noting Retry-After. */
public final class ChatHttp {

  private ChatHttp() {}

  public static HttpClientBuilder client() {
    return JdkHttpClient.builder().httpClientBuilder(RetryAfterCapture.builder());
  }
}
