package io.baton.governance;

import io.baton.models.PersonalData;

/** Whether a text holds personal data that a person should see before anything acts on it. */
public final class Sensitivity {

  public static final String PERSONAL = "PERSONAL";
  public static final String NORMAL = "NORMAL";

  private Sensitivity() {}

  public static String of(String text) {
    return PersonalData.contains(text) ? PERSONAL : NORMAL;
  }
}
