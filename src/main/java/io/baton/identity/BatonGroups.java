package io.baton.identity;

/** The groups Baton's processes and authorizations name. */
public final class BatonGroups {

  public static final String ANALYSTS = "analysts";
  public static final String REVIEWERS = "reviewers";
  public static final String SUPERVISORS = "supervisors";
  public static final String AUDITORS = "auditors";
  public static final String WORKERS = "workers";
  public static final String OPERATORS = "operators";

  private BatonGroups() {}
}
