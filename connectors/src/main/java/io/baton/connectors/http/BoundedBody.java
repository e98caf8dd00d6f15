package io.baton.connectors.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a limit and stops there: a larger body is cut off and marked
 * truncated, never held in memory whole.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {

  /** The bytes read, and whether the body went on beyond them. */
  record Body(byte[] bytes, boolean truncated) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final long limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<Body> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  BoundedBody(long limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<Body> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      long room = limit - bytes.size();
      if (buffer.remaining() > room) {
        copy(buffer, (int) room);
        subscription.cancel();
        body.complete(new Body(bytes.toByteArray(), true));
        return;
      }
      copy(buffer, buffer.remaining());
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    body.complete(new Body(bytes.toByteArray(), false));
  }

  private void copy(ByteBuffer buffer, int length) {
    byte[] chunk = new byte[length];
    buffer.get(chunk);
    bytes.write(chunk, 0, length);
  }
}
