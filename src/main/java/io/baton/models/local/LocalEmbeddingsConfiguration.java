package io.baton.models.local;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one in-process embedding model of this process, shared by the {@code local} models and by
 * connectors that need {@link io.baton.models.Embeddings} (retrieval, grounding checks). It loads
 * on first use, so an application that never embeds does not pay for it.
 */
@Configuration(proxyBeanMethods = false)
class LocalEmbeddingsConfiguration {

  @Bean
  LocalEmbeddings localEmbeddings() {
    return new LocalEmbeddings();
  }
}
