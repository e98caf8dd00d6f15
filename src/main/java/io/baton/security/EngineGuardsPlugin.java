package io.baton.security;

import io.baton.security.queries.QueryExpressionGuard;
import io.baton.security.starts.AdminOnlyCommands;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Engine plugin that puts Baton's command guards inside every command context: no expression in
 * queries ({@link QueryExpressionGuard}), admin-only instance surgery ({@link AdminOnlyCommands})
 * and a service account kept to external tasks ({@link WorkerCommands}).
 */
@Component
class EngineGuardsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withGuards(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withGuards(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withGuards(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors =
        existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(new QueryExpressionGuard());
    interceptors.add(new AdminOnlyCommands());
    interceptors.add(new WorkerCommands());
    return interceptors;
  }
}
