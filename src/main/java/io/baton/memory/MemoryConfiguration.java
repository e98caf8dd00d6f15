package io.baton.memory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@code baton.memory.*} and runs {@link MemorySweep} on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemoryProperties.class)
@EnableScheduling
class MemoryConfiguration {}
