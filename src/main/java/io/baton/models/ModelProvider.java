package io.baton.models;

/** Builds models of one provider. One implementation per provider. */
public interface ModelProvider {

  boolean supports(ModelSettings settings);

  Model create(String name, ModelSettings settings);
}
