package io.baton.identity;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Reads the protected fields of engine commands that offer no getter. */
public final class CommandFields {

  private CommandFields() {}

  public static VarHandle of(Class<?> owner, String name, Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
          .findVarHandle(owner, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          owner.getName() + " has no field " + name + ": check it after a Camunda upgrade", e);
    }
  }
}
