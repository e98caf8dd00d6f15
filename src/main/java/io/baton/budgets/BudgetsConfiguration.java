package io.baton.budgets;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link ExpiredReservations} on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BudgetsConfiguration {}
