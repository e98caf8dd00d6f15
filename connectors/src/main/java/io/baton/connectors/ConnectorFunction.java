package io.baton.connectors;

/**
 * One connector: runs on external-task topic {@link #topic()}, takes an {@code I} and returns an
 * {@code O}. Input records carry Jakarta validation annotations; the runtime validates them before
 * {@link #apply} is called. Output record components become process variables of the same name.
 */
public interface ConnectorFunction<I, O> {

  String topic();

  Class<I> inputType();

  O apply(I input);
}
