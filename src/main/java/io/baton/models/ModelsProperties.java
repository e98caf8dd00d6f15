package io.baton.models;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The named models, {@code baton.models.<name>.*}. */
@ConfigurationProperties("baton")
public record ModelsProperties(@DefaultValue Map<String, ModelSettings> models) {}
