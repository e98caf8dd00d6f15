package io.baton.identity;

import static io.baton.identity.BatonGroups.ANALYSTS;
import static io.baton.identity.BatonGroups.AUDITORS;
import static io.baton.identity.BatonGroups.INTEGRATIONS;
import static io.baton.identity.BatonGroups.MCP_CLIENTS;
import static io.baton.identity.BatonGroups.OPERATORS;
import static io.baton.identity.BatonGroups.PRIVACY_OFFICERS;
import static io.baton.identity.BatonGroups.REVIEWERS;
import static io.baton.identity.BatonGroups.SUPERVISORS;
import static io.baton.identity.BatonGroups.WORKERS;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Engine plugin that creates Baton's groups, their authorizations, the Tasklist filters and the
 * accounts once the engine has started. Every step is skipped when it already exists, so restarts
 * change nothing.
 */
@Component
@EnableConfigurationProperties(IdentityProperties.class)
class IdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
  private static final String ANY = Authorization.ANY;
  private static final List<String> DEMO_USERS =
      List.of(
          "analyst",
          "reviewer",
          "supervisor",
          "auditor",
          "operator",
          "integration",
          "privacy",
          "agent");

  private final IdentityProperties properties;

  IdentitySetup(IdentityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    group(identity, ANALYSTS, "Process analysts");
    group(identity, REVIEWERS, "AI reviewers");
    group(identity, SUPERVISORS, "Supervisors");
    group(identity, AUDITORS, "Compliance auditors");
    group(identity, WORKERS, "Baton task workers");
    group(identity, OPERATORS, "Operators (metrics)");
    group(identity, INTEGRATIONS, "Systems that send events");
    group(identity, PRIVACY_OFFICERS, "Privacy officers (erasure of a subject's data)");
    group(identity, MCP_CLIENTS, "MCP clients (processes as tools)");

    for (String group : List.of(ANALYSTS, REVIEWERS, SUPERVISORS)) {
      grant(authorizations, group, APPLICATION, "tasklist", ACCESS);
      grant(authorizations, group, PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE);
      grant(authorizations, group, PROCESS_INSTANCE, ANY, CREATE);
    }
    // reviewers see the tasks of their groups (granted per task by the engine), not all history
    for (String group : List.of(ANALYSTS, AUDITORS)) {
      grant(authorizations, group, APPLICATION, "cockpit", ACCESS);
    }
    grant(
        authorizations, ANALYSTS, PROCESS_DEFINITION, ANY, READ_HISTORY, READ_INSTANCE, READ_TASK);
    grant(authorizations, ANALYSTS, DECISION_DEFINITION, ANY, READ);
    grant(authorizations, ANALYSTS, DEPLOYMENT, ANY, READ, CREATE);
    grant(authorizations, AUDITORS, PROCESS_DEFINITION, ANY, READ, READ_HISTORY);
    grant(authorizations, AUDITORS, DECISION_DEFINITION, ANY, READ, Permissions.READ_HISTORY);
    grant(authorizations, WORKERS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, UPDATE_INSTANCE);
    grant(authorizations, WORKERS, PROCESS_INSTANCE, ANY, READ, UPDATE);
    // events start cases at message start events and continue waiting ones (io.baton.events)
    grant(
        authorizations,
        INTEGRATIONS,
        PROCESS_DEFINITION,
        ANY,
        READ,
        CREATE_INSTANCE,
        UPDATE_INSTANCE);
    grant(authorizations, INTEGRATIONS, PROCESS_INSTANCE, ANY, CREATE);
    // MCP clients start the processes that are tools (io.baton.mcp); narrow CREATE_INSTANCE to
    // single process keys in Admin to expose fewer of them to a client
    grant(authorizations, MCP_CLIENTS, PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE);
    grant(authorizations, MCP_CLIENTS, PROCESS_INSTANCE, ANY, CREATE);

    tasklistFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
    accounts(identity);
  }

  private void accounts(IdentityService identity) {
    if (properties.workerPassword() != null && !properties.workerPassword().isBlank()) {
      user(
          identity,
          properties.workerUser(),
          "Baton",
          "Worker",
          properties.workerPassword(),
          WORKERS);
      syncPassword(identity, properties.workerUser(), properties.workerPassword());
    }
    if (!properties.demoUsers()) {
      removeDemoUsers(identity);
      return;
    }
    log.warn(
        "demo users analyst, reviewer, supervisor, auditor, operator, integration, privacy and agent exist"
            + " with their"
            + " names as"
            + " passwords;"
            + " set baton.identity.demo-users=false outside a demo");
    user(identity, "analyst", "Ada", "Analyst", "analyst", ANALYSTS);
    user(identity, "reviewer", "Rita", "Reviewer", "reviewer", REVIEWERS);
    user(identity, "supervisor", "Sam", "Supervisor", "supervisor", SUPERVISORS);
    user(identity, "auditor", "Aldo", "Auditor", "auditor", AUDITORS);
    user(identity, "operator", "Otto", "Operator", "operator", OPERATORS);
    user(identity, "integration", "Ina", "Integration", "integration", INTEGRATIONS);
    user(identity, "privacy", "Pia", "Privacy", "privacy", PRIVACY_OFFICERS);
    user(identity, "agent", "Ava", "Agent", "agent", MCP_CLIENTS);
  }

  /** Demo users that still have their demo password are removed when demo users are off. */
  private static void removeDemoUsers(IdentityService identity) {
    for (String demo : DEMO_USERS) {
      if (identity.createUserQuery().userId(demo).count() > 0
          && identity.checkPassword(demo, demo)) {
        identity.deleteUser(demo);
        log.info("removed demo user {}: baton.identity.demo-users is off", demo);
      }
    }
  }

  /** The service account takes the configured password, also when it changed since last start. */
  private void syncPassword(IdentityService identity, String id, String password) {
    if (!identity.checkPassword(id, password)) {
      User user = identity.createUserQuery().userId(id).singleResult();
      user.setPassword(password);
      save(identity, user);
      log.info("updated the password of service account {}", id);
    }
  }

  private void tasklistFilters(
      FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    if (filters.createFilterQuery().filterName("My group tasks").count() > 0) {
      return;
    }
    TaskQuery groupTasks =
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}");
    groupTasks.includeAssignedTasks();
    saveFilter(filters, authorizations, "My group tasks", groupTasks, -10);
    TaskQuery mine = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    saveFilter(filters, authorizations, "Assigned to me", mine, -5);
  }

  private static void saveFilter(
      FilterService filters,
      AuthorizationService authorizations,
      String name,
      TaskQuery query,
      int priority) {
    Filter filter =
        filters
            .newTaskFilter(name)
            .setOwner("admin")
            .setProperties(Map.of("priority", priority, "refresh", true))
            .setQuery(query);
    filters.saveFilter(filter);
    for (String group : List.of(ANALYSTS, REVIEWERS, SUPERVISORS, AUDITORS)) {
      grant(authorizations, group, FILTER, filter.getId(), READ);
    }
  }

  private static void group(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void user(
      IdentityService identity,
      String id,
      String firstName,
      String lastName,
      String password,
      String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@baton.local");
      user.setPassword(password);
      save(identity, user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  /**
   * Demo passwords break the password policy, so the demo run, and only the demo run, saves its
   * accounts with the policy skipped. Outside it {@link ConfiguredPasswords} has already checked
   * the workers' password.
   */
  private void save(IdentityService identity, User user) {
    ((IdentityServiceImpl) identity).saveUser(user, properties.demoUsers());
  }

  private static void grant(
      AuthorizationService authorizations,
      String group,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    Authorization authorization =
        existing != null
            ? existing
            : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
