package io.baton.subjects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.subjects.*}.
 *
 * @param earlierCases how many of a subject's earlier cases, newest first, a new case is told about
 *     (its model prompts and its review form)
 */
@ConfigurationProperties("baton.subjects")
@Validated
public record SubjectsProperties(@DefaultValue("5") @Min(0) @Max(50) int earlierCases) {}
